import { mintNodeLicenses, registerOracles } from '@ratio1/contracts/deploy'
import { erc20Abi } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  approveUsdc,
  createMemoryStore,
  type EscrowEvent,
  SwapFailedError,
  type WatchCursor,
  watchJobEvents,
} from '../src/index.js'
import { account, nodes, roles } from './accounts.js'
import { useChain } from './chain.js'

const chain = useChain()
const [nodeA, nodeB] = nodes as [`0x${string}`, `0x${string}`]
const usdc = 1_000_000n

/** A CSP with one running job on nodeA, one epoch allocated. */
async function runningJob() {
  const csp = chain.wallet(roles.csp)
  await chain.fund(csp.account.address, 200n * usdc)
  const { jobIds } = await csp.createJobs({ jobs: [{ jobType: 1, nodes: 2, epochs: 30 }] })
  const jobId = jobIds[0]!
  await chain.wallet(roles.oracle).submitNodeUpdate({ jobId, nodes: [nodeA] })
  await chain.advanceEpochs(1n)
  await csp.allocateRewardsAcrossAllEscrows()
  return { csp, jobId }
}

describe('every write has a simulation whose request can be sent as is', () => {
  test('escrow writes', async () => {
    const csp = chain.wallet(roles.csp)
    const delegate = account(roles.delegate).address
    await chain.fund(csp.account.address, 200n * usdc)
    const simulated = await csp.simulateCreateJobs({ jobs: [{ jobType: 1, nodes: 1, epochs: 30 }] })
    expect(simulated.missingAllowance).toBe(375_000n * 30n)
    expect(simulated.result).toEqual([])
    await approveUsdc(csp, { usdc: simulated.usdc, spender: simulated.escrow, amount: 100n * usdc })
    const ready = await csp.simulateCreateJobs({ jobs: [{ jobType: 1, nodes: 1, epochs: 30 }] })
    expect(ready.missingAllowance).toBe(0n)
    const [jobId] = ready.result
    await csp.writeContract(ready.request as never)
    expect((await csp.getJobDetails({ jobId: jobId! })).numberOfNodesRequested).toBe(1n)

    const job = await csp.getJobDetails({ jobId: jobId! })
    const duration = await csp.simulateExtendJobDuration({
      jobId: jobId!,
      newLastExecutionEpoch: job.lastExecutionEpoch + 2n,
    })
    await csp.writeContract(duration.request as never)
    const wider = await csp.simulateExtendJobNodes({ jobId: jobId!, newNumberOfNodes: 2n })
    await csp.writeContract(wider.request as never)
    const after = await csp.getJobDetails({ jobId: jobId! })
    expect([after.lastExecutionEpoch, after.numberOfNodesRequested]).toEqual([
      job.lastExecutionEpoch + 2n,
      2n,
    ])

    const grant = await csp.simulateSetDelegatePermissions({
      delegate,
      permissions: { extendNodes: true },
    })
    await csp.writeContract(grant.request as never)
    expect((await csp.getDelegates())[0]?.permissions.extendNodes).toBe(true)
    const revoke = await csp.simulateRemoveDelegate({ delegate })
    await csp.writeContract(revoke.request as never)
    expect(await csp.getDelegates()).toEqual([])

    await chain.increaseTime(3_600)
    const redeem = await csp.simulateRedeemUnusedJob({ jobId: jobId! })
    await csp.writeContract(redeem.request as never)
    expect(await csp.getJobs({ jobIds: [jobId!] })).toEqual([null])
  })

  test('manager writes', async () => {
    const { csp, jobId } = await runningJob()
    const owner = chain.wallet(roles.nodeOwner)
    const claim = await owner.simulateClaimRewardsForNode({ node: nodeA })
    const claimBoth = await owner.simulateClaimRewardsForNodes({ nodes: [nodeA] })
    expect(claimBoth.request.functionName).toBe('claimRewardsForNodes')
    await owner.writeContract(claim.request as never)
    expect((await owner.getNodePoAIRewards({ node: nodeA })).usdc).toBe(0n)

    await chain.advanceEpochs(1n)
    const page = await csp.simulateAllocateRewardsAcrossEscrowsPaginated({ maxJobs: 10n })
    // One job in the first escrow, and the empty second escrow counts as one visit.
    expect(page.result).toEqual([2n, true])
    const all = await csp.simulateAllocateRewardsAcrossAllEscrows({})
    await csp.writeContract(all.request as never)
    expect((await owner.getNodePoAIRewards({ node: nodeA })).usdc).toBe(318_750n)

    const oracle = chain.wallet(roles.oracle)
    await chain.increaseTime(300)
    const update = await oracle.simulateSubmitNodeUpdate({ jobId, nodes: [nodeA, nodeB] })
    await oracle.writeContract(update.request as never)
    expect(await csp.getJobActiveNodes({ jobId })).toEqual([nodeA, nodeB])

    const stranger = chain.wallet(roles.stranger)
    await expect(stranger.simulateDeployCspEscrow({})).rejects.toMatchObject({
      name: 'NoOracleNodeError',
    })
    await expect(csp.simulateWithdrawClosedJobBalance({ jobId })).rejects.toMatchObject({
      name: 'ClosedJobWithdrawalError',
      reason: 'the job is not closed',
    })
  })
})

describe('our contracts’ additions', () => {
  test('a claim with limits refuses a price below the floor, and pays at or above it', async () => {
    await runningJob()
    const owner = chain.wallet(roles.nodeOwner)
    const greedy = await owner
      .claimRewardsForNode({ node: nodeA, limits: { minR1PerUsdc: 10n ** 30n } })
      .catch((e: unknown) => e)
    expect(greedy).toBeInstanceOf(SwapFailedError)
    expect((greedy as SwapFailedError).retryable).toBe(true)
    const paid = await owner.claimRewardsForNode({
      node: nodeA,
      limits: { minR1PerUsdc: 10n ** 17n, deadline: 2n ** 40n },
    })
    expect(paid.usdc).toBe(318_750n)
    // The devnet pool starts at 1 R1 per USDC, so the floor of 0.1 R1 per USDC holds.
    expect(paid.r1 * 10n ** 6n >= paid.usdc * 10n ** 17n).toBe(true)
    const r1 = await chain.publicClient.readContract({
      address: chain.addresses.r1,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [owner.account.address],
    })
    expect(r1).toBe(paid.r1)
  })

  test('the paginated allocation pays what the single-shot one pays', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 200n * usdc)
    const { jobIds } = await csp.createJobs({
      jobs: [
        { jobType: 1, nodes: 1, epochs: 30 },
        { jobType: 53, nodes: 2, epochs: 30 },
        { jobType: 50, nodes: 1, epochs: 30 },
      ],
    })
    const oracle = chain.wallet(roles.oracle)
    for (const [i, jobId] of jobIds.entries())
      await oracle.submitNodeUpdate({ jobId, nodes: i === 1 ? [nodeA, nodeB] : [nodeB] })
    await chain.advanceEpochs(2n)
    const snapshot = await chain.testClient.snapshot()
    const single = await csp.allocateRewardsAcrossAllEscrows()
    await chain.testClient.revert({ id: snapshot })
    const paged = await csp.allocateRewardsAcrossEscrowsPaginated({ maxJobs: 1n })
    expect(paged.transactions.length).toBeGreaterThan(1)
    expect(paged.completed).toBe(true)
    expect(paged.credited).toBe(single.credited)
    expect(paged.burned.usdc).toBe(single.burned.usdc)
    expect(paged.allocatedAmount).toBe(single.credited + single.burned.usdc)
    expect(paged.credits.map((c) => [c.jobId, c.node, c.usdc])).toEqual(
      single.credits.map((c) => [c.jobId, c.node, c.usdc]),
    )
  })
})

describe('history', () => {
  test('a redeemed job’s timeline needs its escrow and ends with the refund', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 20n * usdc)
    const { jobIds, quote } = await csp.createJobs({ jobs: [{ jobType: 1, nodes: 1, epochs: 30 }] })
    await chain.increaseTime(3_600)
    await csp.redeemUnusedJob({ jobId: jobIds[0]! })
    await expect(csp.getJobTimeline({ jobId: jobIds[0]! })).rejects.toMatchObject({
      name: 'JobNotFoundError',
    })
    const timeline = await csp.getJobTimeline({ jobId: jobIds[0]!, escrow: chain.escrows.csp })
    expect(timeline.map((step) => step.kind)).toEqual(['created', 'redeemed'])
    const last = timeline.at(-1)
    expect(last?.kind === 'redeemed' && last.refund).toBe(quote.total)
    expect(last!.timestamp - timeline[0]!.timestamp).toBeGreaterThanOrEqual(3_600n)
  })

  test('watchJobEvents follows one job only', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 50n * usdc)
    const { jobIds } = await csp.createJobs({
      jobs: [
        { jobType: 53, nodes: 1, epochs: 30 },
        { jobType: 53, nodes: 1, epochs: 30 },
      ],
    })
    const delivered: EscrowEvent[] = []
    const unwatch = watchJobEvents(chain.publicClient, {
      manager: chain.manager,
      jobIds: [jobIds[1]!],
      cursorStore: createMemoryStore<WatchCursor>(),
      pollingInterval: 20,
      onEvents: (events) => {
        delivered.push(...events)
      },
    })
    const oracle = chain.wallet(roles.oracle)
    await oracle.submitNodeUpdate({ jobId: jobIds[0]!, nodes: [nodeA] })
    await oracle.submitNodeUpdate({ jobId: jobIds[1]!, nodes: [nodeB] })
    for (let i = 0; i < 100 && delivered.length < 4; i++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    await unwatch()
    expect(delivered.map((event) => event.eventName)).toEqual([
      'NodeUpdateSubmittedV2',
      'ConsensusReachedV2',
      'JobStarted',
      'NodesUpdated',
    ])
    expect(
      delivered.every((event) => 'jobId' in event.args && event.args.jobId === jobIds[1]),
    ).toBe(true)
  })

  test('watchJobEvents also follows escrows deployed after it started', async () => {
    const delivered: EscrowEvent[] = []
    const unwatch = watchJobEvents(chain.publicClient, {
      manager: chain.manager,
      includeManager: false,
      eventNames: ['JobCreated'],
      pollingInterval: 20,
      onEvents: (events) => {
        delivered.push(...events)
      },
    })
    const stranger = chain.wallet(roles.stranger)
    const oracle = '0x00000000000000000000000000000000000e5c09'
    await registerOracles(chain.deployer, {
      controller: chain.addresses.controller,
      oracles: [oracle],
    })
    await mintNodeLicenses(chain.deployer, {
      registry: chain.addresses.mnd,
      to: stranger.account.address,
      nodes: [oracle],
    })
    const { escrow } = await stranger.deployCspEscrow()
    await chain.fund(stranger.account.address, 10n * usdc)
    const { jobIds } = await stranger.createJobs({ jobs: [{ jobType: 53, nodes: 1, epochs: 30 }] })
    for (let i = 0; i < 100 && delivered.length < 1; i++)
      await new Promise((resolve) => setTimeout(resolve, 20))
    await unwatch()
    expect(delivered.map((event) => [event.address.toLowerCase(), event.eventName])).toEqual([
      [escrow.toLowerCase(), 'JobCreated'],
    ])
    expect(delivered[0]?.eventName === 'JobCreated' && delivered[0].args.jobId).toBe(jobIds[0])
  })
})
