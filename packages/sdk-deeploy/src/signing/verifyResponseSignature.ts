import { secp256k1 } from '@noble/curves/secp256k1'
import { nodeAddressToPublicKey } from '@ratio1/sdk-core'
import { hexToBytes, sha256, stringToBytes } from 'viem'
import type { InvalidJsonTextErrorType } from '../errors/json.js'
import { base64UrlToBytes } from '../internal/base64url.js'
import type { LosslessJson } from '../json/parseLosslessJson.js'
import { parseLosslessJson } from '../json/parseLosslessJson.js'
import { toPythonJson } from '../json/toPythonJson.js'

export type VerifyResponseSignatureParameters = {
  /**
   * The raw HTTP body text: either the whole envelope (`{"result": …, "server_node_addr": …}`) or the
   * `result` object alone. Pass text, not a parsed object: `JSON.parse` loses Python's number spelling.
   */
  body: string
  /** When given, the response must be signed by this oracle node address (`0xai_…`). */
  expectedSender?: string | undefined
}
export type VerifyResponseSignatureReturnType = {
  /** `true` when the hash matches the data and the signature matches `EE_SENDER`. */
  valid: boolean
  /** Why verification failed, when it did. */
  reason?: 'missing-fields' | 'hash-mismatch' | 'bad-sender' | 'bad-signature' | 'unexpected-sender'
  /** The oracle node address that signed (`EE_SENDER`). */
  sender: string | undefined
  /** SHA-256 recomputed over the signed data. */
  hash: string
}
export type VerifyResponseSignatureErrorType = InvalidJsonTextErrorType

const signatureKeys = ['EE_SIGN', 'EE_SENDER', 'EE_HASH', 'EE_ETH_SIGN', 'EE_ETH_SENDER']

/**
 * Verifies the node signature an oracle puts on every response `result`: recomputes `EE_HASH` over the
 * result minus its signature fields (keeping `SIGN_CANON_V`) serialized as Python sorted compact JSON
 * with the original number spellings, then checks the DER secp256k1 `EE_SIGN` over SHA-256 of the
 * digest against the public key inside `EE_SENDER`. Only `result` is signed; envelope keys are not.
 *
 * @example
 * ```ts
 * import { verifyResponseSignature } from '@ratio1/sdk-deeploy'
 * const response = await fetch('https://deeploy-api.ratio1.ai/node_specs', init)
 * const { valid, sender } = verifyResponseSignature({ body: await response.text() })
 * ```
 */
export function verifyResponseSignature(
  parameters: VerifyResponseSignatureParameters,
): VerifyResponseSignatureReturnType {
  const parsed = parseLosslessJson(parameters.body)
  const result = isRecord(parsed) && isRecord(parsed.result) ? parsed.result : parsed
  if (!isRecord(result))
    return { valid: false, reason: 'missing-fields', sender: undefined, hash: '' }
  const { EE_SIGN: signature, EE_SENDER: sender, EE_HASH: claimed } = result
  const data: Record<string, LosslessJson> = {}
  for (const [key, value] of Object.entries(result))
    if (!signatureKeys.includes(key)) data[key] = value
  const hash = sha256(stringToBytes(toPythonJson(data))).slice(2)
  const senderText = typeof sender === 'string' ? sender : undefined
  const fail = (reason: NonNullable<VerifyResponseSignatureReturnType['reason']>) => ({
    valid: false,
    reason,
    sender: senderText,
    hash,
  })
  if (typeof signature !== 'string' || senderText === undefined) return fail('missing-fields')
  if (typeof claimed === 'string' && claimed.toLowerCase() !== hash) return fail('hash-mismatch')
  if (parameters.expectedSender !== undefined && parameters.expectedSender !== senderText)
    return fail('unexpected-sender')
  let publicKey: Uint8Array
  try {
    publicKey = hexToBytes(nodeAddressToPublicKey(senderText))
  } catch {
    return fail('bad-sender')
  }
  const der = base64UrlToBytes(signature)
  if (!der) return fail('bad-signature')
  let valid = false
  try {
    // The node signs SHA-256 over the 32 digest bytes; Python's ECDSA does not normalise s.
    const message = sha256(hexToBytes(`0x${hash}`), 'bytes')
    valid = secp256k1.verify(der, message, publicKey, {
      lowS: false,
      prehash: false,
      format: 'der',
    })
  } catch {
    valid = false
  }
  return valid ? { valid: true, sender: senderText, hash } : fail('bad-signature')
}

function isRecord(value: unknown): value is Record<string, LosslessJson> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
