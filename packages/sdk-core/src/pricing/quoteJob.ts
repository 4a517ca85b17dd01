import type { DeprecatedJobTypeErrorType, UnknownJobTypeErrorType } from '../errors/jobType.js'
import type { InvalidParameterErrorType } from '../errors/parameters.js'
import { InvalidParameterError } from '../errors/parameters.js'
import type {
  EpochNotInFutureErrorType,
  EpochsBelowMinimumErrorType,
  InvalidNodeCountErrorType,
} from '../errors/pricing.js'
import { EpochNotInFutureError, EpochsBelowMinimumError } from '../errors/pricing.js'
import { type Count, toInteger, toNodeCount } from '../internal/integers.js'
import type { JobType } from '../jobTypes/catalogue.js'
import { getJobType } from '../jobTypes/getJobType.js'
import { splitValidatedReward } from '../payouts/splitNodeReward.js'
import { minimumJobEpochs } from './constants.js'

/** A job to price: its type, node count, and how long it runs. */
export type QuoteJobParameters = {
  /** The on-chain job type id (see `jobTypes`). */
  jobType: number | bigint
  /** Nodes requested, at least 1. */
  nodes: Count
  /** Epochs to buy, at least 30. Give this or `lastExecutionEpoch`. */
  epochs?: Count | undefined
  /** The exclusive end epoch to buy up to (needs `currentEpoch`). */
  lastExecutionEpoch?: Count | undefined
  /**
   * The epoch in which `createJobs` will be mined. It is the first paid epoch: the escrow charges
   * `lastExecutionEpoch − currentEpoch` epochs. With it the quote also gives the epochs to send on chain.
   */
  currentEpoch?: Count | undefined
}

/** The exact cost of a job and what to send to `createJobs`. */
export type JobQuote = {
  jobType: JobType
  nodes: bigint
  /** Epochs paid for. */
  epochs: bigint
  /** USDC base units per node per epoch. */
  pricePerEpoch: bigint
  /** USDC base units per epoch for all nodes: what each epoch's allocation debits. */
  costPerEpoch: bigint
  /** What `createJobs` transfers from the payer: `pricePerEpoch × nodes × epochs`. */
  total: bigint
  /** The USDC allowance the escrow needs (equal to `total`). */
  amountToApprove: bigint
  /** How one node-epoch splits when allocated (85 % to the node, 15 % burned). */
  perNodePerEpoch: { burn: bigint; node: bigint }
  /** Over the job's whole life, if every requested node runs and each epoch is allocated on its own. */
  payout: { node: bigint; burn: bigint }
  /** The first paid epoch (= `currentEpoch`), when known. */
  firstEpoch?: bigint | undefined
  /** The exclusive end epoch to pass to `createJobs`, when `currentEpoch` is known. */
  lastExecutionEpoch?: bigint | undefined
  /** The last epoch paid for (`lastExecutionEpoch − 1`), when `currentEpoch` is known. */
  lastPaidEpoch?: bigint | undefined
}

/** @see quoteJob */
export type QuoteJobErrorType =
  | UnknownJobTypeErrorType
  | DeprecatedJobTypeErrorType
  | InvalidNodeCountErrorType
  | EpochsBelowMinimumErrorType
  | EpochNotInFutureErrorType
  | InvalidParameterErrorType

/**
 * Prices a new job exactly as `CspEscrow.createJobs` charges it:
 * `pricePerEpoch(jobType) × nodes × epochs`, with at least 30 epochs. The epoch in which the job is
 * created counts as its first paid epoch; the job's end (`lastExecutionEpoch`) is exclusive. If the first
 * consensus only arrives in a later epoch the contract shifts the end, so every paid epoch still runs.
 *
 * @throws {EpochsBelowMinimumError} for fewer than 30 epochs.
 * @throws {InvalidNodeCountError} for zero, negative or fractional node counts.
 * @throws {UnknownJobTypeError | DeprecatedJobTypeError} for ids outside the catalogue.
 * @example
 * ```ts
 * import { quoteJob } from '@ratio1/sdk-core'
 * const quote = quoteJob({ jobType: 1, nodes: 5, epochs: 31 })
 * quote.total // 58_125_000n (58.125 USDC)
 * quoteJob({ jobType: 1, nodes: 5, epochs: 31, currentEpoch: 100 }).lastExecutionEpoch // 131n
 * ```
 */
export function quoteJob(parameters: QuoteJobParameters): JobQuote {
  return quoteJobAt(parameters, '')
}

/** Prices one job; `path` prefixes field names in errors (e.g. `requests[2].`) for batches. */
export function quoteJobAt(parameters: QuoteJobParameters, path: string): JobQuote {
  if (typeof parameters !== 'object' || parameters === null)
    throw new InvalidParameterError({
      field: path.replace(/\.$/, '') || 'parameters',
      value: parameters,
      rule: 'an object { jobType, nodes, epochs }',
    })
  const jobType = getJobType(parameters.jobType)
  const nodes = toNodeCount(`${path}nodes`, parameters.nodes)
  const currentEpoch =
    parameters.currentEpoch === undefined
      ? undefined
      : toInteger(`${path}currentEpoch`, parameters.currentEpoch)

  let epochs: bigint
  const { lastExecutionEpoch } = parameters
  if ((parameters.epochs === undefined) === (lastExecutionEpoch === undefined))
    throw new InvalidParameterError({
      field: `${path}epochs`,
      value: parameters.epochs,
      rule: 'either `epochs` or `lastExecutionEpoch` (with `currentEpoch`)',
    })
  if (lastExecutionEpoch === undefined) epochs = toInteger(`${path}epochs`, parameters.epochs)
  else {
    const last = toInteger(`${path}lastExecutionEpoch`, lastExecutionEpoch)
    if (currentEpoch === undefined)
      throw new InvalidParameterError({
        field: `${path}currentEpoch`,
        value: currentEpoch,
        rule: 'the current epoch, to count the epochs up to `lastExecutionEpoch`',
      })
    if (last <= currentEpoch)
      throw new EpochNotInFutureError({
        field: `${path}lastExecutionEpoch`,
        epoch: last,
        mustExceed: currentEpoch,
        reference: 'the current epoch',
      })
    epochs = last - currentEpoch
  }
  if (epochs < minimumJobEpochs)
    throw new EpochsBelowMinimumError({ epochs, minimum: minimumJobEpochs, field: `${path}epochs` })

  const { pricePerEpoch } = jobType
  const costPerEpoch = pricePerEpoch * nodes
  const total = costPerEpoch * epochs
  const perNodePerEpoch = splitValidatedReward(pricePerEpoch)
  const quote: JobQuote = {
    jobType,
    nodes,
    epochs,
    pricePerEpoch,
    costPerEpoch,
    total,
    amountToApprove: total,
    perNodePerEpoch,
    payout: {
      node: perNodePerEpoch.node * nodes * epochs,
      burn: perNodePerEpoch.burn * nodes * epochs,
    },
  }
  if (currentEpoch !== undefined) {
    quote.firstEpoch = currentEpoch
    quote.lastExecutionEpoch = currentEpoch + epochs
    quote.lastPaidEpoch = currentEpoch + epochs - 1n
  }
  return quote
}
