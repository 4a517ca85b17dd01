// Errors

export { isNodeAddress } from './addresses/isNodeAddress.js'
export {
  type NodeAddressToEthAddressErrorType,
  nodeAddressToEthAddress,
} from './addresses/nodeAddressToEthAddress.js'
// Addresses
export {
  type NodeAddressToPublicKeyErrorType,
  nodeAddressToPublicKey,
} from './addresses/nodeAddressToPublicKey.js'
export {
  type PublicKeyToNodeAddressErrorType,
  publicKeyToNodeAddress,
} from './addresses/publicKeyToNodeAddress.js'
export { type CanonicalNodeSetErrorType, canonicalNodeSet } from './consensus/canonicalNodeSet.js'
// Consensus
export {
  type ConsensusThresholdsErrorType,
  type ConsensusThresholdsReturnType,
  consensusThresholds,
} from './consensus/consensusThresholds.js'
export {
  type EvaluateProposalsErrorType,
  type EvaluateProposalsParameters,
  type EvaluateProposalsReturnType,
  evaluateProposals,
  type NodeSetSubmission,
  type SubmissionOutcome,
} from './consensus/evaluateProposals.js'
export { type HashNodeSetErrorType, hashNodeSet } from './consensus/hashNodeSet.js'
export { type GetEpochErrorType, getEpoch } from './epochs/getEpoch.js'
export { getEpochEnd } from './epochs/getEpochEnd.js'
export { getEpochStart } from './epochs/getEpochStart.js'
export { getEpochsBetween } from './epochs/getEpochsBetween.js'
export { getTimeToNextEpoch } from './epochs/getTimeToNextEpoch.js'
// Epochs
export type { EpochSource, Timestamp } from './epochs/resolveEpochConfig.js'
export {
  InvalidEthAddressError,
  type InvalidEthAddressErrorType,
  InvalidNodeAddressError,
  type InvalidNodeAddressErrorType,
} from './errors/address.js'
export {
  BaseError,
  type BaseErrorParameters,
  type BaseErrorType,
  type ErrorConfig,
  setErrorConfig,
} from './errors/base.js'
export {
  TimestampBeforeGenesisError,
  type TimestampBeforeGenesisErrorType,
} from './errors/epoch.js'
export {
  DeprecatedJobTypeError,
  type DeprecatedJobTypeErrorType,
  NoMatchingJobTypeError,
  type NoMatchingJobTypeErrorType,
  UnknownJobTypeError,
  type UnknownJobTypeErrorType,
} from './errors/jobType.js'
export {
  NetworkValueMissingError,
  type NetworkValueMissingErrorType,
  UnknownNetworkError,
  type UnknownNetworkErrorType,
} from './errors/network.js'
export {
  BigIntExpectedError,
  type BigIntExpectedErrorType,
  InvalidParameterError,
  type InvalidParameterErrorType,
} from './errors/parameters.js'
export {
  EpochNotInFutureError,
  type EpochNotInFutureErrorType,
  EpochsBelowMinimumError,
  type EpochsBelowMinimumErrorType,
  InvalidNodeCountError,
  type InvalidNodeCountErrorType,
  JobEndedError,
  type JobEndedErrorType,
  JobNotRedeemableError,
  type JobNotRedeemableErrorType,
  NodeCountNotIncreasedError,
  type NodeCountNotIncreasedErrorType,
} from './errors/pricing.js'
export { InvalidAmountError, type InvalidAmountErrorType } from './errors/units.js'
// Types
export type { Count } from './internal/integers.js'
// Job types
export {
  type DeprecatedJobType,
  deprecatedJobTypes,
  type GpuTier,
  gpuTiers,
  type JobType,
  type JobTypeCategory,
  type JobTypeResources,
  jobTypes,
} from './jobTypes/catalogue.js'
export {
  type FindJobTypeErrorType,
  type FindJobTypeParameters,
  type FindJobTypeReturnType,
  findJobType,
} from './jobTypes/findJobType.js'
export { type GetJobTypeErrorType, getJobType } from './jobTypes/getJobType.js'
export { type DefineNetworkErrorType, defineNetwork } from './networks/defineNetwork.js'
export { type GetNetworkErrorType, getNetwork } from './networks/getNetwork.js'
export { localnetChain, networks } from './networks/networks.js'
// Networks
export type {
  EpochConfig,
  Network,
  NetworkContracts,
  NetworkName,
} from './networks/types.js'
export {
  type AllocateJobEpochsErrorType,
  type AllocateJobEpochsParameters,
  type AllocateJobEpochsReturnType,
  allocateJobEpochs,
} from './payouts/allocateJobEpochs.js'
export {
  type GetJobRunwayErrorType,
  type GetJobRunwayParameters,
  type GetJobRunwayReturnType,
  getJobRunway,
} from './payouts/getJobRunway.js'
export {
  type NodeEarningsForJob,
  type ProjectNodeEarningsParameters,
  type ProjectNodeEarningsReturnType,
  projectNodeEarnings,
} from './payouts/projectNodeEarnings.js'
export {
  type AllocatableJob,
  type JobAllocation,
  type SimulateAllocationParameters,
  type SimulateAllocationReturnType,
  simulateAllocation,
} from './payouts/simulateAllocation.js'
// Payouts
export {
  type SplitNodeRewardErrorType,
  type SplitNodeRewardReturnType,
  splitNodeReward,
} from './payouts/splitNodeReward.js'
// Pricing
export { burnPercentage, minimumJobEpochs, redemptionCooldown } from './pricing/constants.js'
export {
  type QuoteExtendJobDurationErrorType,
  type QuoteExtendJobDurationParameters,
  type QuoteExtendJobDurationReturnType,
  quoteExtendJobDuration,
} from './pricing/quoteExtendJobDuration.js'
export {
  type QuoteExtendJobNodesErrorType,
  type QuoteExtendJobNodesParameters,
  type QuoteExtendJobNodesReturnType,
  quoteExtendJobNodes,
} from './pricing/quoteExtendJobNodes.js'
export {
  type JobQuote,
  type QuoteJobErrorType,
  type QuoteJobParameters,
  quoteJob,
} from './pricing/quoteJob.js'
export {
  type QuoteJobForDurationErrorType,
  type QuoteJobForDurationParameters,
  type QuoteJobForDurationReturnType,
  quoteJobForDuration,
} from './pricing/quoteJobForDuration.js'
export {
  type QuoteJobsErrorType,
  type QuoteJobsReturnType,
  quoteJobs,
} from './pricing/quoteJobs.js'
export {
  type QuoteRedeemUnusedJobErrorType,
  type QuoteRedeemUnusedJobParameters,
  type QuoteRedeemUnusedJobReturnType,
  quoteRedeemUnusedJob,
} from './pricing/quoteRedeemUnusedJob.js'
export type { JobDetails } from './types/job.js'
// Units
export type { FormatAmountOptions } from './units/formatTokenAmount.js'
export {
  type FormatR1ErrorType,
  formatR1,
  type ParseR1ErrorType,
  parseR1,
  r1Decimals,
} from './units/r1.js'
export {
  type FormatUsdcErrorType,
  formatUsdc,
  type ParseUsdcErrorType,
  parseUsdc,
  usdcDecimals,
} from './units/usdc.js'
export { version } from './version.js'
