import { toInteger } from '../internal/integers.js'
import { type EpochSource, resolveEpochConfig } from './resolveEpochConfig.js'

/**
 * The first second (Unix time) of an epoch.
 *
 * @example
 * ```ts
 * import { getEpochStart, getNetwork } from '@ratio1/sdk-core'
 * getEpochStart(1n, getNetwork('mainnet')) // 1748102400n (2025-05-24T16:00:00Z)
 * ```
 */
export function getEpochStart(epoch: bigint | number, source: EpochSource): bigint {
  const { genesis, length } = resolveEpochConfig(source)
  return genesis + toInteger('epoch', epoch) * length
}
