import type { Address, Hash } from 'viem'
import { docsAnchor, EscrowError } from './base.js'

/** The underlying error (usually viem's) every escrow error can carry as `cause`. */
export type EscrowErrorCause = { cause?: unknown }

/** Who may call a function, as the contracts enforce it. */
export type Requirement =
  | 'csp-owner'
  | 'delegate-permission'
  | 'poai-manager'
  | 'csp-escrow'
  | 'oracle'
  | 'node-owner'
  | 'contract-owner'

const requirementText: Record<Requirement, string> = {
  'csp-owner': "only the escrow's CSP owner may call it; send it from the owner's account",
  'delegate-permission':
    'the sender is neither the CSP owner nor a delegate holding the needed permission; ask the owner to grant it with `setDelegatePermissions`',
  'poai-manager': 'only the PoAIManager may call it; use the matching PoAIManager function instead',
  'csp-escrow': 'only a CspEscrow registered in the PoAIManager may call it',
  oracle: "only an oracle registered in the Controller may call it; use an oracle's account",
  'node-owner':
    "only the owner of the node's ND licence may claim its rewards; send it from that account",
  'contract-owner': "only the PoAIManager's owner (the Safe) may call it",
}

/** @see NotAuthorizedError */
export type NotAuthorizedErrorType = NotAuthorizedError & { name: 'NotAuthorizedError' }

/**
 * The sender may not call this function ("Not CSP owner", "Not authorized", "Not PoAI Manager",
 * `NotOracle`, `NotNodeOwner`, `NotCspEscrow`, `OwnableUnauthorizedAccount`). `requirement` says who may.
 *
 * @example
 * ```ts
 * import { NotAuthorizedError } from '@ratio1/sdk-escrow'
 * throw new NotAuthorizedError({ requirement: 'oracle', functionName: 'submitNodeUpdate' })
 * ```
 */
export class NotAuthorizedError extends EscrowError {
  override name = 'NotAuthorizedError' as const
  readonly requirement: Requirement
  readonly account: Address | undefined
  constructor({
    requirement,
    functionName,
    account,
    cause,
  }: EscrowErrorCause & {
    requirement: Requirement
    functionName?: string | undefined
    account?: Address | undefined
  }) {
    super(
      `${account ?? 'The sender'} may not call \`${functionName ?? 'this function'}\`: ${requirementText[requirement]}.`,
      { retryable: false, cause, docsPath: docsAnchor('NotAuthorizedError') },
    )
    this.requirement = requirement
    this.account = account
  }
}

/** @see JobNotFoundError */
export type JobNotFoundErrorType = JobNotFoundError & { name: 'JobNotFoundError' }

/**
 * No such job: the id was never created, was redeemed, or belongs to another escrow ("Job does not exist",
 * `JobDoesNotExist`, `InvalidJob`).
 *
 * @example
 * ```ts
 * import { JobNotFoundError } from '@ratio1/sdk-escrow'
 * throw new JobNotFoundError({ jobId: 42n })
 * ```
 */
export class JobNotFoundError extends EscrowError {
  override name = 'JobNotFoundError' as const
  readonly jobId: bigint | undefined
  constructor({
    jobId,
    escrow,
    cause,
  }: EscrowErrorCause & { jobId?: bigint | undefined; escrow?: Address | undefined }) {
    super(
      `Job ${jobId ?? '(unknown id)'} does not exist${escrow ? ` in escrow ${escrow}` : ''}: it was never created, was redeemed, or belongs to another escrow. Check the id with getJobDetails.`,
      { retryable: false, cause, docsPath: docsAnchor('JobNotFoundError') },
    )
    this.jobId = jobId
  }
}

/** @see InsufficientAllowanceError */
export type InsufficientAllowanceErrorType = InsufficientAllowanceError & {
  name: 'InsufficientAllowanceError'
}

/**
 * The escrow may not pull enough USDC from the payer (`ERC20InsufficientAllowance`). Approve the
 * **escrow** address (not the manager) for at least the quoted amount, or let `createJobs` do it.
 *
 * @example
 * ```ts
 * import { InsufficientAllowanceError } from '@ratio1/sdk-escrow'
 * throw new InsufficientAllowanceError({ allowance: 0n, needed: 22_500_000n })
 * ```
 */
export class InsufficientAllowanceError extends EscrowError {
  override name = 'InsufficientAllowanceError' as const
  readonly allowance: bigint | undefined
  readonly needed: bigint | undefined
  constructor({
    spender,
    allowance,
    needed,
    cause,
  }: EscrowErrorCause & {
    spender?: Address | undefined
    allowance?: bigint | undefined
    needed?: bigint | undefined
  }) {
    super(
      `The USDC allowance${spender ? ` of ${spender}` : ''} is too low${allowance !== undefined && needed !== undefined ? ` (${allowance} < ${needed} base units)` : ''}. Approve the escrow for the quoted amount (createJobs does this for you with \`allowance: 'auto'\`).`,
      { retryable: false, cause, docsPath: docsAnchor('InsufficientAllowanceError') },
    )
    this.allowance = allowance
    this.needed = needed
  }
}

/** @see InsufficientBalanceError */
export type InsufficientBalanceErrorType = InsufficientBalanceError & {
  name: 'InsufficientBalanceError'
}

/**
 * The payer holds less USDC than the payment (checked before sending, or `ERC20InsufficientBalance`).
 *
 * @example
 * ```ts
 * import { InsufficientBalanceError } from '@ratio1/sdk-escrow'
 * throw new InsufficientBalanceError({ account: '0x0000000000000000000000000000000000000001', balance: 5n, needed: 9n })
 * ```
 */
export class InsufficientBalanceError extends EscrowError {
  override name = 'InsufficientBalanceError' as const
  readonly balance: bigint | undefined
  readonly needed: bigint | undefined
  constructor({
    account,
    balance,
    needed,
    cause,
  }: EscrowErrorCause & {
    account?: Address | undefined
    balance?: bigint | undefined
    needed?: bigint | undefined
  }) {
    super(
      `${account ?? 'The payer'} holds ${balance ?? 'too little'} USDC base units but the payment needs ${needed ?? 'more'}. Fund the account with USDC first.`,
      { retryable: false, cause, docsPath: docsAnchor('InsufficientBalanceError') },
    )
    this.balance = balance
    this.needed = needed
  }
}

/** @see TokenTransferFailedError */
export type TokenTransferFailedErrorType = TokenTransferFailedError & {
  name: 'TokenTransferFailedError'
}

/**
 * A token transfer inside the escrow returned false ("USDC transfer failed", "R1 transfer failed").
 *
 * @example
 * ```ts
 * import { TokenTransferFailedError } from '@ratio1/sdk-escrow'
 * throw new TokenTransferFailedError({ token: 'USDC' })
 * ```
 */
export class TokenTransferFailedError extends EscrowError {
  override name = 'TokenTransferFailedError' as const
  constructor({ token, cause }: EscrowErrorCause & { token: 'USDC' | 'R1' }) {
    super(
      `A ${token} transfer inside the escrow failed. Check the payer's ${token} balance and its allowance to the escrow.`,
      { retryable: false, cause, docsPath: docsAnchor('TokenTransferFailedError') },
    )
  }
}

/** @see ConsensusCooldownError */
export type ConsensusCooldownErrorType = ConsensusCooldownError & {
  name: 'ConsensusCooldownError'
}

/**
 * A different node set was proposed within 300 s of the job's last consensus
 * (`ConsensusCooldownNotExpired`). Retry after `getRemainingCooldownTime(jobId)` seconds.
 *
 * @example
 * ```ts
 * import { ConsensusCooldownError } from '@ratio1/sdk-escrow'
 * throw new ConsensusCooldownError({ jobId: 3n })
 * ```
 */
export class ConsensusCooldownError extends EscrowError {
  override name = 'ConsensusCooldownError' as const
  readonly jobId: bigint | undefined
  constructor({ jobId, cause }: EscrowErrorCause & { jobId?: bigint | undefined }) {
    super(
      `${jobId === undefined ? 'The job' : `Job ${jobId}`} reached consensus less than 300 s ago; a different node set is rejected until the cooldown ends. Retry after getRemainingCooldownTime.`,
      { retryable: true, cause, docsPath: docsAnchor('ConsensusCooldownError') },
    )
    this.jobId = jobId
  }
}

/** @see AlreadySubmittedError */
export type AlreadySubmittedErrorType = AlreadySubmittedError & { name: 'AlreadySubmittedError' }

/**
 * This oracle already proposed a node set for the job in the current epoch (`AlreadySubmitted`). A new
 * proposal is accepted in the next epoch's round.
 *
 * @example
 * ```ts
 * import { AlreadySubmittedError } from '@ratio1/sdk-escrow'
 * throw new AlreadySubmittedError({ jobId: 3n })
 * ```
 */
export class AlreadySubmittedError extends EscrowError {
  override name = 'AlreadySubmittedError' as const
  constructor({ jobId, cause }: EscrowErrorCause & { jobId?: bigint | undefined }) {
    super(
      `This oracle already proposed a node set for job ${jobId ?? '(unknown)'} in the current epoch. Wait for the next epoch to propose again.`,
      { retryable: false, cause, docsPath: docsAnchor('AlreadySubmittedError') },
    )
  }
}

/** @see JobClosedError */
export type JobClosedErrorType = JobClosedError & { name: 'JobClosedError' }

/**
 * The job was closed by consensus and accepts no extension or node change ("Job is closed", `JobIsClosed`;
 * our contracts only — Ratio1's deployed escrow takes the money instead). Create a new job.
 *
 * @example
 * ```ts
 * import { JobClosedError } from '@ratio1/sdk-escrow'
 * throw new JobClosedError({ jobId: 3n })
 * ```
 */
export class JobClosedError extends EscrowError {
  override name = 'JobClosedError' as const
  constructor({ jobId, cause }: EscrowErrorCause & { jobId?: bigint | undefined }) {
    super(
      `Job ${jobId ?? '(unknown)'} is closed. Closed jobs cannot be extended or reassigned; create a new job (and withdraw the closed job's balance with withdrawClosedJobBalance).`,
      { retryable: false, cause, docsPath: docsAnchor('JobClosedError') },
    )
  }
}

/** @see JobUnderConsensusError */
export type JobUnderConsensusErrorType = JobUnderConsensusError & {
  name: 'JobUnderConsensusError'
}

/**
 * The job cannot be removed while an oracle round is open on it (`JobUnvalidatedCannotRemove`, e.g. from
 * `redeemUnusedJob`). Retry once the round closes (on our contracts, at most two epochs later).
 *
 * @example
 * ```ts
 * import { JobUnderConsensusError } from '@ratio1/sdk-escrow'
 * throw new JobUnderConsensusError({ jobId: 3n })
 * ```
 */
export class JobUnderConsensusError extends EscrowError {
  override name = 'JobUnderConsensusError' as const
  constructor({ jobId, cause }: EscrowErrorCause & { jobId?: bigint | undefined }) {
    super(
      `Job ${jobId ?? '(unknown)'} has an open consensus round, so it cannot be redeemed yet. Retry after the oracles agree (or after the round lapses).`,
      { retryable: true, cause, docsPath: docsAnchor('JobUnderConsensusError') },
    )
  }
}

/** @see RedemptionCooldownError */
export type RedemptionCooldownErrorType = RedemptionCooldownError & {
  name: 'RedemptionCooldownError'
}

/**
 * An unused job can be redeemed only one hour after it was paid ("Redemption cooldown not elapsed").
 *
 * @example
 * ```ts
 * import { RedemptionCooldownError } from '@ratio1/sdk-escrow'
 * throw new RedemptionCooldownError({ jobId: 3n, redeemableAt: 1_790_000_000n })
 * ```
 */
export class RedemptionCooldownError extends EscrowError {
  override name = 'RedemptionCooldownError' as const
  readonly redeemableAt: bigint | undefined
  constructor({
    jobId,
    redeemableAt,
    cause,
  }: EscrowErrorCause & { jobId?: bigint | undefined; redeemableAt?: bigint | undefined }) {
    super(
      `Job ${jobId ?? '(unknown)'} was paid less than an hour ago; it can be redeemed from ${redeemableAt !== undefined ? `Unix time ${redeemableAt}` : 'one hour after payment'}. Retry then.`,
      { retryable: true, cause, docsPath: docsAnchor('RedemptionCooldownError') },
    )
    this.redeemableAt = redeemableAt
  }
}

/** @see NoRewardsToClaimError */
export type NoRewardsToClaimErrorType = NoRewardsToClaimError & { name: 'NoRewardsToClaimError' }

/**
 * The node has no USDC to claim in an escrow ("No rewards to claim").
 *
 * @example
 * ```ts
 * import { NoRewardsToClaimError } from '@ratio1/sdk-escrow'
 * throw new NoRewardsToClaimError({})
 * ```
 */
export class NoRewardsToClaimError extends EscrowError {
  override name = 'NoRewardsToClaimError' as const
  constructor({ node, cause }: EscrowErrorCause & { node?: Address | undefined }) {
    super(
      `${node ?? 'The node'} has no rewards to claim. Check getNodePoAIRewards first; rewards appear after an allocation.`,
      { retryable: false, cause, docsPath: docsAnchor('NoRewardsToClaimError') },
    )
  }
}

/** @see SwapFailedError */
export type SwapFailedErrorType = SwapFailedError & { name: 'SwapFailedError' }

/**
 * The USDC→R1 swap of a claim or burn returned nothing or missed its minimum ("Swap failed",
 * "No R1 tokens to burn"). Liquidity or price may recover: retry later, or with a lower minimum.
 *
 * @example
 * ```ts
 * import { SwapFailedError } from '@ratio1/sdk-escrow'
 * throw new SwapFailedError({})
 * ```
 */
export class SwapFailedError extends EscrowError {
  override name = 'SwapFailedError' as const
  constructor({ cause }: EscrowErrorCause) {
    super(
      'The USDC→R1 swap on the Uniswap V2 pool failed or returned nothing. Retry later, or accept a lower minimum output.',
      { retryable: true, cause, docsPath: docsAnchor('SwapFailedError') },
    )
  }
}

/** @see JobBalanceExhaustedError */
export type JobBalanceExhaustedErrorType = JobBalanceExhaustedError & {
  name: 'JobBalanceExhaustedError'
}

/**
 * Ratio1's deployed escrow reverts a whole allocation when one job's balance would go negative because
 * the oracles assigned more nodes than were paid for ("No balance left"). Extend the job or wait for the
 * oracles to fix its node set.
 *
 * @example
 * ```ts
 * import { JobBalanceExhaustedError } from '@ratio1/sdk-escrow'
 * throw new JobBalanceExhaustedError({})
 * ```
 */
export class JobBalanceExhaustedError extends EscrowError {
  override name = 'JobBalanceExhaustedError' as const
  constructor({ cause }: EscrowErrorCause) {
    super(
      'A job would be overdrawn by this allocation (more active nodes than paid for), so the escrow reverted it. Top the job up or correct its node set, then allocate again.',
      { retryable: false, cause, docsPath: docsAnchor('JobBalanceExhaustedError') },
    )
  }
}

/** @see EscrowAlreadyExistsError */
export type EscrowAlreadyExistsErrorType = EscrowAlreadyExistsError & {
  name: 'EscrowAlreadyExistsError'
}

/**
 * The account already owns an escrow (`AlreadyHasEscrow`); each CSP owner has exactly one. Use
 * `getEscrow` to find it.
 *
 * @example
 * ```ts
 * import { EscrowAlreadyExistsError } from '@ratio1/sdk-escrow'
 * throw new EscrowAlreadyExistsError({})
 * ```
 */
export class EscrowAlreadyExistsError extends EscrowError {
  override name = 'EscrowAlreadyExistsError' as const
  constructor({ account, cause }: EscrowErrorCause & { account?: Address | undefined }) {
    super(
      `${account ?? 'The account'} already owns a CSP escrow; each owner has one. Find it with getEscrow.`,
      { retryable: false, cause, docsPath: docsAnchor('EscrowAlreadyExistsError') },
    )
  }
}

/** @see NoOracleNodeError */
export type NoOracleNodeErrorType = NoOracleNodeError & { name: 'NoOracleNodeError' }

/**
 * Deploying an escrow needs an ND or MND licence linked to a node that is a registered oracle
 * (`NoOracleNodeOwned`).
 *
 * @example
 * ```ts
 * import { NoOracleNodeError } from '@ratio1/sdk-escrow'
 * throw new NoOracleNodeError({})
 * ```
 */
export class NoOracleNodeError extends EscrowError {
  override name = 'NoOracleNodeError' as const
  constructor({ account, cause }: EscrowErrorCause & { account?: Address | undefined }) {
    super(
      `${account ?? 'The account'} owns no ND or MND licence linked to an oracle node, which a CSP needs to deploy an escrow. Link a licence to an oracle node first.`,
      { retryable: false, cause, docsPath: docsAnchor('NoOracleNodeError') },
    )
  }
}

/** @see InvalidDelegateError */
export type InvalidDelegateErrorType = InvalidDelegateError & { name: 'InvalidDelegateError' }

/**
 * A delegate cannot be the zero address or the owner, and must get at least one permission.
 *
 * @example
 * ```ts
 * import { InvalidDelegateError } from '@ratio1/sdk-escrow'
 * throw new InvalidDelegateError({ reason: 'no permissions' })
 * ```
 */
export class InvalidDelegateError extends EscrowError {
  override name = 'InvalidDelegateError' as const
  readonly reason: string
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(
      `Invalid delegate: ${reason}. Delegate to another, non-zero address and grant at least one permission.`,
      { retryable: false, cause, docsPath: docsAnchor('InvalidDelegateError') },
    )
    this.reason = reason
  }
}

/** @see DelegateNotFoundError */
export type DelegateNotFoundErrorType = DelegateNotFoundError & { name: 'DelegateNotFoundError' }

/**
 * The address is not a delegate of this escrow ("Delegate not found", `DelegateNotRegistered`).
 *
 * @example
 * ```ts
 * import { DelegateNotFoundError } from '@ratio1/sdk-escrow'
 * throw new DelegateNotFoundError({})
 * ```
 */
export class DelegateNotFoundError extends EscrowError {
  override name = 'DelegateNotFoundError' as const
  constructor({ delegate, cause }: EscrowErrorCause & { delegate?: Address | undefined }) {
    super(
      `${delegate ?? 'The address'} is not a delegate of this escrow. List the delegates with getDelegates.`,
      { retryable: false, cause, docsPath: docsAnchor('DelegateNotFoundError') },
    )
  }
}

/** @see DelegateConflictError */
export type DelegateConflictErrorType = DelegateConflictError & { name: 'DelegateConflictError' }

/**
 * An address can be registered with one escrow only: as its owner or as a delegate
 * (`AddressAlreadyOwnsEscrow`, `AddressDelegatedToAnotherEscrow`).
 *
 * @example
 * ```ts
 * import { DelegateConflictError } from '@ratio1/sdk-escrow'
 * throw new DelegateConflictError({ reason: 'owns-escrow' })
 * ```
 */
export class DelegateConflictError extends EscrowError {
  override name = 'DelegateConflictError' as const
  readonly reason: 'owns-escrow' | 'other-escrow'
  constructor({ reason, cause }: EscrowErrorCause & { reason: 'owns-escrow' | 'other-escrow' }) {
    super(
      reason === 'owns-escrow'
        ? 'The delegate owns an escrow itself, and an address can be registered with one escrow only. Choose another address.'
        : 'The delegate already acts for another escrow. Its owner must remove it first, or choose another address.',
      { retryable: false, cause, docsPath: docsAnchor('DelegateConflictError') },
    )
    this.reason = reason
  }
}

/** @see InvalidNodeSetError */
export type InvalidNodeSetErrorType = InvalidNodeSetError & { name: 'InvalidNodeSetError' }

/**
 * A proposed node set lists a node twice or the zero address (`DuplicateNode`, `InvalidNodeAddress`;
 * our contracts only). Propose each node once.
 *
 * @example
 * ```ts
 * import { InvalidNodeSetError } from '@ratio1/sdk-escrow'
 * throw new InvalidNodeSetError({ reason: 'duplicate node' })
 * ```
 */
export class InvalidNodeSetError extends EscrowError {
  override name = 'InvalidNodeSetError' as const
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(
      `Invalid node set: ${reason}. List each node once, as non-zero EVM addresses (canonicalNodeSet helps).`,
      { retryable: false, cause, docsPath: docsAnchor('InvalidNodeSetError') },
    )
  }
}

/** @see NodeSetNotCachedError */
export type NodeSetNotCachedErrorType = NodeSetNotCachedError & { name: 'NodeSetNotCachedError' }

/**
 * The winning node list of a consensus round was not stored (`HashNotStored`); a defensive check that
 * should never fire. Report it with the transaction.
 *
 * @example
 * ```ts
 * import { NodeSetNotCachedError } from '@ratio1/sdk-escrow'
 * throw new NodeSetNotCachedError({})
 * ```
 */
export class NodeSetNotCachedError extends EscrowError {
  override name = 'NodeSetNotCachedError' as const
  constructor({ cause }: EscrowErrorCause) {
    super(
      'The consensus winner was never stored by the PoAIManager (HashNotStored). This is a contract invariant failure: report the transaction.',
      { retryable: false, cause, docsPath: docsAnchor('NodeSetNotCachedError') },
    )
  }
}

/** @see EscrowConfigurationError */
export type EscrowConfigurationErrorType = EscrowConfigurationError & {
  name: 'EscrowConfigurationError'
}

/**
 * A deployment or administration call was given an invalid setting: a zero address, a mismatching
 * implementation, an already-initialised proxy, a too-high slippage (owner and deploy paths).
 *
 * @example
 * ```ts
 * import { EscrowConfigurationError } from '@ratio1/sdk-escrow'
 * throw new EscrowConfigurationError({ reason: 'Burn contract cannot be zero address' })
 * ```
 */
export class EscrowConfigurationError extends EscrowError {
  override name = 'EscrowConfigurationError' as const
  readonly reason: string
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(
      `The contracts rejected a configuration value: ${reason}. Fix the value and send again.`,
      {
        retryable: false,
        cause,
        docsPath: docsAnchor('EscrowConfigurationError'),
      },
    )
    this.reason = reason
  }
}

/** @see ReconciliationError */
export type ReconciliationErrorType = ReconciliationError & { name: 'ReconciliationError' }

/**
 * One of the owner's legacy reconciliation passes failed ("Negative job balance", "Burn exceeds
 * balance", "USDC refund transfer failed", `AlreadyReconciled`).
 *
 * @example
 * ```ts
 * import { ReconciliationError } from '@ratio1/sdk-escrow'
 * throw new ReconciliationError({ reason: 'AlreadyReconciled' })
 * ```
 */
export class ReconciliationError extends EscrowError {
  override name = 'ReconciliationError' as const
  readonly reason: string
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(`A reconciliation pass failed: ${reason}. Inspect the jobs involved before retrying.`, {
      retryable: false,
      cause,
      docsPath: docsAnchor('ReconciliationError'),
    })
    this.reason = reason
  }
}

/** @see BeforeGenesisError */
export type BeforeGenesisErrorType = BeforeGenesisError & { name: 'BeforeGenesisError' }

/**
 * The chain's clock is before epoch 0 of the Controller ("Timestamp is before the start epoch.",
 * `TimestampBeforeStartEpoch`). Retry once the network's genesis has passed.
 *
 * @example
 * ```ts
 * import { BeforeGenesisError } from '@ratio1/sdk-escrow'
 * throw new BeforeGenesisError({})
 * ```
 */
export class BeforeGenesisError extends EscrowError {
  override name = 'BeforeGenesisError' as const
  constructor({ cause }: EscrowErrorCause) {
    super(
      "The chain's time is before the Controller's first epoch, so no epoch can be computed. Retry after genesis.",
      { retryable: true, cause, docsPath: docsAnchor('BeforeGenesisError') },
    )
  }
}

/** @see NothingToPayError */
export type NothingToPayErrorType = NothingToPayError & { name: 'NothingToPayError' }

/**
 * The extension adds nothing to pay for ("No additional epochs", "No additional amount").
 *
 * @example
 * ```ts
 * import { NothingToPayError } from '@ratio1/sdk-escrow'
 * throw new NothingToPayError({})
 * ```
 */
export class NothingToPayError extends EscrowError {
  override name = 'NothingToPayError' as const
  constructor({ cause }: EscrowErrorCause) {
    super('The extension adds no epochs or costs nothing. Ask for a later end epoch.', {
      retryable: false,
      cause,
      docsPath: docsAnchor('NothingToPayError'),
    })
  }
}

/** @see JobLimitExceededError */
export type JobLimitExceededErrorType = JobLimitExceededError & { name: 'JobLimitExceededError' }

/**
 * Our contracts store epochs and node counts in 32 bits ("Last execution epoch too large", "Number of
 * nodes too large"). Use a smaller value.
 *
 * @example
 * ```ts
 * import { JobLimitExceededError } from '@ratio1/sdk-escrow'
 * throw new JobLimitExceededError({ reason: 'Number of nodes too large' })
 * ```
 */
export class JobLimitExceededError extends EscrowError {
  override name = 'JobLimitExceededError' as const
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(`${reason}: epochs and node counts must fit in 32 bits. Use a smaller value.`, {
      retryable: false,
      cause,
      docsPath: docsAnchor('JobLimitExceededError'),
    })
  }
}

/** @see ClosedJobWithdrawalError */
export type ClosedJobWithdrawalErrorType = ClosedJobWithdrawalError & {
  name: 'ClosedJobWithdrawalError'
}

/**
 * Only a closed job with a balance left can be withdrawn ("Job is not closed", "No balance to
 * withdraw"; our contracts only).
 *
 * @example
 * ```ts
 * import { ClosedJobWithdrawalError } from '@ratio1/sdk-escrow'
 * throw new ClosedJobWithdrawalError({ reason: 'the job is not closed' })
 * ```
 */
export class ClosedJobWithdrawalError extends EscrowError {
  override name = 'ClosedJobWithdrawalError' as const
  readonly reason: string
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(
      `The job's balance cannot be withdrawn: ${reason}. Only closed jobs with a balance left can be; pending jobs are redeemed instead.`,
      { retryable: false, cause, docsPath: docsAnchor('ClosedJobWithdrawalError') },
    )
    this.reason = reason
  }
}

/** @see ClosedJobsNotPrunableError */
export type ClosedJobsNotPrunableErrorType = ClosedJobsNotPrunableError & {
  name: 'ClosedJobsNotPrunableError'
}

/**
 * Pruning closed jobs needs strictly descending positions of jobs whose balance is zero ("Indexes must
 * be strictly descending", "Closed job still holds a balance"; our contracts only).
 *
 * @example
 * ```ts
 * import { ClosedJobsNotPrunableError } from '@ratio1/sdk-escrow'
 * throw new ClosedJobsNotPrunableError({ reason: 'Closed job still holds a balance' })
 * ```
 */
export class ClosedJobsNotPrunableError extends EscrowError {
  override name = 'ClosedJobsNotPrunableError' as const
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(
      `Closed jobs could not be pruned: ${reason}. Pass positions in descending order, after withdrawing each job's balance.`,
      { retryable: false, cause, docsPath: docsAnchor('ClosedJobsNotPrunableError') },
    )
  }
}

/** @see PermitError */
export type PermitErrorType = PermitError & { name: 'PermitError' }

/**
 * An EIP-2612 permit was rejected or cannot be used: expired, signed by the wrong key, a stale nonce,
 * or a token without permit support. Sign a fresh permit, or approve instead.
 *
 * @example
 * ```ts
 * import { PermitError } from '@ratio1/sdk-escrow'
 * throw new PermitError({ reason: 'the token does not support EIP-2612 permits' })
 * ```
 */
export class PermitError extends EscrowError {
  override name = 'PermitError' as const
  readonly reason: string
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(
      `The USDC permit failed: ${reason}. Sign a fresh permit, or use \`allowance: 'approve'\`.`,
      {
        retryable: true,
        cause,
        docsPath: docsAnchor('PermitError'),
      },
    )
    this.reason = reason
  }
}

/** @see JobTypeRejectedError */
export type JobTypeRejectedErrorType = JobTypeRejectedError & { name: 'JobTypeRejectedError' }

/**
 * The escrow rejected a job type ("Invalid job type", "Deprecated job type") in a call whose requests are
 * unknown here. When they are known, sdk-core's `UnknownJobTypeError`/`DeprecatedJobTypeError` is thrown.
 *
 * @example
 * ```ts
 * import { JobTypeRejectedError } from '@ratio1/sdk-escrow'
 * throw new JobTypeRejectedError({ reason: 'Invalid job type' })
 * ```
 */
export class JobTypeRejectedError extends EscrowError {
  override name = 'JobTypeRejectedError' as const
  constructor({ reason, cause }: EscrowErrorCause & { reason: string }) {
    super(`${reason}: pick a job type from sdk-core's \`jobTypes\` catalogue.`, {
      retryable: false,
      cause,
      docsPath: docsAnchor('JobTypeRejectedError'),
    })
  }
}

/** @see EscrowNotFoundError */
export type EscrowNotFoundErrorType = EscrowNotFoundError & { name: 'EscrowNotFoundError' }

/**
 * The account neither owns an escrow nor is a delegate of one. Deploy one with `deployCspEscrow`, or pass
 * `escrow` explicitly.
 *
 * @example
 * ```ts
 * import { EscrowNotFoundError } from '@ratio1/sdk-escrow'
 * throw new EscrowNotFoundError({ account: '0x0000000000000000000000000000000000000001' })
 * ```
 */
export class EscrowNotFoundError extends EscrowError {
  override name = 'EscrowNotFoundError' as const
  readonly account: Address
  constructor({ account, cause }: EscrowErrorCause & { account: Address }) {
    super(
      `${account} neither owns a CSP escrow nor is a delegate of one. Deploy one with deployCspEscrow, or pass \`escrow\`.`,
      { retryable: false, cause, docsPath: docsAnchor('EscrowNotFoundError') },
    )
    this.account = account
  }
}

/** @see ContractAddressRequiredError */
export type ContractAddressRequiredErrorType = ContractAddressRequiredError & {
  name: 'ContractAddressRequiredError'
}

/**
 * An action needs a contract address that cannot be derived: the client's chain is not a Ratio1 network,
 * or several networks share it (Base Sepolia hosts testnet and devnet).
 *
 * @example
 * ```ts
 * import { ContractAddressRequiredError } from '@ratio1/sdk-escrow'
 * throw new ContractAddressRequiredError({ contract: 'manager', chainId: 84532 })
 * ```
 */
export class ContractAddressRequiredError extends EscrowError {
  override name = 'ContractAddressRequiredError' as const
  constructor({
    contract,
    chainId,
    candidates,
  }: { contract: string; chainId?: number | undefined; candidates?: string[] | undefined }) {
    super(
      `Pass \`${contract}\`: ${
        chainId === undefined
          ? 'the client has no chain to derive it from'
          : candidates?.length
            ? `chain ${chainId} hosts several Ratio1 networks (${candidates.join(', ')}); pass \`network\` or the address`
            : `no built-in Ratio1 network on chain ${chainId} knows it`
      }.`,
      { retryable: false, docsPath: docsAnchor('ContractAddressRequiredError') },
    )
  }
}

/** @see TransactionFailedError */
export type TransactionFailedErrorType = TransactionFailedError & { name: 'TransactionFailedError' }

/**
 * A transaction was mined but reverted (for example, state changed between the gas estimate and
 * mining). Read the state again before retrying.
 *
 * @example
 * ```ts
 * import { TransactionFailedError } from '@ratio1/sdk-escrow'
 * throw new TransactionFailedError({ functionName: 'createJobs', hash: '0x00' })
 * ```
 */
export class TransactionFailedError extends EscrowError {
  override name = 'TransactionFailedError' as const
  readonly hash: Hash
  constructor({ functionName, hash }: { functionName: string; hash: Hash }) {
    super(
      `The \`${functionName}\` transaction ${hash} was mined but reverted. Read the state again, then retry.`,
      { retryable: true, docsPath: docsAnchor('TransactionFailedError') },
    )
    this.hash = hash
  }
}

/** @see IdempotencyConflictError */
export type IdempotencyConflictErrorType = IdempotencyConflictError & {
  name: 'IdempotencyConflictError'
}

/**
 * An idempotency key was reused for a different payment (other jobs, escrow or payer). Use a new key
 * for a new payment.
 *
 * @example
 * ```ts
 * import { IdempotencyConflictError } from '@ratio1/sdk-escrow'
 * throw new IdempotencyConflictError({ key: 'order-17' })
 * ```
 */
export class IdempotencyConflictError extends EscrowError {
  override name = 'IdempotencyConflictError' as const
  readonly key: string
  constructor({ key }: { key: string }) {
    super(
      `The idempotency key "${key}" already belongs to a different payment. Use a new key for a new payment.`,
      { retryable: false, docsPath: docsAnchor('IdempotencyConflictError') },
    )
    this.key = key
  }
}
