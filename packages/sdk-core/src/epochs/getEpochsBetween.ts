import { getEpoch } from './getEpoch.js'
import type { EpochSource, Timestamp } from './resolveEpochConfig.js'

/**
 * How many epoch boundaries lie between two instants: `epoch(to) − epoch(from)`, negative when `to` is
 * earlier. Two instants in the same epoch give 0.
 *
 * @example
 * ```ts
 * import { getEpochsBetween, getNetwork } from '@ratio1/sdk-core'
 * getEpochsBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T00:00:00Z'), getNetwork('mainnet')) // 30n
 * ```
 */
export function getEpochsBetween(from: Timestamp, to: Timestamp, source: EpochSource): bigint {
  return getEpoch(to, source) - getEpoch(from, source)
}
