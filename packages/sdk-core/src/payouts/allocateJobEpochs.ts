import type { Address } from 'viem'
import type { BigIntExpectedErrorType, InvalidParameterErrorType } from '../errors/parameters.js'
import { type Count, toAmount, toInteger } from '../internal/integers.js'
import { splitNodeReward } from './splitNodeReward.js'

/** @see allocateJobEpochs */
export type AllocateJobEpochsParameters = {
  /** USDC base units per node per epoch. */
  pricePerEpoch: bigint
  /** The active nodes (or just their count); duplicates are paid once per occurrence, like the escrow. */
  activeNodes: readonly Address[] | Count
  /** Epochs allocated in this one batch. */
  epochs: Count
}

/** @see allocateJobEpochs */
export type AllocateJobEpochsReturnType = {
  epochs: bigint
  nodeCount: bigint
  /** Gross reward per node: `pricePerEpoch × epochs`. */
  rewardPerNode: bigint
  /** Burned per node: floor(15 %) of the gross, once for the whole batch. */
  burnPerNode: bigint
  /** Credited per node: the rest. */
  netPerNode: bigint
  /** Burned for all nodes. */
  totalBurn: bigint
  /** Credited to all nodes. */
  totalNode: bigint
  /** Debited from the job's balance: `rewardPerNode × nodeCount` (= `totalBurn + totalNode`). */
  debit: bigint
}

/** @see allocateJobEpochs */
export type AllocateJobEpochsErrorType = BigIntExpectedErrorType | InvalidParameterErrorType

/**
 * One allocation of `epochs` epochs for one job, exactly as `allocateRewardsToNodes` computes it: each node
 * gets `pricePerEpoch × epochs` gross, split once (so catching up k epochs in one batch can burn up to
 * k − 1 base units more per node than k separate allocations).
 *
 * @example
 * ```ts
 * import { allocateJobEpochs } from '@ratio1/sdk-core'
 * allocateJobEpochs({ pricePerEpoch: 166_666n, activeNodes: 1, epochs: 10 }).burnPerNode // 249_999n
 * ```
 */
export function allocateJobEpochs(
  parameters: AllocateJobEpochsParameters,
): AllocateJobEpochsReturnType {
  const price = toAmount('pricePerEpoch', parameters.pricePerEpoch)
  const epochs = toInteger('epochs', parameters.epochs)
  const nodeCount = Array.isArray(parameters.activeNodes)
    ? BigInt(parameters.activeNodes.length)
    : toInteger('activeNodes', parameters.activeNodes)
  const rewardPerNode = price * epochs
  const { burn: burnPerNode, node: netPerNode } = splitNodeReward(rewardPerNode)
  const totalBurn = burnPerNode * nodeCount
  const totalNode = netPerNode * nodeCount
  return {
    epochs,
    nodeCount,
    rewardPerNode,
    burnPerNode,
    netPerNode,
    totalBurn,
    totalNode,
    debit: totalBurn + totalNode,
  }
}
