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
  /**
   * For a job that has not started yet, the epoch it was paid in. The escrow of `@ratio1/contracts` charges
   * added nodes of a pending job from that epoch, because the job's end moves with its start and the nodes
   * run every one of those epochs; Ratio1's deployed escrow charges from the current epoch (leave it out).
   */
  pendingRequestEpoch?: Count | undefined
}

/** @see quoteExtendJobNodes */
export type QuoteExtendJobNodesReturnType = {
  /** USDC base units `extendJobNodes` transfers. */
  amount: bigint
  /** Nodes added. */
  additionalNodes: bigint
  /** Epochs each added node is paid for: from the current epoch (or the pending job's request epoch) to the end. */
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
 * the current epoch counts as a remaining epoch. For a pending job on this SDK's escrow pass
 * `pendingRequestEpoch`, and the epochs are counted from it.
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
  const from =
    parameters.pendingRequestEpoch === undefined
      ? currentEpoch
      : toInteger('pendingRequestEpoch', parameters.pendingRequestEpoch)
  if (last <= from) throw new JobEndedError({ lastExecutionEpoch: last, currentEpoch })
  const additionalNodes = newNodes - oldNodes
  const remainingEpochs = last - from
  return { amount: price * additionalNodes * remainingEpochs, additionalNodes, remainingEpochs }
}
