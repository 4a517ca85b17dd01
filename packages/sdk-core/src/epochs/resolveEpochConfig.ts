import { NetworkValueMissingError } from '../errors/network.js'
import { InvalidParameterError } from '../errors/parameters.js'
import type { EpochConfig, Network } from '../networks/types.js'

/** An epoch schedule, or a network that carries one. */
export type EpochSource = EpochConfig | Pick<Network, 'name' | 'epoch'>

/** A point in time: Unix seconds (number or bigint) or a `Date`. */
export type Timestamp = bigint | number | Date

export function resolveEpochConfig(source: EpochSource): EpochConfig {
  const config = 'genesis' in source ? source : source.epoch
  if (!config)
    throw new NetworkValueMissingError({
      network: (source as Network).name,
      field: 'epoch',
      hint: 'Read it from the Controller (startEpochTimestamp(), epochDuration()) and pass { genesis, length }.',
    })
  if (
    typeof config.genesis !== 'bigint' ||
    typeof config.length !== 'bigint' ||
    config.length <= 0n
  )
    throw new InvalidParameterError({
      field: 'epoch',
      value: config,
      rule: '{ genesis: bigint, length: bigint > 0n } in seconds',
    })
  return config
}

export function toSeconds(field: string, timestamp: unknown): bigint {
  if (typeof timestamp === 'bigint') return timestamp
  if (typeof timestamp === 'number' && Number.isFinite(timestamp))
    return BigInt(Math.floor(timestamp))
  if (timestamp instanceof Date && !Number.isNaN(timestamp.getTime()))
    return BigInt(Math.floor(timestamp.getTime() / 1000))
  throw new InvalidParameterError({
    field,
    value: timestamp,
    rule: 'Unix seconds (number or bigint) or a valid Date',
  })
}
