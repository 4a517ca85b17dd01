import type { InvalidParameterErrorType } from '../errors/parameters.js'
import type {
  InvalidNodeCountErrorType,
  JobEndedErrorType,
  NodeCountNotIncreasedErrorType,
} from '../errors/pricing.js'
import { JobEndedError, NodeCountNotIncreasedError } from '../errors/pricing.js'
import { type Count, toAmount, toInteger, toNodeCount } from '../internal/integers.js'
import type { JobDetails } from '../types/job.js'

/** @see quoteExtendJobNodes */
export type QuoteExtendJobNodesParameters = {
  /** The job as read from chain (only these fields are used). */
  job: Pick<JobDetails, 'pricePerEpoch' | 'numberOfNodesRequested' | 'lastExecutionEpoch'>
  /** The current epoch. */
  currentEpoch: Count
  /** The new total node count (must be greater than the current one). */
  newNumberOfNodes: Count
}

/** @see quoteExtendJobNodes */
export type QuoteExtendJobNodesReturnType = {
  /** USDC base units `extendJobNodes` transfers. */
  amount: bigint
  /** Nodes added. */
  additionalNodes: bigint
  /** Epochs each added node is paid for: the current one up to the end. */
  remainingEpochs: bigint
}

/** @see quoteExtendJobNodes */
export type QuoteExtendJobNodesErrorType =
  | NodeCountNotIncreasedErrorType
  | InvalidNodeCountErrorType
  | JobEndedErrorType
  | InvalidParameterErrorType

/**
 * Prices `extendJobNodes`: `pricePerEpoch × (newNodes − oldNodes) × (lastExecutionEpoch − currentEpoch)`;
 * the current epoch counts as a remaining epoch.
 *
 * @throws {NodeCountNotIncreasedError} unless nodes are added.
 * @throws {JobEndedError} when the job's paid epochs are over.
 * @example
 * ```ts
 * import { quoteExtendJobNodes } from '@ratio1/sdk-core'
 * const job = { pricePerEpoch: 375_000n, numberOfNodesRequested: 2n, lastExecutionEpoch: 131n }
 * quoteExtendJobNodes({ job, currentEpoch: 121n, newNumberOfNodes: 3 }).amount // 3_750_000n
 * ```
 */
export function quoteExtendJobNodes(
  parameters: QuoteExtendJobNodesParameters,
): QuoteExtendJobNodesReturnType {
  const { job } = parameters
  const price = toAmount('job.pricePerEpoch', job.pricePerEpoch)
  const oldNodes = toInteger('job.numberOfNodesRequested', job.numberOfNodesRequested, 1n)
  const last = toInteger('job.lastExecutionEpoch', job.lastExecutionEpoch)
  const currentEpoch = toInteger('currentEpoch', parameters.currentEpoch)
  const newNodes = toNodeCount('newNumberOfNodes', parameters.newNumberOfNodes)
  if (newNodes <= oldNodes)
    throw new NodeCountNotIncreasedError({ current: oldNodes, requested: newNodes })
  if (last <= currentEpoch) throw new JobEndedError({ lastExecutionEpoch: last, currentEpoch })
  const additionalNodes = newNodes - oldNodes
  const remainingEpochs = last - currentEpoch
  return { amount: price * additionalNodes * remainingEpochs, additionalNodes, remainingEpochs }
}
