import { type Address, getAddress, keccak256 } from 'viem'
import type { InvalidNodeAddressErrorType } from '../errors/address.js'
import { InvalidNodeAddressError } from '../errors/address.js'
import { nodeAddressToPublicKey } from './nodeAddressToPublicKey.js'
import { decompressPublicKey } from './secp256k1.js'

/** @see nodeAddressToEthAddress */
export type NodeAddressToEthAddressErrorType = InvalidNodeAddressErrorType

/**
 * Converts a Ratio1 node address (`0xai_…`) to the node's EVM address, the form the contracts and the
 * oracles' consensus use: the public key is decompressed and hashed as Ethereum does
 * (`keccak256(x ‖ y)`, last 20 bytes, EIP-55 checksummed).
 *
 * @throws {InvalidNodeAddressError} for malformed addresses or keys that are not on the curve.
 * @example
 * ```ts
 * import { nodeAddressToEthAddress } from '@ratio1/sdk-core'
 * nodeAddressToEthAddress('0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if')
 * // '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'
 * ```
 */
export function nodeAddressToEthAddress(nodeAddress: string): Address {
  const compressed = nodeAddressToPublicKey(nodeAddress)
  const point = decompressPublicKey(compressed)
  if (!point)
    throw new InvalidNodeAddressError({
      value: nodeAddress,
      reason: 'the decoded key is not a point on secp256k1',
    })
  return getAddress(`0x${keccak256(`0x${point}`).slice(-40)}`)
}
