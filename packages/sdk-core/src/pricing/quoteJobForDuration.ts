import { getEpoch } from '../epochs/getEpoch.js'
import { getEpochStart } from '../epochs/getEpochStart.js'
import {
  type EpochSource,
  resolveEpochConfig,
  type Timestamp,
  toSeconds,
} from '../epochs/resolveEpochConfig.js'
import { InvalidParameterError } from '../errors/parameters.js'
import { type Count, toInteger } from '../internal/integers.js'
import { type JobQuote, type QuoteJobErrorType, quoteJob } from './quoteJob.js'

/** A job priced by calendar duration on a network. */
export type QuoteJobForDurationParameters = {
  jobType: number | bigint
  nodes: Count
  /** The network (or epoch schedule) whose epoch length turns the duration into epochs. */
  network: EpochSource
  /** Run for this many days. Give exactly one of `days`, `months` or `until`. */
  days?: Count | undefined
  /** Run for this many months of 30 days (Ratio1's convention: 1 month = 30 days). */
  months?: Count | undefined
  /** Run until this instant. */
  until?: Timestamp | undefined
  /** When the job is paid for; defaults to the current time. */
  now?: Timestamp | undefined
}

/** @see quoteJobForDuration */
export type QuoteJobForDurationReturnType = JobQuote & {
  firstEpoch: bigint
  lastExecutionEpoch: bigint
  lastPaidEpoch: bigint
  /** When the last paid epoch ends if the job starts in the epoch it is paid in (Unix seconds). */
  endsAt: bigint
}

/** @see quoteJobForDuration */
export type QuoteJobForDurationErrorType = QuoteJobErrorType

const secondsPerDay = 86_400n

/**
 * Prices "N nodes of type T for D days / M months / until a date, from now on network X". The duration is
 * turned into whole epochs rounded up (`ceil(duration / epochLength)`; a 30-day month is 30 epochs on
 * mainnet and 180 four-hour epochs on devnet), the epoch of payment counts as the first one, and the
 * result is a full quote with the `lastExecutionEpoch` to send on chain.
 *
 * @example
 * ```ts
 * import { getNetwork, quoteJobForDuration } from '@ratio1/sdk-core'
 * const quote = quoteJobForDuration({ jobType: 1, nodes: 5, months: 1, network: getNetwork('mainnet') })
 * quote.epochs // 30n
 * quote.total // 56_250_000n
 * ```
 */
export function quoteJobForDuration(
  parameters: QuoteJobForDurationParameters,
): QuoteJobForDurationReturnType {
  const config = resolveEpochConfig(parameters.network)
  const now = toSeconds('now', parameters.now ?? new Date())
  const given = (['days', 'months', 'until'] as const).filter(
    (key) => parameters[key] !== undefined,
  )
  if (given.length !== 1)
    throw new InvalidParameterError({
      field: given.length ? given.join(', ') : 'days | months | until',
      value: given.length ? given.map((key) => parameters[key]) : undefined,
      rule: 'exactly one of `days`, `months` or `until`',
    })

  let duration: bigint
  if (parameters.days !== undefined)
    duration = toInteger('days', parameters.days, 1n) * secondsPerDay
  else if (parameters.months !== undefined)
    duration = toInteger('months', parameters.months, 1n) * 30n * secondsPerDay
  else {
    const until = toSeconds('until', parameters.until)
    if (until <= now)
      throw new InvalidParameterError({
        field: 'until',
        value: parameters.until,
        rule: 'an instant after `now`',
      })
    duration = until - now
  }

  const epochs = (duration + config.length - 1n) / config.length
  const currentEpoch = getEpoch(now, config)
  const quote = quoteJob({
    jobType: parameters.jobType,
    nodes: parameters.nodes,
    epochs,
    currentEpoch,
  })
  const lastExecutionEpoch = currentEpoch + epochs
  return {
    ...quote,
    firstEpoch: currentEpoch,
    lastExecutionEpoch,
    lastPaidEpoch: lastExecutionEpoch - 1n,
    endsAt: getEpochStart(lastExecutionEpoch, config),
  }
}
