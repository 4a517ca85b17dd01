import type { Address } from 'viem'
import { isAddress } from 'viem'
import type { InvalidEthAddressErrorType } from '../errors/address.js'
import { InvalidEthAddressError } from '../errors/address.js'
import type { InvalidParameterErrorType } from '../errors/parameters.js'
import { InvalidParameterError } from '../errors/parameters.js'
import type { Network } from './types.js'

/** @see defineNetwork */
export type DefineNetworkErrorType = InvalidEthAddressErrorType | InvalidParameterErrorType

/**
 * Describes a custom network (a private deployment, a fork, another devnet) and checks it: every contract
 * address must be valid, the epoch length positive and the chain present. The result works wherever a
 * built-in network does.
 *
 * @example
 * ```ts
 * import { defineNetwork, getNetwork } from '@ratio1/sdk-core'
 * const fork = defineNetwork({
 *   ...getNetwork('mainnet'),
 *   name: 'mainnet-fork',
 *   deeployApiUrl: 'http://127.0.0.1:3000',
 * })
 * ```
 */
export function defineNetwork<const network extends Network>(network: network): network {
  if (typeof network.name !== 'string' || network.name.length === 0)
    throw new InvalidParameterError({
      field: 'name',
      value: network.name,
      rule: 'a non-empty string',
    })
  if (!network.chain || typeof network.chain.id !== 'number')
    throw new InvalidParameterError({ field: 'chain', value: network.chain, rule: 'a viem Chain' })
  for (const [key, address] of Object.entries(network.contracts ?? {})) {
    if (address !== undefined && !isAddress(address as Address))
      throw new InvalidEthAddressError({ field: `contracts.${key}`, value: address })
  }
  if (network.epoch) {
    const { genesis, length } = network.epoch
    if (typeof genesis !== 'bigint' || genesis < 0n)
      throw new InvalidParameterError({
        field: 'epoch.genesis',
        value: genesis,
        rule: 'a non-negative bigint of Unix seconds',
      })
    if (typeof length !== 'bigint' || length <= 0n)
      throw new InvalidParameterError({
        field: 'epoch.length',
        value: length,
        rule: 'a positive bigint of seconds',
      })
  }
  for (const key of ['deeployApiUrl', 'oracleApiUrl'] as const) {
    const url = network[key]
    if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url))
      throw new InvalidParameterError({ field: key, value: url, rule: 'an http(s) URL' })
  }
  return Object.freeze(network)
}
