import { describeValue, docsAnchor } from '../internal/describe.js'
import { BaseError } from './base.js'

/** @see InvalidNodeCountError */
export type InvalidNodeCountErrorType = InvalidNodeCountError & { name: 'InvalidNodeCountError' }

/**
 * A node count is zero, negative or not a whole number. The escrow requires at least one node
 * ("Number of nodes must be greater than 0").
 *
 * @example
 * ```ts
 * import { InvalidNodeCountError } from '@ratio1/sdk-core'
 * throw new InvalidNodeCountError({ field: 'nodes', value: 0 })
 * ```
 */
export class InvalidNodeCountError extends BaseError {
  override name = 'InvalidNodeCountError' as const
  readonly field: string
  readonly value: unknown
  constructor({ field, value }: { field: string; value: unknown }) {
    super(
      `Invalid \`${field}\`: received ${describeValue(value)}; a job needs a whole number of nodes, at least 1.`,
      { docsPath: docsAnchor('InvalidNodeCountError') },
    )
    this.field = field
    this.value = value
  }
}

/** @see EpochsBelowMinimumError */
export type EpochsBelowMinimumErrorType = EpochsBelowMinimumError & {
  name: 'EpochsBelowMinimumError'
}

/**
 * A new job must be paid for at least 30 epochs (the escrow reverts with "Number of epochs must be
 * greater than 30", although exactly 30 is accepted).
 *
 * @example
 * ```ts
 * import { EpochsBelowMinimumError } from '@ratio1/sdk-core'
 * throw new EpochsBelowMinimumError({ epochs: 10n, minimum: 30n })
 * ```
 */
export class EpochsBelowMinimumError extends BaseError {
  override name = 'EpochsBelowMinimumError' as const
  readonly epochs: bigint
  readonly minimum: bigint
  constructor({
    epochs,
    minimum,
    field = 'epochs',
  }: { epochs: bigint; minimum: bigint; field?: string }) {
    super(
      `A job must be paid for at least ${minimum} epochs; \`${field}\` is ${epochs}. Buy ${minimum} epochs or more (1 epoch = 1 day on mainnet).`,
      { docsPath: docsAnchor('EpochsBelowMinimumError') },
    )
    this.epochs = epochs
    this.minimum = minimum
  }
}

/** @see EpochNotInFutureError */
export type EpochNotInFutureErrorType = EpochNotInFutureError & { name: 'EpochNotInFutureError' }

/**
 * An end epoch is not after the epoch it must follow (the current epoch, or the job's current end).
 *
 * @example
 * ```ts
 * import { EpochNotInFutureError } from '@ratio1/sdk-core'
 * throw new EpochNotInFutureError({ field: 'lastExecutionEpoch', epoch: 5n, mustExceed: 9n, reference: 'the current epoch' })
 * ```
 */
export class EpochNotInFutureError extends BaseError {
  override name = 'EpochNotInFutureError' as const
  readonly field: string
  readonly epoch: bigint
  readonly mustExceed: bigint
  constructor({
    field,
    epoch,
    mustExceed,
    reference,
  }: { field: string; epoch: bigint; mustExceed: bigint; reference: string }) {
    super(`\`${field}\` is epoch ${epoch} but must be greater than ${reference} (${mustExceed}).`, {
      docsPath: docsAnchor('EpochNotInFutureError'),
    })
    this.field = field
    this.epoch = epoch
    this.mustExceed = mustExceed
  }
}

/** @see NodeCountNotIncreasedError */
export type NodeCountNotIncreasedErrorType = NodeCountNotIncreasedError & {
  name: 'NodeCountNotIncreasedError'
}

/**
 * `extendJobNodes` can only add nodes ("New number of nodes must be greater").
 *
 * @example
 * ```ts
 * import { NodeCountNotIncreasedError } from '@ratio1/sdk-core'
 * throw new NodeCountNotIncreasedError({ current: 3n, requested: 2n })
 * ```
 */
export class NodeCountNotIncreasedError extends BaseError {
  override name = 'NodeCountNotIncreasedError' as const
  readonly current: bigint
  readonly requested: bigint
  constructor({ current, requested }: { current: bigint; requested: bigint }) {
    super(
      `The job already pays for ${current} nodes; the new node count (${requested}) must be greater. Nodes cannot be removed from a paid job.`,
      { docsPath: docsAnchor('NodeCountNotIncreasedError') },
    )
    this.current = current
    this.requested = requested
  }
}

/** @see JobEndedError */
export type JobEndedErrorType = JobEndedError & { name: 'JobEndedError' }

/**
 * The job's last paid epoch is already over, so it can no longer be extended; create a new job instead.
 *
 * @example
 * ```ts
 * import { JobEndedError } from '@ratio1/sdk-core'
 * throw new JobEndedError({ lastExecutionEpoch: 40n, currentEpoch: 41n })
 * ```
 */
export class JobEndedError extends BaseError {
  override name = 'JobEndedError' as const
  readonly lastExecutionEpoch: bigint
  readonly currentEpoch: bigint
  constructor({
    lastExecutionEpoch,
    currentEpoch,
  }: { lastExecutionEpoch: bigint; currentEpoch: bigint }) {
    super(
      `The job ended at epoch ${lastExecutionEpoch} (exclusive) and the current epoch is ${currentEpoch}; an ended job cannot be extended. Create a new job instead.`,
      { docsPath: docsAnchor('JobEndedError') },
    )
    this.lastExecutionEpoch = lastExecutionEpoch
    this.currentEpoch = currentEpoch
  }
}

/** @see JobNotRedeemableError */
export type JobNotRedeemableErrorType = JobNotRedeemableError & { name: 'JobNotRedeemableError' }

/**
 * Only a job that never started, has no active nodes and still holds a balance can be redeemed.
 *
 * @example
 * ```ts
 * import { JobNotRedeemableError } from '@ratio1/sdk-core'
 * throw new JobNotRedeemableError({ reason: 'the job already started' })
 * ```
 */
export class JobNotRedeemableError extends BaseError {
  override name = 'JobNotRedeemableError' as const
  readonly reason: string
  constructor({ reason }: { reason: string }) {
    super(`The job cannot be redeemed: ${reason}.`, {
      docsPath: docsAnchor('JobNotRedeemableError'),
      metaMessages: [
        'Only jobs that never started, have no nodes and hold a balance are refundable.',
      ],
    })
    this.reason = reason
  }
}
