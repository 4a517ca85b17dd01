import { InvalidParameterError } from '../errors/parameters.js'
import {
  type JobQuote,
  type QuoteJobErrorType,
  type QuoteJobParameters,
  quoteJobAt,
} from './quoteJob.js'

/** @see quoteJobs */
export type QuoteJobsReturnType = {
  /** One quote per request, in order. */
  quotes: JobQuote[]
  /** What one `createJobs` call with all requests transfers. */
  total: bigint
  /** The allowance the escrow needs for the batch. */
  amountToApprove: bigint
}

/** @see quoteJobs */
export type QuoteJobsErrorType = QuoteJobErrorType

/**
 * Prices a batch of jobs paid in one `createJobs` call. The escrow checks and charges every request on its
 * own and reverts the whole batch if one fails, so any invalid request throws here, naming its index.
 *
 * @example
 * ```ts
 * import { quoteJobs } from '@ratio1/sdk-core'
 * const { total } = quoteJobs([
 *   { jobType: 1, nodes: 2, epochs: 30 },
 *   { jobType: 50, nodes: 1, epochs: 60 },
 * ])
 * total // 22_500_000n + 27_000_000n = 49_500_000n
 * ```
 */
export function quoteJobs(requests: readonly QuoteJobParameters[]): QuoteJobsReturnType {
  if (!Array.isArray(requests) || requests.length === 0)
    throw new InvalidParameterError({
      field: 'requests',
      value: requests,
      rule: 'a non-empty array of job requests',
    })
  const quotes = requests.map((request, index) => quoteJobAt(request, `requests[${index}].`))
  const total = quotes.reduce((sum, quote) => sum + quote.total, 0n)
  return { quotes, total, amountToApprove: total }
}
