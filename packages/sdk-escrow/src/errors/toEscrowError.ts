import {
  EpochNotInFutureError,
  EpochsBelowMinimumError,
  getJobType,
  InvalidNodeCountError,
  InvalidParameterError,
  JobEndedError,
  JobNotRedeemableError,
  minimumJobEpochs,
  NodeCountNotIncreasedError,
  redemptionCooldown,
} from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { ContractFunctionRevertedError, BaseError as ViemBaseError } from 'viem'
import {
  AlreadySubmittedError,
  BeforeGenesisError,
  ClosedJobsNotPrunableError,
  ClosedJobWithdrawalError,
  ConsensusCooldownError,
  DelegateConflictError,
  DelegateNotFoundError,
  EscrowAlreadyExistsError,
  EscrowConfigurationError,
  InsufficientAllowanceError,
  InsufficientBalanceError,
  InvalidDelegateError,
  InvalidNodeSetError,
  JobBalanceExhaustedError,
  JobClosedError,
  JobLimitExceededError,
  JobNotFoundError,
  JobTypeRejectedError,
  JobUnderConsensusError,
  NodeSetNotCachedError,
  NoOracleNodeError,
  NoRewardsToClaimError,
  NotAuthorizedError,
  NothingToPayError,
  PermitError,
  ReconciliationError,
  RedemptionCooldownError,
  SwapFailedError,
  TokenTransferFailedError,
} from './escrow.js'

/** What the caller knows about the failed call; it makes the typed error's message exact. */
export type RevertContext = {
  functionName?: string | undefined
  account?: Address | undefined
  escrow?: Address | undefined
  jobId?: bigint | undefined
  node?: Address | undefined
  delegate?: Address | undefined
  currentEpoch?: bigint | undefined
  /** The `createJobs` requests, in order. */
  requests?:
    | readonly { jobType: bigint; lastExecutionEpoch: bigint; numberOfNodesRequested: bigint }[]
    | undefined
  /** The job as read before the call. */
  job?:
    | {
        lastExecutionEpoch: bigint
        numberOfNodesRequested: bigint
        requestTimestamp: bigint
      }
    | undefined
  newLastExecutionEpoch?: bigint | undefined
  newNumberOfNodes?: bigint | undefined
}

/** @see toEscrowError */
export type ToEscrowErrorReturnType = unknown

const permissionOf: Record<string, string> = {
  createJobs: 'createJobs',
  extendJobDuration: 'extendDuration',
  extendJobNodes: 'extendNodes',
  redeemUnusedJob: 'redeemUnusedJob',
  withdrawClosedJobBalance: 'redeemUnusedJob',
}

const configurationReasons = new Set([
  'USDC token cannot be zero address',
  'R1 token cannot be zero address',
  'Burn contract cannot be zero address',
  'Controller cannot be zero address',
  'Uniswap router cannot be zero address',
  'Uniswap pair cannot be zero address',
  'CSP owner cannot be zero address',
  'PoAI Manager cannot be zero address',
  'Escrow implementation mismatch',
  'Epoch duration cannot be zero',
])

// sdk-core's errors have no `cause`/`retryable` parameters: both are attached after construction so a
// reused class still leads to the revert through `walk()`.
function adopt<error extends Error>(
  error: error,
  cause: unknown,
  retryable = false,
): error & { retryable: boolean } {
  Object.defineProperty(error, 'cause', { value: cause, configurable: true, writable: true })
  return Object.assign(error, { retryable })
}

function fromString(reason: string, cause: unknown, context: RevertContext): Error | undefined {
  const { jobId, currentEpoch, job, requests } = context
  if (configurationReasons.has(reason)) return new EscrowConfigurationError({ reason, cause })
  switch (reason) {
    case 'Not CSP owner':
      return new NotAuthorizedError({
        requirement: 'csp-owner',
        functionName: context.functionName,
        account: context.account,
        cause,
      })
    case 'Not authorized':
      return new NotAuthorizedError({
        requirement: 'delegate-permission',
        functionName: context.functionName
          ? `${context.functionName}\` (permission \`${permissionOf[context.functionName] ?? 'unknown'}`
          : undefined,
        account: context.account,
        cause,
      })
    case 'Not PoAI Manager':
      return new NotAuthorizedError({
        requirement: 'poai-manager',
        functionName: context.functionName,
        cause,
      })
    case 'Not an oracle':
      return new NotAuthorizedError({
        requirement: 'oracle',
        functionName: context.functionName,
        cause,
      })
    case 'Deprecated job type':
    case 'Invalid job type': {
      for (const request of requests ?? []) {
        try {
          getJobType(request.jobType)
        } catch (error) {
          return adopt(error as Error, cause)
        }
      }
      return new JobTypeRejectedError({ reason, cause })
    }
    case 'Last execution epoch must be in the future': {
      const index = requests?.findIndex(
        (r) => currentEpoch !== undefined && r.lastExecutionEpoch <= currentEpoch,
      )
      const request = index !== undefined && index >= 0 ? requests?.[index] : undefined
      return adopt(
        new EpochNotInFutureError({
          field:
            index !== undefined && index >= 0
              ? `requests[${index}].lastExecutionEpoch`
              : 'lastExecutionEpoch',
          epoch: request?.lastExecutionEpoch ?? 0n,
          mustExceed: currentEpoch ?? 0n,
          reference: 'the current epoch',
        }),
        cause,
      )
    }
    case 'Number of epochs must be greater than 30': {
      const index =
        currentEpoch === undefined
          ? -1
          : (requests?.findIndex((r) => r.lastExecutionEpoch - currentEpoch < minimumJobEpochs) ??
            -1)
      const request = requests?.[index]
      return adopt(
        new EpochsBelowMinimumError({
          epochs:
            request && currentEpoch !== undefined ? request.lastExecutionEpoch - currentEpoch : 0n,
          minimum: minimumJobEpochs,
          field: index >= 0 ? `requests[${index}].epochs` : 'epochs',
        }),
        cause,
      )
    }
    case 'Number of nodes must be greater than 0': {
      const index = requests?.findIndex((r) => r.numberOfNodesRequested === 0n) ?? -1
      return adopt(
        new InvalidNodeCountError({
          field:
            index >= 0 ? `requests[${index}].numberOfNodesRequested` : 'numberOfNodesRequested',
          value: 0n,
        }),
        cause,
      )
    }
    case 'USDC transfer failed':
      return new TokenTransferFailedError({ token: 'USDC', cause })
    case 'R1 transfer failed':
      return new TokenTransferFailedError({ token: 'R1', cause })
    case 'Job does not exist':
      return new JobNotFoundError({ jobId, escrow: context.escrow, cause })
    case 'New epoch must be greater':
      return adopt(
        new EpochNotInFutureError({
          field: 'newLastExecutionEpoch',
          epoch: context.newLastExecutionEpoch ?? 0n,
          mustExceed: job?.lastExecutionEpoch ?? 0n,
          reference: "the job's current end",
        }),
        cause,
      )
    case 'New epoch must be in future':
      return adopt(
        new EpochNotInFutureError({
          field: 'newLastExecutionEpoch',
          epoch: context.newLastExecutionEpoch ?? 0n,
          mustExceed: currentEpoch ?? 0n,
          reference: 'the current epoch',
        }),
        cause,
      )
    case 'No additional epochs':
    case 'No additional amount':
      return new NothingToPayError({ cause })
    case 'New number of nodes must be greater':
      return adopt(
        new NodeCountNotIncreasedError({
          current: job?.numberOfNodesRequested ?? 0n,
          requested: context.newNumberOfNodes ?? 0n,
        }),
        cause,
      )
    case 'Job has already ended':
      return adopt(
        new JobEndedError({
          lastExecutionEpoch: job?.lastExecutionEpoch ?? 0n,
          currentEpoch: currentEpoch ?? 0n,
        }),
        cause,
      )
    case 'No rewards to claim':
      return new NoRewardsToClaimError({ node: context.node, cause })
    case 'Swap failed':
    case 'No R1 tokens to burn':
      return new SwapFailedError({ cause })
    case 'No balance left':
      return new JobBalanceExhaustedError({ cause })
    case 'Job already started':
      return adopt(new JobNotRedeemableError({ reason: 'the job already started' }), cause)
    case 'Job has active nodes':
      return adopt(new JobNotRedeemableError({ reason: 'the job has active nodes' }), cause)
    case 'No balance to redeem':
      return adopt(new JobNotRedeemableError({ reason: 'the job holds no balance' }), cause)
    case 'Redemption cooldown not elapsed':
      return new RedemptionCooldownError({
        jobId,
        redeemableAt: job ? job.requestTimestamp + redemptionCooldown : undefined,
        cause,
      })
    case 'Negative job balance':
    case 'Burn exceeds balance':
    case 'USDC refund transfer failed':
      return new ReconciliationError({ reason, cause })
    case 'Timestamp is before the start epoch.':
      return new BeforeGenesisError({ cause })
    case 'Delegate cannot be zero':
      return new InvalidDelegateError({ reason: 'the delegate is the zero address', cause })
    case 'Cannot delegate to owner':
      return new InvalidDelegateError({ reason: 'the delegate is the CSP owner', cause })
    case 'Permissions cannot be zero':
      return new InvalidDelegateError({ reason: 'no permission is granted', cause })
    case 'Delegate not found':
    case 'Delegate not found in array':
      return new DelegateNotFoundError({ delegate: context.delegate, cause })
    case 'Job is closed':
      return new JobClosedError({ jobId, cause })
    case 'Last execution epoch too large':
    case 'Number of nodes too large':
      return new JobLimitExceededError({ reason, cause })
    case 'Job is not closed':
      return new ClosedJobWithdrawalError({ reason: 'the job is not closed', cause })
    case 'No balance to withdraw':
      return new ClosedJobWithdrawalError({ reason: 'the job holds no balance', cause })
    case 'Indexes must be strictly descending':
    case 'Closed job still holds a balance':
      return new ClosedJobsNotPrunableError({ reason, cause })
  }
  return undefined
}

function fromCustomError(
  errorName: string,
  args: readonly unknown[] | undefined,
  cause: unknown,
  context: RevertContext,
): Error | undefined {
  const { jobId } = context
  switch (errorName) {
    case 'AlreadyHasEscrow':
      return new EscrowAlreadyExistsError({ account: context.account, cause })
    case 'NoOracleNodeOwned':
      return new NoOracleNodeError({ account: context.account, cause })
    case 'NotNodeOwner':
      return new NotAuthorizedError({
        requirement: 'node-owner',
        functionName: context.functionName,
        account: context.account,
        cause,
      })
    case 'NotOracle':
      return new NotAuthorizedError({
        requirement: 'oracle',
        functionName: context.functionName,
        account: context.account,
        cause,
      })
    case 'NotCspEscrow':
      return new NotAuthorizedError({
        requirement: 'csp-escrow',
        functionName: context.functionName,
        cause,
      })
    case 'OwnableUnauthorizedAccount':
      return new NotAuthorizedError({
        requirement: 'contract-owner',
        functionName: context.functionName,
        account: args?.[0] as Address | undefined,
        cause,
      })
    case 'JobDoesNotExist':
    case 'InvalidJob':
      return new JobNotFoundError({ jobId, escrow: context.escrow, cause })
    case 'ConsensusCooldownNotExpired':
      return new ConsensusCooldownError({ jobId, cause })
    case 'AlreadySubmitted':
      return new AlreadySubmittedError({ jobId, cause })
    case 'HashNotStored':
      return new NodeSetNotCachedError({ cause })
    case 'JobUnvalidatedCannotRemove':
      return new JobUnderConsensusError({ jobId, cause })
    case 'InvalidDelegatedAddress':
      return new InvalidDelegateError({ reason: 'the delegate is the zero address', cause })
    case 'AddressAlreadyOwnsEscrow':
      return new DelegateConflictError({ reason: 'owns-escrow', cause })
    case 'AddressDelegatedToAnotherEscrow':
      return new DelegateConflictError({ reason: 'other-escrow', cause })
    case 'DelegateNotRegistered':
      return new DelegateNotFoundError({ delegate: context.delegate, cause })
    case 'AlreadyReconciled':
      return new ReconciliationError({ reason: 'the balances were already reconciled once', cause })
    case 'TimestampBeforeStartEpoch':
      return new BeforeGenesisError({ cause })
    case 'JobIsClosed':
      return new JobClosedError({ jobId, cause })
    case 'DuplicateNode':
      return new InvalidNodeSetError({ reason: 'a node is listed twice', cause })
    case 'InvalidNodeAddress':
      return new InvalidNodeSetError({ reason: 'the zero address is listed', cause })
    case 'InvalidPageSize':
      return adopt(
        new InvalidParameterError({
          field: 'maxJobs',
          value: 0n,
          rule: 'a page size of at least 1',
        }),
        cause,
      )
    case 'BurnContractZeroAddress':
    case 'SlippageTooHigh':
    case 'EscrowImplementationMismatch':
    case 'InvalidInitialization':
    case 'NotInitializing':
    case 'OwnableInvalidOwner':
      return new EscrowConfigurationError({ reason: errorName, cause })
    case 'ERC20InsufficientAllowance':
      return new InsufficientAllowanceError({
        spender: args?.[0] as Address | undefined,
        allowance: args?.[1] as bigint | undefined,
        needed: args?.[2] as bigint | undefined,
        cause,
      })
    case 'ERC20InsufficientBalance':
      return new InsufficientBalanceError({
        account: args?.[0] as Address | undefined,
        balance: args?.[1] as bigint | undefined,
        needed: args?.[2] as bigint | undefined,
        cause,
      })
    case 'ERC2612ExpiredSignature':
      return new PermitError({ reason: 'the permit expired', cause })
    case 'ERC2612InvalidSigner':
      return new PermitError({ reason: 'the permit was not signed by the owner', cause })
    case 'InvalidAccountNonce':
      return new PermitError({ reason: 'the permit nonce is stale', cause })
  }
  return undefined
}

/**
 * Turns a revert of CspEscrow or PoAIManager (or of USDC inside them) into this package's typed error:
 * every revert string of contracts.md §13.2, every custom error of §13.1 and our contracts' additions are
 * recognised, exactly. The viem error becomes the `cause`. Anything else is returned unchanged, so unknown
 * reverts stay viem's errors. Every action of this package already does this; use it around your own
 * `writeContract`/`readContract` calls.
 *
 * @example
 * ```ts
 * import { toEscrowError } from '@ratio1/sdk-escrow'
 * try {
 *   await walletClient.writeContract({ address: escrow, abi: cspEscrowAbi, functionName: 'redeemUnusedJob', args: [7n] })
 * } catch (error) {
 *   throw toEscrowError(error, { functionName: 'redeemUnusedJob', jobId: 7n })
 * }
 * ```
 */
export function toEscrowError(
  error: unknown,
  context: RevertContext = {},
): ToEscrowErrorReturnType {
  if (!(error instanceof ViemBaseError)) return error
  const reverted = error.walk(
    (e) => e instanceof ContractFunctionRevertedError,
  ) as ContractFunctionRevertedError | null
  if (!reverted) return error
  const errorName = reverted.data?.errorName
  if (reverted.reason !== undefined && (errorName === undefined || errorName === 'Error'))
    return fromString(reverted.reason, error, context) ?? error
  if (errorName) return fromCustomError(errorName, reverted.data?.args, error, context) ?? error
  return error
}
