import type { BigIntExpectedErrorType, InvalidParameterErrorType } from '../errors/parameters.js'
import { type Count, toAmount, toInteger } from '../internal/integers.js'

/** @see getJobRunway */
export type GetJobRunwayParameters = {
  /** The job's balance (USDC base units). */
  balance: bigint
  pricePerEpoch: bigint
  /** Nodes being paid (the active node count; allocation pays the active nodes, not the requested count). */
  nodes: Count
  /** With it, the result also says through which epoch the balance pays. */
  lastAllocatedEpoch?: Count | undefined
}

/** @see getJobRunway */
export type GetJobRunwayReturnType = {
  /** What one epoch costs at this node count. */
  costPerEpoch: bigint
  /** Whole epochs the balance still pays for; `undefined` when no node is paid (nothing is spent). */
  epochs: bigint | undefined
  /** Balance left over after those epochs. */
  remainder: bigint
  /** The last epoch the balance covers (`lastAllocatedEpoch + epochs`), when `lastAllocatedEpoch` is given. */
  fundedThroughEpoch?: bigint | undefined
}

/** @see getJobRunway */
export type GetJobRunwayErrorType = BigIntExpectedErrorType | InvalidParameterErrorType

/**
 * How many more epochs a job's balance pays for at its current node count.
 *
 * @example
 * ```ts
 * import { getJobRunway } from '@ratio1/sdk-core'
 * getJobRunway({ balance: 10_000_000n, pricePerEpoch: 375_000n, nodes: 2 })
 * // { costPerEpoch: 750_000n, epochs: 13n, remainder: 250_000n }
 * ```
 */
export function getJobRunway(parameters: GetJobRunwayParameters): GetJobRunwayReturnType {
  const balance = toAmount('balance', parameters.balance)
  const price = toAmount('pricePerEpoch', parameters.pricePerEpoch)
  const nodes = toInteger('nodes', parameters.nodes)
  const costPerEpoch = price * nodes
  if (costPerEpoch === 0n || balance <= 0n)
    return {
      costPerEpoch,
      epochs: costPerEpoch === 0n ? undefined : 0n,
      remainder: balance,
      ...(parameters.lastAllocatedEpoch !== undefined && costPerEpoch !== 0n
        ? { fundedThroughEpoch: toInteger('lastAllocatedEpoch', parameters.lastAllocatedEpoch) }
        : {}),
    }
  const epochs = balance / costPerEpoch
  return {
    costPerEpoch,
    epochs,
    remainder: balance - epochs * costPerEpoch,
    ...(parameters.lastAllocatedEpoch !== undefined
      ? {
          fundedThroughEpoch:
            toInteger('lastAllocatedEpoch', parameters.lastAllocatedEpoch) + epochs,
        }
      : {}),
  }
}
