import type {
  DeprecatedJobTypeErrorType,
  EpochNotInFutureErrorType,
  EpochsBelowMinimumErrorType,
  InvalidNodeCountErrorType,
  InvalidParameterErrorType,
  JobEndedErrorType,
  JobNotRedeemableErrorType,
  NodeCountNotIncreasedErrorType,
  UnknownJobTypeErrorType,
} from '@ratio1/sdk-core'
import type {
  GetLogsErrorType,
  MulticallErrorType,
  ReadContractErrorType,
  SignTypedDataErrorType,
  SimulateContractErrorType,
  WaitForTransactionReceiptErrorType,
  WriteContractErrorType,
} from 'viem'
import type {
  AlreadySubmittedErrorType,
  BeforeGenesisErrorType,
  ClosedJobsNotPrunableErrorType,
  ClosedJobWithdrawalErrorType,
  ConsensusCooldownErrorType,
  ContractAddressRequiredErrorType,
  DelegateConflictErrorType,
  DelegateNotFoundErrorType,
  EscrowAlreadyExistsErrorType,
  EscrowConfigurationErrorType,
  EscrowNotFoundErrorType,
  IdempotencyConflictErrorType,
  InsufficientAllowanceErrorType,
  InsufficientBalanceErrorType,
  InvalidDelegateErrorType,
  InvalidNodeSetErrorType,
  JobBalanceExhaustedErrorType,
  JobClosedErrorType,
  JobLimitExceededErrorType,
  JobNotFoundErrorType,
  JobTypeRejectedErrorType,
  JobUnderConsensusErrorType,
  NodeSetNotCachedErrorType,
  NoOracleNodeErrorType,
  NoRewardsToClaimErrorType,
  NotAuthorizedErrorType,
  NothingToPayErrorType,
  PermitErrorType,
  ReconciliationErrorType,
  RedemptionCooldownErrorType,
  SwapFailedErrorType,
  TokenTransferFailedErrorType,
  TransactionFailedErrorType,
} from './escrow.js'

/**
 * Every typed error a revert of CspEscrow, PoAIManager (or USDC inside them) can become: this package's
 * classes and the sdk-core classes reused for the same conditions.
 */
export type EscrowRevertErrorType =
  | NotAuthorizedErrorType
  | JobNotFoundErrorType
  | InsufficientAllowanceErrorType
  | TokenTransferFailedErrorType
  | ConsensusCooldownErrorType
  | AlreadySubmittedErrorType
  | JobClosedErrorType
  | JobUnderConsensusErrorType
  | RedemptionCooldownErrorType
  | NoRewardsToClaimErrorType
  | SwapFailedErrorType
  | JobBalanceExhaustedErrorType
  | EscrowAlreadyExistsErrorType
  | NoOracleNodeErrorType
  | InvalidDelegateErrorType
  | DelegateNotFoundErrorType
  | DelegateConflictErrorType
  | InvalidNodeSetErrorType
  | NodeSetNotCachedErrorType
  | EscrowConfigurationErrorType
  | ReconciliationErrorType
  | BeforeGenesisErrorType
  | NothingToPayErrorType
  | JobLimitExceededErrorType
  | ClosedJobWithdrawalErrorType
  | ClosedJobsNotPrunableErrorType
  | PermitErrorType
  | JobTypeRejectedErrorType
  | InsufficientBalanceErrorType
  | DeprecatedJobTypeErrorType
  | EpochNotInFutureErrorType
  | EpochsBelowMinimumErrorType
  | InvalidNodeCountErrorType
  | InvalidParameterErrorType
  | JobEndedErrorType
  | JobNotRedeemableErrorType
  | NodeCountNotIncreasedErrorType
  | UnknownJobTypeErrorType

/** What a read action can throw. */
export type EscrowReadErrorType =
  | EscrowRevertErrorType
  | ContractAddressRequiredErrorType
  | EscrowNotFoundErrorType
  | ReadContractErrorType
  | MulticallErrorType
  | GetLogsErrorType

/** What a write (or its simulation) can throw. */
export type EscrowWriteErrorType =
  | EscrowRevertErrorType
  | ContractAddressRequiredErrorType
  | EscrowNotFoundErrorType
  | TransactionFailedErrorType
  | SimulateContractErrorType
  | WriteContractErrorType
  | WaitForTransactionReceiptErrorType
  | MulticallErrorType

/** What a paying write can throw on top of `EscrowWriteErrorType`. */
export type EscrowPaymentErrorType =
  | EscrowWriteErrorType
  | InsufficientBalanceErrorType
  | PermitErrorType
  | IdempotencyConflictErrorType
  | SignTypedDataErrorType
