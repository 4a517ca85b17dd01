import type { Hex } from 'viem'
import type { InvalidNodeAddressErrorType } from '../errors/address.js'
import { InvalidNodeAddressError } from '../errors/address.js'

/** @see nodeAddressToPublicKey */
export type NodeAddressToPublicKeyErrorType = InvalidNodeAddressErrorType

const prefixes = ['0xai_', 'aixp_'] as const
const base64Url = /^[A-Za-z0-9_-]{44}$/

/**
 * Decodes a Ratio1 node address (`0xai_…`, or the legacy `aixp_…`) into the node's 33-byte compressed
 * secp256k1 public key.
 *
 * @throws {InvalidNodeAddressError} when the prefix, length, alphabet or key prefix is wrong.
 * @example
 * ```ts
 * import { nodeAddressToPublicKey } from '@ratio1/sdk-core'
 * nodeAddressToPublicKey('0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if')
 * // '0x023d45a4f4072121017a5a7eb50f1c7a0c24e37e03725eb16879ae859413ef889f'
 * ```
 */
export function nodeAddressToPublicKey(nodeAddress: string): Hex {
  if (typeof nodeAddress !== 'string')
    throw new InvalidNodeAddressError({ value: nodeAddress, reason: 'a node address is a string' })
  const prefix = prefixes.find((candidate) => nodeAddress.startsWith(candidate))
  if (!prefix)
    throw new InvalidNodeAddressError({ value: nodeAddress, reason: 'it must start with "0xai_"' })
  const encoded = nodeAddress.slice(prefix.length)
  if (!base64Url.test(encoded))
    throw new InvalidNodeAddressError({
      value: nodeAddress,
      reason: `the key must be 44 base64url characters, found ${encoded.length} character(s)${/[^A-Za-z0-9_-]/.test(encoded) ? ' outside the base64url alphabet' : ''}`,
    })
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'))
  let hex = '0x'
  for (let index = 0; index < binary.length; index++)
    hex += binary.charCodeAt(index).toString(16).padStart(2, '0')
  if (!hex.startsWith('0x02') && !hex.startsWith('0x03'))
    throw new InvalidNodeAddressError({
      value: nodeAddress,
      reason: 'the decoded key is not a compressed public key (it must start with 0x02 or 0x03)',
    })
  return hex as Hex
}
