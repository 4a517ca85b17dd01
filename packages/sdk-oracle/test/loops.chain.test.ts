import { canonicalNodeSet } from '@ratio1/sdk-core'
import { parseAbiItem } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
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

const consensusEvent = parseAbiItem(
  'event ConsensusReachedV2(uint256 indexed jobId, address[] activeNodes, address[] participants)',
)

test('a deployment reaches consensus through the other oracles, rewards are allocated once, the ended job is closed', async () => {
  const [jobId] = await createPaidJobs({
    rpcUrl: h.node.url,
    csp: h.devnet.csp,
    usdc: h.devnet.addresses.usdc,
    nodes: 2n,
    epochs: 30n,
  })
  const first = h.oracles[0]!
  const { nodes, proposal } = await deployWorkload({
    oracle: first.oracle,
    fleet: h.fleet,
    store: first.store,
    clock: h.clock,
    jobId: jobId!,
    appId: 'test_app_0000001',
    owner: h.devnet.csp.address,
    escrow: h.devnet.csp.escrow,
    pipeline: { plugins: [{ plugin_signature: 'CONTAINER_APP_RUNNER', IMAGE: 'nginx' }] },
    count: 2,
  })
  expect(proposal.outcome).toBe('done')
  expect((await h.job(jobId!)).activeNodes).toEqual([])

  // Oracle 2 votes the observed set → consensus (quorum 2, agreement 2 of 3).
  await h.tickAll([1])
  const expected = canonicalNodeSet(
    h.fleet.keys.filter((k) => nodes.includes(k.address)).map((k) => k.ethAddress),
  )
  const started = await h.job(jobId!)
  expect(started.activeNodes).toEqual(expected)
  expect(started.startTimestamp).toBeGreaterThan(0n)
  // Oracle 3 arrives late: nothing left to vote on.
  const late = await h.oracles[2]!.oracle.tick()
  expect(late.actions.filter((a) => a.type === 'submitNodeUpdate')).toEqual([])

  // The epoch ends: each oracle schedules a staggered allocation; the first due one allocates.
  await h.advanceEpochs(1n)
  await h.tickAll()
  h.clock.advance(6_000)
  await h.tickAll()
  const allocations = h.oracles.flatMap((o) => o.store.listAllocations())
  expect(allocations).toHaveLength(1)
  expect((await h.job(jobId!)).lastAllocatedEpoch).toBeGreaterThanOrEqual(1n)

  // Past the last paid epoch (and allocated through it), the job becomes closable.
  await h.advanceEpochs(30n)
  for (let i = 0; i < 2; i++) {
    await h.tickAll()
    h.clock.advance(6_000)
  }
  await h.tickAll()
  const closable = await h.publicClient.readContract({
    address: h.devnet.addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'getFirstClosableJobId',
  })
  expect(closable).toBe(0n)
  expect((await h.job(jobId!)).activeNodes).toEqual([])
  expect(h.fleet.snapshot().workloads).toEqual([])
  const closed = await h.publicClient.readContract({
    address: h.devnet.addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'isJobClosed',
    args: [jobId!],
  })
  expect(closed).toBe(true)
  const logs = await h.publicClient.getLogs({
    address: h.devnet.addresses.poaiManager,
    event: consensusEvent,
    fromBlock: 0n,
  })
  expect(logs.map((l) => l.args.activeNodes)).toEqual([expected, []])
})
