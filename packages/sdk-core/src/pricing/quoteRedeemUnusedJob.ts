import { type Timestamp, toSeconds } from '../epochs/resolveEpochConfig.js'
import type { InvalidParameterErrorType } from '../errors/parameters.js'
import type { JobNotRedeemableErrorType } from '../errors/pricing.js'
import { JobNotRedeemableError } from '../errors/pricing.js'
import { toAmount, toInteger } from '../internal/integers.js'
import type { JobDetails } from '../types/job.js'
import { redemptionCooldown } from './constants.js'

/** @see quoteRedeemUnusedJob */
export type QuoteRedeemUnusedJobParameters = {
  /** The job as read from chain (only these fields are used). */
  job: Pick<JobDetails, 'startTimestamp' | 'requestTimestamp' | 'balance' | 'activeNodes'>
  /** The time to check the cooldown against; defaults to now. */
  now?: Timestamp | undefined
}

/** @see quoteRedeemUnusedJob */
export type QuoteRedeemUnusedJobReturnType = {
  /** USDC base units returned: the job's whole balance. */
  refund: bigint
  /** The first second `redeemUnusedJob` is accepted (one hour after payment). */
  redeemableAt: bigint
  /** Whether the cooldown is over at `now`. */
  redeemableNow: boolean
}

/** @see quoteRedeemUnusedJob */
export type QuoteRedeemUnusedJobErrorType = JobNotRedeemableErrorType | InvalidParameterErrorType

/**
 * What `redeemUnusedJob` refunds: the whole balance of a job that never started and has no nodes, from
 * one hour after it was paid for.
 *
 * @throws {JobNotRedeemableError} when the job started, has nodes, or holds nothing.
 * @example
 * ```ts
 * import { quoteRedeemUnusedJob } from '@ratio1/sdk-core'
 * const job = { startTimestamp: 0n, requestTimestamp: 1_760_000_000n, balance: 22_500_000n, activeNodes: [] }
 * quoteRedeemUnusedJob({ job, now: 1_760_003_600n }) // { refund: 22_500_000n, redeemableAt: 1_760_003_600n, redeemableNow: true }
 * ```
 */
export function quoteRedeemUnusedJob(
  parameters: QuoteRedeemUnusedJobParameters,
): QuoteRedeemUnusedJobReturnType {
  const { job } = parameters
  const startTimestamp = toInteger('job.startTimestamp', job.startTimestamp)
  const requestTimestamp = toInteger('job.requestTimestamp', job.requestTimestamp)
  const balance = toAmount('job.balance', job.balance)
  if (startTimestamp !== 0n) throw new JobNotRedeemableError({ reason: 'the job already started' })
  if (job.activeNodes.length > 0)
    throw new JobNotRedeemableError({ reason: 'the job has active nodes' })
  if (balance <= 0n) throw new JobNotRedeemableError({ reason: 'the job holds no balance' })
  const now = toSeconds('now', parameters.now ?? new Date())
  const redeemableAt = requestTimestamp + redemptionCooldown
  return { refund: balance, redeemableAt, redeemableNow: now >= redeemableAt }
}
