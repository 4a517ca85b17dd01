import { toInteger } from '../internal/integers.js'
import { type EpochSource, resolveEpochConfig } from './resolveEpochConfig.js'

/**
 * The end of an epoch: the first second of the next one (the end is exclusive, like the contracts'
 * `lastExecutionEpoch`).
 *
 * @example
 * ```ts
 * import { getEpochEnd, getNetwork } from '@ratio1/sdk-core'
 * getEpochEnd(0n, getNetwork('mainnet')) // 1748102400n
 * ```
 */
export function getEpochEnd(epoch: bigint | number, source: EpochSource): bigint {
  const { genesis, length } = resolveEpochConfig(source)
  return genesis + (toInteger('epoch', epoch) + 1n) * length
}
