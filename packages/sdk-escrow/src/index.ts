// Every public export of @ratio1/sdk-escrow, by name. File stores live in '@ratio1/sdk-escrow/node'.

export {
  cspEscrowAbi,
  escrowEventsAbi,
  historicalEventsAbi,
  poaiManagerAbi,
} from './abis.js'
export {
  type AllocateRewardsAcrossAllEscrowsErrorType,
  type AllocateRewardsAcrossAllEscrowsParameters,
  type AllocateRewardsAcrossAllEscrowsReturnType,
  type AllocationSummary,
  allocateRewardsAcrossAllEscrows,
} from './actions/allocateRewardsAcrossAllEscrows.js'
export {
  type AllocateRewardsAcrossEscrowsPaginatedErrorType,
  type AllocateRewardsAcrossEscrowsPaginatedParameters,
  type AllocateRewardsAcrossEscrowsPaginatedReturnType,
  allocateRewardsAcrossEscrowsPaginated,
} from './actions/allocateRewardsAcrossEscrowsPaginated.js'
export {
  type ApproveUsdcErrorType,
  type ApproveUsdcParameters,
  type ApproveUsdcReturnType,
  approveUsdc,
} from './actions/approveUsdc.js'
export {
  type ClaimRewardsForNodeErrorType,
  type ClaimRewardsForNodeParameters,
  type ClaimRewardsForNodeReturnType,
  claimRewardsForNode,
  type NodeClaim,
} from './actions/claimRewardsForNode.js'
export {
  type ClaimRewardsForNodesErrorType,
  type ClaimRewardsForNodesParameters,
  type ClaimRewardsForNodesReturnType,
  claimRewardsForNodes,
} from './actions/claimRewardsForNodes.js'
export {
  type CreateJobsErrorType,
  type CreateJobsParameters,
  type CreateJobsReturnType,
  createJobs,
  type JobCreationRequest,
  type JobRequest,
} from './actions/createJobs.js'
export {
  type CreateJobsIdempotentErrorType,
  type CreateJobsIdempotentParameters,
  type CreateJobsIdempotentReturnType,
  createJobsIdempotent,
  type PaymentJournalEntry,
} from './actions/createJobsIdempotent.js'
export {
  type DeployCspEscrowErrorType,
  type DeployCspEscrowParameters,
  type DeployCspEscrowReturnType,
  deployCspEscrow,
} from './actions/deployCspEscrow.js'
export {
  type ExtendJobDurationErrorType,
  type ExtendJobDurationParameters,
  type ExtendJobDurationReturnType,
  extendJobDuration,
} from './actions/extendJobDuration.js'
export {
  type ExtendJobNodesErrorType,
  type ExtendJobNodesParameters,
  type ExtendJobNodesReturnType,
  extendJobNodes,
} from './actions/extendJobNodes.js'
export {
  type GetActiveJobsErrorType,
  type GetActiveJobsParameters,
  type GetActiveJobsReturnType,
  getActiveJobs,
} from './actions/getActiveJobs.js'
export {
  type GetAllEscrowsErrorType,
  type GetAllEscrowsParameters,
  type GetAllEscrowsReturnType,
  getAllEscrows,
} from './actions/getAllEscrows.js'
export {
  type GetClosedJobsErrorType,
  type GetClosedJobsParameters,
  type GetClosedJobsReturnType,
  getClosedJobs,
} from './actions/getClosedJobs.js'
export {
  type GetCurrentEpochErrorType,
  type GetCurrentEpochParameters,
  type GetCurrentEpochReturnType,
  getCurrentEpoch,
} from './actions/getCurrentEpoch.js'
export {
  type GetDelegatesErrorType,
  type GetDelegatesParameters,
  type GetDelegatesReturnType,
  getDelegates,
} from './actions/getDelegates.js'
export {
  type GetEscrowErrorType,
  type GetEscrowParameters,
  type GetEscrowReturnType,
  getEscrow,
} from './actions/getEscrow.js'
export {
  type GetEscrowBalancesErrorType,
  type GetEscrowBalancesParameters,
  type GetEscrowBalancesReturnType,
  getEscrowBalances,
} from './actions/getEscrowBalances.js'
export {
  type GetEscrowEventsErrorType,
  type GetEscrowEventsParameters,
  type GetEscrowEventsReturnType,
  getEscrowEvents,
} from './actions/getEscrowEvents.js'
export {
  type GetEscrowsWithRewardsForNodeErrorType,
  type GetEscrowsWithRewardsForNodeParameters,
  type GetEscrowsWithRewardsForNodeReturnType,
  getEscrowsWithRewardsForNode,
} from './actions/getEscrowsWithRewardsForNode.js'
export {
  type GetFirstClosableJobIdErrorType,
  type GetFirstClosableJobIdParameters,
  type GetFirstClosableJobIdReturnType,
  getFirstClosableJobId,
} from './actions/getFirstClosableJobId.js'
export {
  type GetJobAccountingErrorType,
  type GetJobAccountingParameters,
  type GetJobAccountingReturnType,
  getJobAccounting,
} from './actions/getJobAccounting.js'
export {
  type GetJobActiveNodesErrorType,
  type GetJobActiveNodesParameters,
  type GetJobActiveNodesReturnType,
  getJobActiveNodes,
} from './actions/getJobActiveNodes.js'
export {
  type GetJobDetailsErrorType,
  type GetJobDetailsParameters,
  type GetJobDetailsReturnType,
  getJobDetails,
} from './actions/getJobDetails.js'
export {
  type GetJobsErrorType,
  type GetJobsParameters,
  type GetJobsReturnType,
  getJobs,
} from './actions/getJobs.js'
export {
  type GetJobTimelineErrorType,
  type GetJobTimelineParameters,
  type GetJobTimelineReturnType,
  getJobTimeline,
  type JobTimelineEntry,
  type JobTimelinePosition,
} from './actions/getJobTimeline.js'
export {
  type GetNodeEarningsErrorType,
  type GetNodeEarningsParameters,
  type GetNodeEarningsReturnType,
  getNodeEarnings,
  type NodeEarnings,
} from './actions/getNodeEarnings.js'
export {
  type GetNodePoAIRewardsErrorType,
  type GetNodePoAIRewardsParameters,
  type GetNodePoAIRewardsReturnType,
  getNodePoAIRewards,
} from './actions/getNodePoAIRewards.js'
export {
  type EscrowProject,
  type GetProjectsErrorType,
  type GetProjectsParameters,
  type GetProjectsReturnType,
  getProjects,
} from './actions/getProjects.js'
export {
  type GetUnvalidatedJobIdsErrorType,
  type GetUnvalidatedJobIdsParameters,
  type GetUnvalidatedJobIdsReturnType,
  getUnvalidatedJobIds,
} from './actions/getUnvalidatedJobIds.js'
export {
  type PruneClosedJobsErrorType,
  type PruneClosedJobsParameters,
  type PruneClosedJobsReturnType,
  pruneClosedJobs,
} from './actions/pruneClosedJobs.js'
export {
  type RedeemUnusedJobErrorType,
  type RedeemUnusedJobParameters,
  type RedeemUnusedJobReturnType,
  redeemUnusedJob,
} from './actions/redeemUnusedJob.js'
export {
  type RemoveDelegateErrorType,
  type RemoveDelegateParameters,
  type RemoveDelegateReturnType,
  removeDelegate,
} from './actions/removeDelegate.js'
export {
  type SetDelegatePermissionsErrorType,
  type SetDelegatePermissionsParameters,
  type SetDelegatePermissionsReturnType,
  setDelegatePermissions,
} from './actions/setDelegatePermissions.js'
export {
  type SignUsdcPermitErrorType,
  type SignUsdcPermitParameters,
  type SignUsdcPermitReturnType,
  signUsdcPermit,
} from './actions/signUsdcPermit.js'
export {
  type SimulateAllocateRewardsAcrossAllEscrowsErrorType,
  type SimulateAllocateRewardsAcrossAllEscrowsParameters,
  type SimulateAllocateRewardsAcrossAllEscrowsReturnType,
  simulateAllocateRewardsAcrossAllEscrows,
} from './actions/simulateAllocateRewardsAcrossAllEscrows.js'
export {
  type SimulateAllocateRewardsAcrossEscrowsPaginatedErrorType,
  type SimulateAllocateRewardsAcrossEscrowsPaginatedParameters,
  type SimulateAllocateRewardsAcrossEscrowsPaginatedReturnType,
  simulateAllocateRewardsAcrossEscrowsPaginated,
} from './actions/simulateAllocateRewardsAcrossEscrowsPaginated.js'
export {
  type SimulateClaimRewardsForNodeErrorType,
  type SimulateClaimRewardsForNodeParameters,
  type SimulateClaimRewardsForNodeReturnType,
  simulateClaimRewardsForNode,
} from './actions/simulateClaimRewardsForNode.js'
export {
  type SimulateClaimRewardsForNodesErrorType,
  type SimulateClaimRewardsForNodesParameters,
  type SimulateClaimRewardsForNodesReturnType,
  simulateClaimRewardsForNodes,
} from './actions/simulateClaimRewardsForNodes.js'
export {
  type SimulateCreateJobsErrorType,
  type SimulateCreateJobsParameters,
  type SimulateCreateJobsReturnType,
  simulateCreateJobs,
} from './actions/simulateCreateJobs.js'
export {
  type SimulateDeployCspEscrowErrorType,
  type SimulateDeployCspEscrowParameters,
  type SimulateDeployCspEscrowReturnType,
  simulateDeployCspEscrow,
} from './actions/simulateDeployCspEscrow.js'
export {
  type SimulateExtendJobDurationErrorType,
  type SimulateExtendJobDurationParameters,
  type SimulateExtendJobDurationReturnType,
  simulateExtendJobDuration,
} from './actions/simulateExtendJobDuration.js'
export {
  type SimulateExtendJobNodesErrorType,
  type SimulateExtendJobNodesParameters,
  type SimulateExtendJobNodesReturnType,
  simulateExtendJobNodes,
} from './actions/simulateExtendJobNodes.js'
export {
  type SimulatePruneClosedJobsErrorType,
  type SimulatePruneClosedJobsParameters,
  type SimulatePruneClosedJobsReturnType,
  simulatePruneClosedJobs,
} from './actions/simulatePruneClosedJobs.js'
export {
  type SimulateRedeemUnusedJobErrorType,
  type SimulateRedeemUnusedJobParameters,
  type SimulateRedeemUnusedJobReturnType,
  simulateRedeemUnusedJob,
} from './actions/simulateRedeemUnusedJob.js'
export {
  type SimulateRemoveDelegateErrorType,
  type SimulateRemoveDelegateParameters,
  type SimulateRemoveDelegateReturnType,
  simulateRemoveDelegate,
} from './actions/simulateRemoveDelegate.js'
export {
  type SimulateSetDelegatePermissionsErrorType,
  type SimulateSetDelegatePermissionsParameters,
  type SimulateSetDelegatePermissionsReturnType,
  simulateSetDelegatePermissions,
} from './actions/simulateSetDelegatePermissions.js'
export {
  type SimulateSubmitNodeUpdateErrorType,
  type SimulateSubmitNodeUpdateParameters,
  type SimulateSubmitNodeUpdateReturnType,
  simulateSubmitNodeUpdate,
} from './actions/simulateSubmitNodeUpdate.js'
export {
  type SimulateWithdrawClosedJobBalanceErrorType,
  type SimulateWithdrawClosedJobBalanceParameters,
  type SimulateWithdrawClosedJobBalanceReturnType,
  simulateWithdrawClosedJobBalance,
} from './actions/simulateWithdrawClosedJobBalance.js'
export {
  type SubmitNodeUpdateErrorType,
  type SubmitNodeUpdateParameters,
  type SubmitNodeUpdateReturnType,
  submitNodeUpdate,
} from './actions/submitNodeUpdate.js'
export {
  type WatchCursor,
  type WatchJobEventsErrorType,
  type WatchJobEventsParameters,
  type WatchJobEventsReturnType,
  watchJobEvents,
} from './actions/watchJobEvents.js'
export {
  type WithdrawClosedJobBalanceErrorType,
  type WithdrawClosedJobBalanceParameters,
  type WithdrawClosedJobBalanceReturnType,
  withdrawClosedJobBalance,
} from './actions/withdrawClosedJobBalance.js'
export {
  type EscrowActions,
  escrowActions,
} from './decorators/escrowActions.js'
export {
  type EscrowPublicActions,
  escrowPublicActions,
} from './decorators/escrowPublicActions.js'
export {
  EscrowError,
  type EscrowErrorParameters,
  type EscrowErrorType,
} from './errors/base.js'
export {
  AlreadySubmittedError,
  type AlreadySubmittedErrorType,
  BeforeGenesisError,
  type BeforeGenesisErrorType,
  ClosedJobsNotPrunableError,
  type ClosedJobsNotPrunableErrorType,
  ClosedJobWithdrawalError,
  type ClosedJobWithdrawalErrorType,
  ConsensusCooldownError,
  type ConsensusCooldownErrorType,
  ContractAddressRequiredError,
  type ContractAddressRequiredErrorType,
  DelegateConflictError,
  type DelegateConflictErrorType,
  DelegateNotFoundError,
  type DelegateNotFoundErrorType,
  EscrowAlreadyExistsError,
  type EscrowAlreadyExistsErrorType,
  EscrowConfigurationError,
  type EscrowConfigurationErrorType,
  type EscrowErrorCause,
  EscrowNotFoundError,
  type EscrowNotFoundErrorType,
  IdempotencyConflictError,
  type IdempotencyConflictErrorType,
  InsufficientAllowanceError,
  type InsufficientAllowanceErrorType,
  InsufficientBalanceError,
  type InsufficientBalanceErrorType,
  InvalidDelegateError,
  type InvalidDelegateErrorType,
  InvalidNodeSetError,
  type InvalidNodeSetErrorType,
  JobBalanceExhaustedError,
  type JobBalanceExhaustedErrorType,
  JobClosedError,
  type JobClosedErrorType,
  JobLimitExceededError,
  type JobLimitExceededErrorType,
  JobNotFoundError,
  type JobNotFoundErrorType,
  JobTypeRejectedError,
  type JobTypeRejectedErrorType,
  JobUnderConsensusError,
  type JobUnderConsensusErrorType,
  NodeSetNotCachedError,
  type NodeSetNotCachedErrorType,
  NoOracleNodeError,
  type NoOracleNodeErrorType,
  NoRewardsToClaimError,
  type NoRewardsToClaimErrorType,
  NotAuthorizedError,
  type NotAuthorizedErrorType,
  NothingToPayError,
  type NothingToPayErrorType,
  PermitError,
  type PermitErrorType,
  ReconciliationError,
  type ReconciliationErrorType,
  RedemptionCooldownError,
  type RedemptionCooldownErrorType,
  type Requirement,
  SwapFailedError,
  type SwapFailedErrorType,
  TokenTransferFailedError,
  type TokenTransferFailedErrorType,
  TransactionFailedError,
  type TransactionFailedErrorType,
} from './errors/escrow.js'
export {
  type RevertContext,
  type ToEscrowErrorReturnType,
  toEscrowError,
} from './errors/toEscrowError.js'
export type {
  EscrowPaymentErrorType,
  EscrowReadErrorType,
  EscrowRevertErrorType,
  EscrowWriteErrorType,
} from './errors/types.js'
export {
  type ParseEscrowEventsParameters,
  type ParseEscrowEventsReturnType,
  parseEscrowEvents,
} from './events/parseEscrowEvents.js'
export type { EscrowEvent, EscrowEventName } from './events/types.js'
export type {
  EscrowClient,
  JobWithEscrow,
  ManagerParameters,
  MulticallParameters,
  TransactionParameters,
  TransactionResult,
} from './internal/types.js'
export type { ContractCall } from './internal/write.js'
export { createMemoryStore } from './stores/createMemoryStore.js'
export type { KeyValueStore } from './stores/types.js'
export {
  type DelegatePermissions,
  decodeDelegatePermissions,
  encodeDelegatePermissions,
} from './utils/delegatePermissions.js'
export { generateProjectHash } from './utils/generateProjectHash.js'
export { version } from './version.js'
