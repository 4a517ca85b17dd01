import type { Hex } from 'viem'
import type { InvalidParameterErrorType } from '../errors/parameters.js'
import { InvalidParameterError } from '../errors/parameters.js'
import { compressPublicKey, decompressPublicKey } from './secp256k1.js'

/** @see publicKeyToNodeAddress */
export type PublicKeyToNodeAddressErrorType = InvalidParameterErrorType

/**
 * Builds a node's Ratio1 address (`0xai_` + base64url of the compressed key) from its secp256k1 public key,
 * compressed (33 bytes) or uncompressed (65 bytes, as viem's `privateKeyToAccount(...).publicKey`).
 *
 * @example
 * ```ts
 * import { publicKeyToNodeAddress } from '@ratio1/sdk-core'
 * publicKeyToNodeAddress('0x023d45a4f4072121017a5a7eb50f1c7a0c24e37e03725eb16879ae859413ef889f')
 * // '0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if'
 * ```
 */
export function publicKeyToNodeAddress(publicKey: Hex): `0xai_${string}` {
  const hex = typeof publicKey === 'string' ? publicKey.toLowerCase() : ''
  let compressed: string
  if (/^0x0[23][0-9a-f]{64}$/.test(hex)) compressed = hex
  else if (/^0x04[0-9a-f]{128}$/.test(hex)) compressed = compressPublicKey(hex)
  else
    throw new InvalidParameterError({
      field: 'publicKey',
      value: publicKey,
      rule: 'a secp256k1 public key: 33 bytes (02/03 ‖ x) or 65 bytes (04 ‖ x ‖ y) as hex',
    })
  if (!decompressPublicKey(compressed))
    throw new InvalidParameterError({
      field: 'publicKey',
      value: publicKey,
      rule: 'a point on secp256k1',
    })
  let binary = ''
  for (let index = 2; index < compressed.length; index += 2)
    binary += String.fromCharCode(Number.parseInt(compressed.slice(index, index + 2), 16))
  return `0xai_${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_')}`
}
