import type { InvalidParameterErrorType } from '../errors/parameters.js'
import { InvalidParameterError } from '../errors/parameters.js'
import type { EpochNotInFutureErrorType, JobEndedErrorType } from '../errors/pricing.js'
import { EpochNotInFutureError, JobEndedError } from '../errors/pricing.js'
import { type Count, toAmount, toInteger } from '../internal/integers.js'
import type { JobDetails } from '../types/job.js'

/** @see quoteExtendJobDuration */
export type QuoteExtendJobDurationParameters = {
  /** The job as read from chain (only these fields are used). */
  job: Pick<JobDetails, 'pricePerEpoch' | 'numberOfNodesRequested' | 'lastExecutionEpoch'>
  /** The current epoch. */
  currentEpoch: Count
  /** The new exclusive end epoch. Give this or `epochs`. */
  newLastExecutionEpoch?: Count | undefined
  /** Epochs to add to the current end. */
  epochs?: Count | undefined
}

/** @see quoteExtendJobDuration */
export type QuoteExtendJobDurationReturnType = {
  /** USDC base units `extendJobDuration` transfers. */
  amount: bigint
  /** Epochs added. */
  additionalEpochs: bigint
  /** The argument to pass to `extendJobDuration`. */
  newLastExecutionEpoch: bigint
}

/** @see quoteExtendJobDuration */
export type QuoteExtendJobDurationErrorType =
  | EpochNotInFutureErrorType
  | JobEndedErrorType
  | InvalidParameterErrorType

/**
 * Prices `extendJobDuration`: `pricePerEpoch × numberOfNodesRequested × (newLast − oldLast)`.
 *
 * @throws {JobEndedError} when the job's paid epochs are already over (extending would pay for epochs
 *   that were never run).
 * @throws {EpochNotInFutureError} when the new end is not after the current end and the current epoch.
 * @example
 * ```ts
 * import { quoteExtendJobDuration } from '@ratio1/sdk-core'
 * const job = { pricePerEpoch: 375_000n, numberOfNodesRequested: 2n, lastExecutionEpoch: 131n }
 * quoteExtendJobDuration({ job, currentEpoch: 120n, epochs: 30 }).amount // 22_500_000n
 * ```
 */
export function quoteExtendJobDuration(
  parameters: QuoteExtendJobDurationParameters,
): QuoteExtendJobDurationReturnType {
  const { job } = parameters
  const price = toAmount('job.pricePerEpoch', job.pricePerEpoch)
  const nodes = toInteger('job.numberOfNodesRequested', job.numberOfNodesRequested, 1n)
  const oldLast = toInteger('job.lastExecutionEpoch', job.lastExecutionEpoch)
  const currentEpoch = toInteger('currentEpoch', parameters.currentEpoch)
  if (oldLast <= currentEpoch)
    throw new JobEndedError({ lastExecutionEpoch: oldLast, currentEpoch })

  let newLast: bigint
  if ((parameters.epochs === undefined) === (parameters.newLastExecutionEpoch === undefined))
    throw new InvalidParameterError({
      field: 'epochs | newLastExecutionEpoch',
      value: [parameters.epochs, parameters.newLastExecutionEpoch],
      rule: 'exactly one of `epochs` or `newLastExecutionEpoch`',
    })
  if (parameters.epochs !== undefined)
    newLast = oldLast + toInteger('epochs', parameters.epochs, 1n)
  else {
    newLast = toInteger('newLastExecutionEpoch', parameters.newLastExecutionEpoch)
    if (newLast <= oldLast)
      throw new EpochNotInFutureError({
        field: 'newLastExecutionEpoch',
        epoch: newLast,
        mustExceed: oldLast,
        reference: "the job's current end",
      })
  }
  const additionalEpochs = newLast - oldLast
  return {
    amount: price * nodes * additionalEpochs,
    additionalEpochs,
    newLastExecutionEpoch: newLast,
  }
}
