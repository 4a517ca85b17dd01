import { canonicalNodeSet } from '@ratio1/sdk-core'
import { type Address, createWalletClient, http, parseEventLogs, publicActions } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPaidJobs } from '../src/devnet/setupDevnet.js'
import { deployWorkload } from '../src/oracle/deployWorkload.js'
import { createHarness, type Harness, poaiManagerAbi } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await createHarness()
})
afterAll(async () => {
  await h?.stop()
})

const pipeline = { plugins: [{ plugin_signature: 'CONTAINER_APP_RUNNER', IMAGE: 'nginx' }] }

async function paidJob(): Promise<bigint> {
  const [jobId] = await createPaidJobs({
    rpcUrl: h.node.url,
    csp: h.devnet.csp,
    usdc: h.devnet.addresses.usdc,
  })
  return jobId!
}

async function deployBy(index: number, jobId: bigint) {
  const entry = h.oracles[index]!
  return deployWorkload({
    oracle: entry.oracle,
    fleet: h.fleet,
    store: entry.store,
    clock: h.clock,
    jobId,
    appId: `job_${jobId}_0000000`,
    owner: h.devnet.csp.address,
    escrow: h.devnet.csp.escrow,
    pipeline,
    count: 2,
  })
}

/** Every NodeUpdateSubmittedV2 for a job, as (oracle, nodes). */
async function submissions(jobId: bigint) {
  const logs = await h.publicClient.getLogs({
    address: h.devnet.addresses.poaiManager,
    fromBlock: 0n,
  })
  return parseEventLogs({ abi: poaiManagerAbi, eventName: 'NodeUpdateSubmittedV2', logs })
    .filter((log) => log.args.jobId === jobId)
    .map((log) => ({ oracle: log.args.oracle, nodes: [...log.args.newActiveNodes] }))
}

const ethOf = (nodes: readonly string[]) =>
  canonicalNodeSet(h.fleet.keys.filter((k) => nodes.includes(k.address)).map((k) => k.ethAddress))

async function allocateAfterEpoch(which: number[]) {
  await h.advanceEpochs(1n)
  await h.tickAll(which)
  h.clock.advance(6_000)
  await h.tickAll(which)
}

describe('faults', () => {
  test('one of three oracles killed mid-epoch: consensus is still reached and rewards allocated', async () => {
    const jobId = await paidJob()
    const { nodes } = await deployBy(0, jobId)
    await h.oracles[1]!.oracle.stop() // killed: it never ticks again in this test
    await h.tickAll([2])
    expect((await h.job(jobId)).activeNodes).toEqual(ethOf(nodes))
    const before = (await h.job(jobId)).lastAllocatedEpoch
    await allocateAfterEpoch([0, 2])
    const after = await h.job(jobId)
    expect(after.lastAllocatedEpoch).toBeGreaterThan(before)
    const allocated = await h.publicClient.readContract({
      address: h.devnet.addresses.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'getIsLastEpochAllocated',
    })
    expect(allocated).toBe(true)
    expect(h.oracles[1]!.store.listAllocations()).toEqual([])
  })

  test('a byzantine oracle proposing a wrong node set is outvoted; nothing it alone proposed takes effect', async () => {
    const jobId = await paidJob()
    // The honest deployment runs on two nodes; the byzantine oracle proposes two other nodes first.
    const honestNodes = [h.fleet.keys[4]!, h.fleet.keys[5]!]
    for (const node of honestNodes)
      await h.fleet.startWorkload({
        node: node.address,
        workload: { jobId, appId: 'byz_0000001', owner: h.devnet.csp.address, pipeline },
      })
    const byzantine = createWalletClient({
      chain: hardhat,
      transport: http(h.node.url),
      account: privateKeyToAccount(h.devnet.oracles[0]!.privateKey),
    }).extend(publicActions)
    const wrong = canonicalNodeSet([h.fleet.keys[0]!.ethAddress, h.fleet.keys[1]!.ethAddress])
    await byzantine.waitForTransactionReceipt({
      hash: await byzantine.writeContract({
        address: h.devnet.addresses.poaiManager,
        abi: poaiManagerAbi,
        functionName: 'submitNodeUpdate',
        args: [jobId, wrong],
      }),
    })
    // Honest oracle 2 votes: 1–1, no agreement yet; honest oracle 3 votes: 2–1, consensus.
    await h.tickAll([1])
    expect((await h.job(jobId)).activeNodes).toEqual([])
    await h.tickAll([2])
    const honest = canonicalNodeSet(honestNodes.map((k) => k.ethAddress))
    expect((await h.job(jobId)).activeNodes).toEqual(honest)
    const logs = await h.publicClient.getLogs({
      address: h.devnet.addresses.poaiManager,
      fromBlock: 0n,
    })
    const reached = parseEventLogs({
      abi: poaiManagerAbi,
      eventName: 'ConsensusReachedV2',
      logs,
    }).filter((l) => l.args.jobId === jobId)
    expect(reached).toHaveLength(1)
    expect(reached[0]!.args.participants).not.toContain(h.devnet.oracles[0]!.address)
    expect(reached[0]!.args.activeNodes).toEqual(honest)
  })

  test('an oracle restarted mid-epoch resumes without double submissions or double allocation', async () => {
    const jobId = await paidJob()
    await deployBy(0, jobId)
    const ledgerBefore = h.oracles[0]!.store.listSubmissions().filter((s) => s.jobId === jobId)
    expect(ledgerBefore).toHaveLength(1)
    // Crash right after the proposal: the process is gone, its database stays.
    await h.oracles[0]!.oracle.stop()
    h.oracles[0]!.store.close()
    h.oracles[0] = h.makeOracle(0)
    const restarted = await h.oracles[0]!.oracle.tick()
    expect(
      restarted.actions.filter((a) => a.type === 'submitNodeUpdate' && a.jobId === jobId),
    ).toEqual([])
    // A duplicate proposal attempted directly is refused by the ledger before any transaction.
    const again = await h.oracles[0]!.oracle.proposeNodeSet({
      jobId,
      nodes: ledgerBefore[0]!.nodes,
    })
    expect(again).toMatchObject({ outcome: 'skipped', detail: 'already submitted by this oracle' })
    await h.tickAll([0, 2])
    expect((await h.job(jobId)).activeNodes).toEqual(ledgerBefore[0]!.nodes)
    const fromOracle0 = (await submissions(jobId)).filter(
      (s) => s.oracle === h.devnet.oracles[0]!.address,
    )
    expect(fromOracle0).toHaveLength(1)

    // Rewards: oracle 1 allocates, restarts, and does not allocate again.
    await h.advanceEpochs(1n)
    await h.oracles[0]!.oracle.tick()
    h.clock.advance(6_000)
    await h.oracles[0]!.oracle.tick()
    const allocations = h.oracles[0]!.store.listAllocations()
    const allocated = (await h.job(jobId)).lastAllocatedEpoch
    await h.oracles[0]!.oracle.stop()
    h.oracles[0]!.store.close()
    h.oracles[0] = h.makeOracle(0)
    h.clock.advance(6_000)
    const report = await h.oracles[0]!.oracle.tick()
    expect(report.actions.filter((a) => a.type === 'allocateRewards')).toEqual([])
    expect(h.oracles[0]!.store.listAllocations()).toEqual(allocations)
    expect((await h.job(jobId)).lastAllocatedEpoch).toBe(allocated)
  })

  test('a worker node dies: the job is redeployed elsewhere and the new roster reaches the chain', async () => {
    // Oracle 2 was killed in the first test; bring it back with its database.
    h.oracles[1]!.store.close()
    h.oracles[1] = h.makeOracle(1)
    const jobId = await paidJob()
    const { nodes } = await deployBy(0, jobId)
    await h.tickAll([1, 2])
    const roster = ethOf(nodes)
    expect((await h.job(jobId)).activeNodes).toEqual(roster)

    const dead = nodes[0]!
    h.fleet.failNode(dead)
    await h.increaseTime(301) // past the manager's consensus cooldown
    // Only oracles holding the job's spec can redeploy it; the others confirm what they observe.
    for (let round = 0; round < 4; round++) {
      await h.tickAll()
      h.clock.advance(10_000)
      if (
        (await h.job(jobId)).activeNodes.length === 2 &&
        !(await h.job(jobId)).activeNodes.includes(roster[0]!)
      )
        break
    }
    const after = await h.job(jobId)
    const deadEth = h.fleet.keys.find((k) => k.address === dead)!.ethAddress
    expect(after.activeNodes).toHaveLength(2)
    expect(after.activeNodes).not.toContain(deadEth)
    const running = h.fleet
      .snapshot()
      .workloads.filter((w) => w.jobId === jobId)
      .map((w) => h.fleet.keys.find((k) => k.address === w.node)!.ethAddress as Address)
    expect(after.activeNodes).toEqual(canonicalNodeSet(running))
    h.fleet.recoverNode(dead)
  })

  test('paginated allocation: an oracle that stopped after one page is completed by another', async () => {
    // Three running jobs (started through consensus), then a new epoch to allocate.
    const jobs = [await paidJob(), await paidJob(), await paidJob()]
    for (const jobId of jobs) {
      await deployBy(0, jobId)
      await h.tickAll([1])
    }
    await h.advanceEpochs(1n)
    const paged = (index: number) =>
      h.makeOracle(index, { paginateAbove: 0, allocationPageSize: 1 })
    // Oracle A sends one page and dies before the next.
    const { allocateRewardsPage } = await import('../src/chain/escrowAdapter.js')
    const walletClient = createWalletClient({
      chain: hardhat,
      transport: http(h.node.url),
      account: privateKeyToAccount(h.devnet.oracles[0]!.privateKey),
    })
    const first = await allocateRewardsPage(
      { publicClient: h.publicClient, walletClient },
      { poaiManager: h.devnet.addresses.poaiManager, maxJobs: 1n },
    )
    expect(first).toMatchObject({ status: 'mined', completed: false })
    const isAllocated = () =>
      h.publicClient.readContract({
        address: h.devnet.addresses.poaiManager,
        abi: poaiManagerAbi,
        functionName: 'getIsLastEpochAllocated',
      })
    expect(await isAllocated()).toBe(false)
    // Oracle B's rewards loop continues from the manager's cursor.
    for (const entry of h.oracles.splice(2, 1)) {
      await entry.oracle.stop()
      entry.store.close()
    }
    const b = paged(2)
    h.oracles.push(b)
    await b.oracle.tick()
    h.clock.advance(6_000)
    const report = await b.oracle.tick()
    const allocation = report.results.find((r) => r.action.type === 'allocateRewards')
    expect(allocation).toMatchObject({ outcome: 'done', action: { pageSize: 1 } })
    expect(await isAllocated()).toBe(true)
    expect(b.store.listAllocations().length).toBeGreaterThanOrEqual(2)
    for (const jobId of jobs)
      expect((await h.job(jobId)).lastAllocatedEpoch).toBe(
        (await h.job(jobs[0]!)).lastAllocatedEpoch,
      )
  })

  test('below the minimum ETH balance an oracle sends nothing and says so', async () => {
    const jobId = await paidJob()
    await deployBy(0, jobId)
    const lines: string[] = []
    const { createLogger } = await import('../src/utils/logger.js')
    const poor = h.makeOracle(1, {
      minBalance: 10n ** 30n,
      logger: createLogger({ level: 'warn', write: (line) => lines.push(line) }),
    })
    const report = await poor.oracle.tick()
    poor.store.close()
    expect(report.lowBalance).toBe(true)
    const vote = report.results.find((r) => r.action.type === 'submitNodeUpdate')
    expect(vote).toMatchObject({ outcome: 'skipped', detail: 'balance below minimum' })
    expect((await h.job(jobId)).activeNodes).toEqual([])
    expect(lines.some((l) => /ETH balance below the minimum/.test(l))).toBe(true)
    expect(poor.oracle.metrics().lowBalance).toBe(true)
  })
})
