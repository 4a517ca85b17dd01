import type { InvalidParameterErrorType } from '../errors/parameters.js'
import { toInteger } from '../internal/integers.js'

/** @see consensusThresholds */
export type ConsensusThresholdsReturnType = {
  /** Proposals that must exist before consensus is attempted: ⌊n/2⌋ + 1. */
  quorum: number
  /** Matching proposals needed to reach consensus: ⌊n/3⌋ + 1. */
  agreement: number
}

/** @see consensusThresholds */
export type ConsensusThresholdsErrorType = InvalidParameterErrorType

/**
 * The two thresholds PoAIManager applies to a job's node-set proposals, for `oracleCount` registered
 * oracles (read from the Controller at each submission).
 *
 * @example
 * ```ts
 * import { consensusThresholds } from '@ratio1/sdk-core'
 * consensusThresholds(3) // { quorum: 2, agreement: 2 }
 * consensusThresholds(10) // { quorum: 6, agreement: 4 }
 * ```
 */
export function consensusThresholds(oracleCount: number | bigint): ConsensusThresholdsReturnType {
  const n = toInteger('oracleCount', oracleCount, 1n)
  return { quorum: Number(n / 2n + 1n), agreement: Number(n / 3n + 1n) }
}
