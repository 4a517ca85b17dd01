import { usdcAbi } from '@ratio1/contracts/abis'
import { registerOracles } from '@ratio1/contracts/deploy'
import {
  EpochsBelowMinimumError,
  JobEndedError,
  localnetChain,
  networks,
  quoteJob,
  UnknownJobTypeError,
} from '@ratio1/sdk-core'
import {
  ContractFunctionRevertedError,
  createPublicClient,
  erc20Abi,
  http,
  zeroAddress,
} from 'viem'
import { describe, expect, test } from 'vitest'
import {
  AlreadySubmittedError,
  approveUsdc,
  ClosedJobsNotPrunableError,
  ConsensusCooldownError,
  ContractAddressRequiredError,
  DelegateConflictError,
  DelegateNotFoundError,
  EscrowAlreadyExistsError,
  EscrowNotFoundError,
  generateProjectHash,
  getAllEscrows,
  InsufficientAllowanceError,
  InsufficientBalanceError,
  InvalidDelegateError,
  InvalidNodeSetError,
  JobClosedError,
  JobNotFoundError,
  JobUnderConsensusError,
  NoOracleNodeError,
  NotAuthorizedError,
  PermitError,
  RedemptionCooldownError,
  TransactionFailedError,
} from '../src/index.js'
import { account, nodes, roles } from './accounts.js'
import { useChain } from './chain.js'

const chain = useChain()
const usdc = 1_000_000n
const [nodeA, nodeB, nodeC] = nodes as [`0x${string}`, `0x${string}`, `0x${string}`]

const balanceOf = (address: `0x${string}`) =>
  chain.publicClient.readContract({
    address: chain.addresses.usdc,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [address],
  })

describe('paying for jobs', () => {
  test('createJobs quotes, obtains the allowance by permit, pays once and returns the new ids', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 1_000n * usdc)
    const projectHash = generateProjectHash()
    const before = await balanceOf(csp.account.address)
    const epoch = await csp.getCurrentEpoch()
    const until = new Date(
      Number(((await chain.publicClient.getBlock()).timestamp + 45n * 86_400n) * 1000n),
    )
    const result = await csp.createJobs({
      jobs: [
        { jobType: 1, nodes: 2, epochs: 30, projectHash },
        { jobType: 53, nodes: 1, until, projectHash },
        { jobType: 50, nodes: 3, lastExecutionEpoch: epoch + 40n },
      ],
    })
    expect(result.allowance.method).toBe('permit')
    expect(result.escrow).toBe(chain.escrows.csp)
    expect(result.jobIds).toHaveLength(3)
    expect(result.quote.quotes.map((q) => q.epochs)).toEqual([30n, 45n, 40n])
    expect(result.quote.total).toBe(
      quoteJob({ jobType: 1, nodes: 2, epochs: 30 }).total +
        quoteJob({ jobType: 53, nodes: 1, epochs: 45 }).total +
        quoteJob({ jobType: 50, nodes: 3, epochs: 40 }).total,
    )
    expect(before - (await balanceOf(csp.account.address))).toBe(result.quote.total)
    const jobs = await csp.getJobs({ jobIds: result.jobIds })
    expect(jobs.map((job) => job?.balance)).toEqual(result.quote.quotes.map((q) => q.total))
    expect(jobs[0]?.projectHash).toBe(projectHash)
    expect(jobs[2]?.lastExecutionEpoch).toBe(epoch + 40n)

    // The receipt came back and the allowance was spent exactly.
    expect(result.receipt.status).toBe('success')
    const allowance = await chain.publicClient.readContract({
      address: chain.addresses.usdc,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [csp.account.address, chain.escrows.csp],
    })
    expect(allowance).toBe(0n)
  })

  test('approve is used when asked, and a sufficient allowance is reused', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 100n * usdc)
    const first = await csp.createJobs({
      jobs: [{ jobType: 53, nodes: 1, epochs: 30 }],
      allowance: 'approve',
    })
    expect(first.allowance.method).toBe('approve')
    await approveUsdc(csp, {
      usdc: chain.addresses.usdc,
      spender: chain.escrows.csp,
      amount: 10n * usdc,
      method: 'approve',
    })
    const second = await csp.createJobs({ jobs: [{ jobType: 53, nodes: 1, epochs: 30 }] })
    expect(second.allowance.method).toBe('none')
    expect(second.jobIds[0]).toBe(first.jobIds[0]! + 1n)
  })

  test('the pre-flight refuses what the escrow would reject, before any transaction', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 10n * usdc)
    const nonce = await chain.publicClient.getTransactionCount({ address: csp.account.address })
    await expect(csp.createJobs({ jobs: [{ jobType: 1, nodes: 1, epochs: 10 }] })).rejects.toThrow(
      EpochsBelowMinimumError,
    )
    await expect(
      csp.createJobs({ jobs: [{ jobType: 999, nodes: 1, epochs: 30 }] }),
    ).rejects.toThrow(UnknownJobTypeError)
    const poor = csp.createJobs({ jobs: [{ jobType: 9, nodes: 5, epochs: 60 }] })
    await expect(poor).rejects.toThrow(InsufficientBalanceError)
    await expect(poor).rejects.toMatchObject({ needed: 12_500_000n * 5n * 60n, retryable: false })
    await expect(
      chain.wallet(roles.stranger).createJobs({ jobs: [{ jobType: 1, nodes: 1, epochs: 30 }] }),
    ).rejects.toThrow(EscrowNotFoundError)
    expect(await chain.publicClient.getTransactionCount({ address: csp.account.address })).toBe(
      nonce,
    )
  })

  test('without an allowance the revert becomes InsufficientAllowanceError, with viem’s error as cause', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 100n * usdc)
    const error = await csp
      .createJobs({ jobs: [{ jobType: 1, nodes: 1, epochs: 30 }], allowance: 'none' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InsufficientAllowanceError)
    const typed = error as InsufficientAllowanceError
    expect(typed.needed).toBe(375_000n * 30n)
    expect(typed.allowance).toBe(0n)
    expect(typed.retryable).toBe(false)
    expect(typed.walk((e) => e instanceof ContractFunctionRevertedError)).toMatchObject({
      data: { errorName: 'ERC20InsufficientAllowance' },
    })
  })

  test('permits need token support: a forced permit on a token without one is a PermitError', async () => {
    const csp = chain.wallet(roles.csp)
    const error = await approveUsdc(csp, {
      usdc: chain.addresses.r1,
      spender: chain.escrows.csp,
      amount: 1n,
      method: 'permit',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PermitError)
    expect(error).toMatchObject({ reason: 'the token does not support EIP-2612 permits' })
    // 'auto' falls back to approve on the same token.
    const auto = await approveUsdc(csp, {
      usdc: chain.addresses.r1,
      spender: chain.escrows.csp,
      amount: 1n,
    })
    expect(auto.method).toBe('approve')
  })

  test('a transaction that passes the gas estimate but reverts when mined is a TransactionFailedError', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 100n * usdc)
    await approveUsdc(csp, {
      usdc: chain.addresses.usdc,
      spender: chain.escrows.csp,
      amount: 375_000n * 30n,
      method: 'approve',
    })
    const nonce = await chain.publicClient.getTransactionCount({ address: csp.account.address })
    await chain.testClient.setAutomine(false)
    const jobs = [{ jobType: 1, nodes: 1, epochs: 30 }]
    const first = csp.createJobs({ jobs, allowance: 'none', nonce })
    const second = csp
      .createJobs({ jobs, allowance: 'none', nonce: nonce + 1 })
      .catch((e: unknown) => e)
    // Both transactions must be in the mempool before the block that includes them is mined: under
    // load the second one's pre-checks can take seconds, and mining earlier would let them see the
    // allowance already spent.
    const deadline = Date.now() + 45_000
    for (;;) {
      const pending = await chain.publicClient.getBlock({ blockTag: 'pending' })
      if (pending.transactions.length === 2) break
      if (Date.now() > deadline) throw new Error('the two payments never reached the mempool')
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    await chain.testClient.mine({ blocks: 1 })
    await expect(first).resolves.toMatchObject({ jobIds: [expect.any(BigInt)] })
    expect(await second).toBeInstanceOf(TransactionFailedError)
  })
})

describe('escrows and delegates', () => {
  test('deployCspEscrow needs an oracle licence and one escrow per owner', async () => {
    const stranger = chain.wallet(roles.stranger)
    await expect(stranger.deployCspEscrow()).rejects.toThrow(NoOracleNodeError)
    await expect(stranger.simulateDeployCspEscrow({})).rejects.toThrow(NoOracleNodeError)
    await expect(chain.wallet(roles.csp).deployCspEscrow()).rejects.toThrow(
      EscrowAlreadyExistsError,
    )
    expect(await stranger.getEscrow()).toBeNull()

    const oracle = '0x00000000000000000000000000000000000e5c08'
    await registerOracles(chain.deployer, {
      controller: chain.addresses.controller,
      oracles: [oracle],
    })
    const { mintNodeLicenses } = await import('@ratio1/contracts/deploy')
    await mintNodeLicenses(chain.deployer, {
      registry: chain.addresses.mnd,
      to: stranger.account.address,
      nodes: [oracle],
    })
    const { escrow } = await stranger.deployCspEscrow()
    expect(await stranger.getEscrow()).toEqual({
      escrow,
      owner: stranger.account.address,
      role: 'owner',
    })
    const all = await getAllEscrows(chain.publicClient, { manager: chain.manager })
    expect(all.map((entry) => entry.escrow)).toEqual([
      chain.escrows.csp,
      chain.escrows.otherCsp,
      escrow,
    ])
  })

  test('delegates get typed permissions and act within them', async () => {
    const csp = chain.wallet(roles.csp)
    const delegate = chain.wallet(roles.delegate)
    await expect(
      csp.setDelegatePermissions({ delegate: delegate.account.address, permissions: {} }),
    ).rejects.toThrow(InvalidDelegateError)
    await expect(
      csp.setDelegatePermissions({
        delegate: csp.account.address,
        permissions: { createJobs: true },
      }),
    ).rejects.toMatchObject({
      name: 'InvalidDelegateError',
      reason: 'the delegate is the CSP owner',
    })
    await expect(
      csp.setDelegatePermissions({
        delegate: account(roles.otherCsp).address,
        permissions: { createJobs: true },
      }),
    ).rejects.toThrow(DelegateConflictError)

    const { mask } = await csp.setDelegatePermissions({
      delegate: delegate.account.address,
      permissions: { createJobs: true, redeemUnusedJob: true },
    })
    expect(mask).toBe(9n)
    expect(await csp.getDelegates()).toEqual([
      {
        delegate: delegate.account.address,
        mask: 9n,
        permissions: {
          createJobs: true,
          extendDuration: false,
          extendNodes: false,
          redeemUnusedJob: true,
        },
      },
    ])
    expect(await delegate.getEscrow()).toEqual({
      escrow: chain.escrows.csp,
      owner: csp.account.address,
      role: 'delegate',
    })

    // The delegate pays from its own wallet, into the owner's escrow (found from its registration).
    await chain.fund(delegate.account.address, 50n * usdc)
    const { jobIds, escrow } = await delegate.createJobs({
      jobs: [{ jobType: 1, nodes: 1, epochs: 30 }],
    })
    expect(escrow).toBe(chain.escrows.csp)
    const denied = await delegate
      .extendJobDuration({ jobId: jobIds[0]!, epochs: 1 })
      .catch((e: unknown) => e)
    expect(denied).toBeInstanceOf(NotAuthorizedError)
    expect(denied).toMatchObject({ requirement: 'delegate-permission' })
    expect((denied as Error).message).toContain('permission `extendDuration`')

    const notOwner = await delegate
      .setDelegatePermissions({
        escrow: chain.escrows.csp,
        delegate: account(roles.stranger).address,
        permissions: { createJobs: true },
      })
      .catch((e: unknown) => e)
    expect(notOwner).toMatchObject({ name: 'NotAuthorizedError', requirement: 'csp-owner' })

    await csp.removeDelegate({ delegate: delegate.account.address })
    expect(await csp.getDelegates()).toEqual([])
    await expect(csp.removeDelegate({ delegate: delegate.account.address })).rejects.toThrow(
      DelegateNotFoundError,
    )
  })
})

describe('running a job', () => {
  test('start, extend, allocate, claim, close, withdraw, with the timeline to match', async () => {
    const csp = chain.wallet(roles.csp)
    const oracle = chain.wallet(roles.oracle)
    const owner = chain.wallet(roles.nodeOwner)
    await chain.fund(csp.account.address, 1_000n * usdc)
    const {
      jobIds: [jobId],
    } = await csp.createJobs({ jobs: [{ jobType: 1, nodes: 2, epochs: 30 }] })
    const id = jobId!

    expect(await oracle.getUnvalidatedJobIds({ oracle: oracle.account.address })).toEqual([])
    await expect(
      chain.wallet(roles.stranger).simulateSubmitNodeUpdate({ jobId: id, nodes: [nodeA] }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedError', requirement: 'oracle' })
    await expect(oracle.submitNodeUpdate({ jobId: id, nodes: [nodeA, nodeA] })).rejects.toThrow(
      InvalidNodeSetError,
    )
    await expect(oracle.submitNodeUpdate({ jobId: 999n, nodes: [nodeA] })).rejects.toThrow(
      JobNotFoundError,
    )

    const started = await oracle.submitNodeUpdate({ jobId: id, nodes: [nodeB, nodeA] })
    expect(started.outcome).toBe('reached')
    expect(started.consensus?.nodes).toEqual([nodeA, nodeB])
    expect(await csp.getJobActiveNodes({ jobId: id })).toEqual([nodeA, nodeB])
    expect((await oracle.submitNodeUpdate({ jobId: id, nodes: [nodeA, nodeB] })).outcome).toBe(
      'unchanged',
    )
    const cooldown = await oracle
      .submitNodeUpdate({ jobId: id, nodes: [nodeA] })
      .catch((e: unknown) => e)
    expect(cooldown).toBeInstanceOf(ConsensusCooldownError)
    expect((cooldown as ConsensusCooldownError).retryable).toBe(true)

    const job = await csp.getJobDetails({ jobId: id })
    const longer = await csp.extendJobDuration({ jobId: id, epochs: 5 })
    expect(longer.amount).toBe(375_000n * 2n * 5n)
    expect(longer.newLastExecutionEpoch).toBe(job.lastExecutionEpoch + 5n)
    const epoch = await csp.getCurrentEpoch()
    const wider = await csp.extendJobNodes({ jobId: id, newNumberOfNodes: 3 })
    expect(wider.amount).toBe(375_000n * (job.lastExecutionEpoch + 5n - epoch))

    await chain.advanceEpochs(2n)
    const allocation = await chain.wallet(roles.stranger).allocateRewardsAcrossAllEscrows()
    // Two epochs for two nodes: 85 % credited, 15 % burned.
    expect(allocation.credited).toBe(2n * 2n * 318_750n)
    expect(allocation.burned.usdc).toBe(2n * 2n * 56_250n)
    const earnings = await chain.publicClient.getNodeEarnings({ nodes: [nodeA, nodeB, nodeC] })
    expect(earnings.nodes.map((n) => n.claimable)).toEqual([637_500n, 637_500n, 0n])
    expect(earnings.nodes[0]?.escrows).toEqual([{ escrow: chain.escrows.csp, usdc: 637_500n }])

    await expect(
      chain.wallet(roles.stranger).claimRewardsForNode({ node: nodeA }),
    ).rejects.toMatchObject({ name: 'NotAuthorizedError', requirement: 'node-owner' })
    const claim = await owner.claimRewardsForNode({ node: nodeA })
    expect(claim.usdc).toBe(637_500n)
    expect(claim.r1).toBeGreaterThan(0n)
    expect(claim.escrows).toEqual([{ escrow: chain.escrows.csp, usdc: 637_500n, r1: claim.r1 }])
    const both = await owner.claimRewardsForNodes({ nodes: [nodeB] })
    expect(both.usdc).toBe(637_500n)
    expect((await owner.getNodePoAIRewards({ node: nodeA })).usdc).toBe(0n)

    // Run to the end, allocate the rest, and let the oracle close the job.
    const end = (await csp.getJobDetails({ jobId: id })).lastExecutionEpoch
    await chain.advanceEpochs(end - (await csp.getCurrentEpoch()))
    expect(await csp.getFirstClosableJobId()).toBeNull()
    await csp.allocateRewardsAcrossAllEscrows()
    expect(await csp.getFirstClosableJobId()).toBe(id)
    expect((await oracle.submitNodeUpdate({ jobId: id, nodes: [] })).outcome).toBe('reached')
    const closed = await csp.getClosedJobs()
    expect(closed.map((j) => j.id)).toEqual([id])
    await expect(
      csp.simulateExtendJobDuration({ jobId: id, newLastExecutionEpoch: end + 10n }),
    ).rejects.toThrow(JobClosedError)
    await expect(csp.extendJobDuration({ jobId: id, epochs: 1 })).rejects.toThrow(JobEndedError)

    // Two nodes ran where three were paid: the third node's share is left and goes back to the owner.
    const left = closed[0]!.balance
    expect(left).toBe(375_000n * (end - epoch))
    expect(await csp.getJobAccounting({ jobId: id })).toEqual({
      closed: true,
      withheld: 0n,
      nextEpochToPay: end,
    })
    await expect(csp.simulatePruneClosedJobs({ indexes: [0n] })).rejects.toThrow(
      ClosedJobsNotPrunableError,
    )
    const withdrawal = await csp.withdrawClosedJobBalance({ jobId: id })
    expect(withdrawal).toMatchObject({ amount: left, recipient: csp.account.address })
    await expect(csp.withdrawClosedJobBalance({ jobId: id })).rejects.toMatchObject({
      name: 'ClosedJobWithdrawalError',
      reason: 'the job holds no balance',
    })

    const timeline = await csp.getJobTimeline({ jobId: id })
    expect(timeline.map((step) => step.kind)).toEqual([
      'created',
      'proposed',
      'consensus',
      'started',
      'nodes-changed',
      'extended-duration',
      'extended-nodes',
      'rewarded',
      'rewarded',
      'proposed',
      'consensus',
      'closed',
      'nodes-changed',
      'withdrawn',
    ])
    expect((await csp.pruneClosedJobs({ jobIds: [id] })).indexes).toEqual([0n])
    expect(await csp.getClosedJobs()).toEqual([])
    const rewarded = timeline.filter((step) => step.kind === 'rewarded')
    expect(rewarded.map((step) => step.kind === 'rewarded' && step.epochs)).toEqual([
      2n,
      end - epoch - 2n,
    ])
    expect(rewarded.map((step) => step.kind === 'rewarded' && step.throughEpoch)).toEqual([
      epoch + 1n,
      end - 1n,
    ])
  })

  test('redeeming an unused job waits for the cooldown and for open consensus rounds', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 100n * usdc)
    const { jobIds, quote } = await csp.createJobs({ jobs: [{ jobType: 1, nodes: 1, epochs: 30 }] })
    const jobId = jobIds[0]!
    const early = await csp.redeemUnusedJob({ jobId }).catch((e: unknown) => e)
    expect(early).toBeInstanceOf(RedemptionCooldownError)
    expect(early).toMatchObject({ retryable: true })
    await expect(csp.simulateRedeemUnusedJob({ jobId })).rejects.toThrow(RedemptionCooldownError)
    await chain.increaseTime(3_600)

    // With three oracles one proposal opens a round, which blocks the refund until it closes.
    await registerOracles(chain.deployer, {
      controller: chain.addresses.controller,
      oracles: [account(7).address, account(8).address],
    })
    const oracle = chain.wallet(roles.oracle)
    expect((await oracle.submitNodeUpdate({ jobId, nodes: [nodeA] })).outcome).toBe('proposed')
    expect(await chain.wallet(7).getUnvalidatedJobIds({ oracle: account(7).address })).toEqual([
      jobId,
    ])
    await expect(oracle.submitNodeUpdate({ jobId, nodes: [nodeB] })).rejects.toThrow(
      AlreadySubmittedError,
    )
    await expect(csp.redeemUnusedJob({ jobId })).rejects.toThrow(JobUnderConsensusError)
    await chain.advanceEpochs(2n)

    const before = await balanceOf(csp.account.address)
    const { refund, recipient } = await csp.redeemUnusedJob({ jobId })
    expect(refund).toBe(quote.total)
    expect(recipient).toBe(csp.account.address)
    expect((await balanceOf(csp.account.address)) - before).toBe(quote.total)
    await expect(csp.getJobDetails({ jobId })).rejects.toThrow(JobNotFoundError)
    await expect(csp.getJobDetails({ jobId, escrow: chain.escrows.csp })).rejects.toThrow(
      JobNotFoundError,
    )
  })
})

describe('reads', () => {
  test('projects, balances, pages and missing jobs', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 500n * usdc)
    const web = generateProjectHash()
    const db = generateProjectHash()
    expect(web).not.toBe(db)
    const { jobIds, quote } = await csp.createJobs({
      jobs: [
        { jobType: 1, nodes: 1, epochs: 30, projectHash: web },
        { jobType: 50, nodes: 1, epochs: 30, projectHash: db },
        { jobType: 53, nodes: 2, epochs: 30, projectHash: web },
      ],
    })
    const projects = await csp.getProjects()
    expect(projects.map((p) => [p.projectHash, p.jobs.map((j) => j.id), p.activeJobs])).toEqual([
      [web, [jobIds[0], jobIds[2]], 2],
      [db, [jobIds[1]], 1],
    ])
    expect(await csp.getEscrowBalances()).toEqual({
      escrow: chain.escrows.csp,
      activeJobsBalance: quote.total,
      usdcHeld: quote.total,
      activeJobsCount: 3n,
    })
    const page = await csp.getActiveJobs({
      escrow: chain.escrows.csp,
      page: { offset: 1n, limit: 1n },
    })
    expect(page.map((j) => j.id)).toEqual([jobIds[1]])
    const all = await csp.getActiveJobs()
    expect(all.map((j) => [j.id, j.escrowAddress, j.escrowOwner])).toEqual(
      jobIds.map((id) => [id, chain.escrows.csp, csp.account.address]),
    )
    const read = await csp.getJobs({ jobIds: [jobIds[0]!, 999n] })
    expect(read[0]?.id).toBe(jobIds[0])
    expect(read[1]).toBeNull()
    const direct = await csp.getJobs({ jobIds: [999n, jobIds[2]!], escrow: chain.escrows.csp })
    expect(direct.map((j) => j?.numberOfNodesRequested ?? null)).toEqual([null, 2n])
    expect(await csp.getEscrowsWithRewardsForNode({ node: nodeA })).toEqual([])
  })

  test('the PoAIManager address comes from the parameters, a network name or the chain', async () => {
    const plain = createPublicClient({ chain: localnetChain, transport: http(chain.rpcUrl) })
    // The local deployment is deterministic, so sdk-core's localnet network knows its PoAIManager.
    expect(networks.localnet.contracts.poaiManager).toBe(chain.manager)
    expect(await getAllEscrows(plain)).toHaveLength(2)
    expect(await getAllEscrows(plain, { network: 'localnet' })).toHaveLength(2)
    const unknown = createPublicClient({
      chain: { ...localnetChain, id: 1 },
      transport: http(chain.rpcUrl),
    })
    const error = await getAllEscrows(unknown).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContractAddressRequiredError)
    expect((error as Error).message).toContain('no built-in Ratio1 network on chain 1 knows it')
    const sepolia = await getAllEscrows(
      createPublicClient({
        chain: { ...localnetChain, id: 84_532 },
        transport: http(chain.rpcUrl),
      }),
    ).catch((e: unknown) => e)
    expect((sepolia as Error).message).toContain('(testnet, devnet)')
    expect(await getAllEscrows(unknown, { manager: chain.manager })).toHaveLength(2)
    expect(
      await chain.publicClient.readContract({
        address: chain.addresses.usdc,
        abi: usdcAbi,
        functionName: 'allowance',
        args: [zeroAddress, zeroAddress],
      }),
    ).toBe(0n)
  })
})
