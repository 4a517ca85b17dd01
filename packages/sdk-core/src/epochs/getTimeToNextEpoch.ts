import { getEpoch } from './getEpoch.js'
import {
  type EpochSource,
  resolveEpochConfig,
  type Timestamp,
  toSeconds,
} from './resolveEpochConfig.js'

/**
 * Seconds from a timestamp until the next epoch starts (between 1 and the epoch length).
 *
 * @example
 * ```ts
 * import { getTimeToNextEpoch, getNetwork } from '@ratio1/sdk-core'
 * getTimeToNextEpoch(1748016000n + 3600n, getNetwork('mainnet')) // 82800n
 * ```
 */
export function getTimeToNextEpoch(timestamp: Timestamp, source: EpochSource): bigint {
  const config = resolveEpochConfig(source)
  const epoch = getEpoch(timestamp, config)
  return config.genesis + (epoch + 1n) * config.length - toSeconds('timestamp', timestamp)
}
