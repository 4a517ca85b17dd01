import { expect, test } from 'vitest'
import * as main from './index.js'
import * as node from './node.js'

test('export surface of @ratio1/sdk-escrow', () => {
  expect(Object.keys(main).sort()).toMatchInlineSnapshot(`
    [
      "AlreadySubmittedError",
      "BeforeGenesisError",
      "ClosedJobWithdrawalError",
      "ClosedJobsNotPrunableError",
      "ConsensusCooldownError",
      "ContractAddressRequiredError",
      "DelegateConflictError",
      "DelegateNotFoundError",
      "EscrowAlreadyExistsError",
      "EscrowConfigurationError",
      "EscrowError",
      "EscrowNotFoundError",
      "IdempotencyConflictError",
      "InsufficientAllowanceError",
      "InsufficientBalanceError",
      "InvalidDelegateError",
      "InvalidNodeSetError",
      "JobBalanceExhaustedError",
      "JobClosedError",
      "JobLimitExceededError",
      "JobNotFoundError",
      "JobTypeRejectedError",
      "JobUnderConsensusError",
      "NoOracleNodeError",
      "NoRewardsToClaimError",
      "NodeSetNotCachedError",
      "NotAuthorizedError",
      "NothingToPayError",
      "PermitError",
      "ReconciliationError",
      "RedemptionCooldownError",
      "SwapFailedError",
      "TokenTransferFailedError",
      "TransactionFailedError",
      "allocateRewardsAcrossAllEscrows",
      "allocateRewardsAcrossEscrowsPaginated",
      "approveUsdc",
      "claimRewardsForNode",
      "claimRewardsForNodes",
      "createJobs",
      "createJobsIdempotent",
      "createMemoryStore",
      "cspEscrowAbi",
      "decodeDelegatePermissions",
      "deployCspEscrow",
      "encodeDelegatePermissions",
      "escrowActions",
      "escrowEventsAbi",
      "escrowPublicActions",
      "extendJobDuration",
      "extendJobNodes",
      "generateProjectHash",
      "getActiveJobs",
      "getAllEscrows",
      "getClosedJobs",
      "getCurrentEpoch",
      "getDelegates",
      "getEscrow",
      "getEscrowBalances",
      "getEscrowEvents",
      "getEscrowsWithRewardsForNode",
      "getFirstClosableJobId",
      "getJobAccounting",
      "getJobActiveNodes",
      "getJobDetails",
      "getJobTimeline",
      "getJobs",
      "getNodeEarnings",
      "getNodePoAIRewards",
      "getProjects",
      "getUnvalidatedJobIds",
      "historicalEventsAbi",
      "parseEscrowEvents",
      "poaiManagerAbi",
      "pruneClosedJobs",
      "redeemUnusedJob",
      "removeDelegate",
      "setDelegatePermissions",
      "signUsdcPermit",
      "simulateAllocateRewardsAcrossAllEscrows",
      "simulateAllocateRewardsAcrossEscrowsPaginated",
      "simulateClaimRewardsForNode",
      "simulateClaimRewardsForNodes",
      "simulateCreateJobs",
      "simulateDeployCspEscrow",
      "simulateExtendJobDuration",
      "simulateExtendJobNodes",
      "simulatePruneClosedJobs",
      "simulateRedeemUnusedJob",
      "simulateRemoveDelegate",
      "simulateSetDelegatePermissions",
      "simulateSubmitNodeUpdate",
      "simulateWithdrawClosedJobBalance",
      "submitNodeUpdate",
      "toEscrowError",
      "version",
      "watchJobEvents",
      "withdrawClosedJobBalance",
    ]
  `)
})

test('export surface of @ratio1/sdk-escrow/node', () => {
  expect(Object.keys(node).sort()).toMatchInlineSnapshot(`
    [
      "createFileStore",
    ]
  `)
})

test('the decorators bind every action, reads on public clients, all on wallet clients', () => {
  const client = { chain: undefined, account: undefined } as never
  const wallet = Object.keys(main.escrowActions()(client)).sort()
  const read = Object.keys(main.escrowPublicActions()(client)).sort()
  const actions = Object.entries(main)
    .filter(([name, value]) => /^(get|simulate|watch)/.test(name) && typeof value === 'function')
    .map(([name]) => name)
    .sort()
  expect(read).toEqual(actions)
  for (const name of read) expect(wallet).toContain(name)
  expect(wallet.filter((name) => !read.includes(name))).toMatchInlineSnapshot(`
    [
      "allocateRewardsAcrossAllEscrows",
      "allocateRewardsAcrossEscrowsPaginated",
      "approveUsdc",
      "claimRewardsForNode",
      "claimRewardsForNodes",
      "createJobs",
      "createJobsIdempotent",
      "deployCspEscrow",
      "extendJobDuration",
      "extendJobNodes",
      "pruneClosedJobs",
      "redeemUnusedJob",
      "removeDelegate",
      "setDelegatePermissions",
      "signUsdcPermit",
      "submitNodeUpdate",
      "withdrawClosedJobBalance",
    ]
  `)
})
