import { type Address, encodeAbiParameters, type Hex, keccak256 } from 'viem'
import { toEvmAddress } from '../addresses/toEvmAddress.js'
import type { InvalidEthAddressErrorType } from '../errors/address.js'
import { InvalidParameterError } from '../errors/parameters.js'

/** @see hashNodeSet */
export type HashNodeSetErrorType = InvalidEthAddressErrorType

/**
 * The consensus hash of a node set, `keccak256(abi.encode(address[]))`, as PoAIManager computes it. It
 * hashes the list in the order given (use `canonicalNodeSet` first to get the oracles' order).
 *
 * @example
 * ```ts
 * import { hashNodeSet } from '@ratio1/sdk-core'
 * hashNodeSet([]) // '0x569e75fc77c1a856f6daaf9e69d8a9566ca34aa47f9133711ce065a571af0cfd'
 * ```
 */
export function hashNodeSet(nodes: readonly (Address | string)[]): Hex {
  if (!Array.isArray(nodes))
    throw new InvalidParameterError({ field: 'nodes', value: nodes, rule: 'an array of addresses' })
  const addresses = nodes.map((node, index) => toEvmAddress(`nodes[${index}]`, node))
  return keccak256(encodeAbiParameters([{ type: 'address[]' }], [addresses]))
}
