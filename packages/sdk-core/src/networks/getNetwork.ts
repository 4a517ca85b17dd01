import type { UnknownNetworkErrorType } from '../errors/network.js'
import { UnknownNetworkError } from '../errors/network.js'
import { networks } from './networks.js'
import type { Network, NetworkName } from './types.js'

/** @see getNetwork */
export type GetNetworkErrorType = UnknownNetworkErrorType

/**
 * Returns a built-in network: `'mainnet'` (Base, 8453), `'testnet'` and `'devnet'` (Base Sepolia, 84532),
 * or `'localnet'` (a local Hardhat chain, 31337). It carries the viem chain, the contract addresses known
 * for certain, the epoch schedule and the Deeploy API URL.
 *
 * @throws {UnknownNetworkError} for any other name.
 * @example
 * ```ts
 * import { getNetwork } from '@ratio1/sdk-core'
 * const mainnet = getNetwork('mainnet')
 * mainnet.chain.id // 8453
 * mainnet.contracts.poaiManager // '0xa8d7FFCE91a888872A9f5431B4Dd6c0c135055c1'
 * mainnet.epoch // { genesis: 1748016000n, length: 86400n }
 * ```
 */
export function getNetwork(name: NetworkName): Network {
  if (typeof name === 'string' && Object.hasOwn(networks, name)) return networks[name]
  throw new UnknownNetworkError({ name })
}
