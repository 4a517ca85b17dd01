import type { TimestampBeforeGenesisErrorType } from '../errors/epoch.js'
import { TimestampBeforeGenesisError } from '../errors/epoch.js'
import type { NetworkValueMissingErrorType } from '../errors/network.js'
import type { InvalidParameterErrorType } from '../errors/parameters.js'
import {
  type EpochSource,
  resolveEpochConfig,
  type Timestamp,
  toSeconds,
} from './resolveEpochConfig.js'

/** @see getEpoch */
export type GetEpochErrorType =
  | TimestampBeforeGenesisErrorType
  | NetworkValueMissingErrorType
  | InvalidParameterErrorType

/**
 * The epoch a timestamp falls in, computed exactly as the contracts do:
 * `(timestamp − genesis) / length` with integer division.
 *
 * @throws {TimestampBeforeGenesisError} before epoch 0 (the contracts revert there too).
 * @example
 * ```ts
 * import { getEpoch, getNetwork } from '@ratio1/sdk-core'
 * getEpoch(new Date('2026-11-22T12:00:00Z'), getNetwork('mainnet')) // 547n
 * ```
 */
export function getEpoch(timestamp: Timestamp, source: EpochSource): bigint {
  const { genesis, length } = resolveEpochConfig(source)
  const seconds = toSeconds('timestamp', timestamp)
  if (seconds < genesis) throw new TimestampBeforeGenesisError({ timestamp: seconds, genesis })
  return (seconds - genesis) / length
}
