import { sha256, stringToBytes } from 'viem'
import type { InvalidJsonValueErrorType } from '../errors/json.js'
import { toCanonicalJson } from '../json/toCanonicalJson.js'
import { excludedHashKeys } from './requestTypes.js'

/** The request object, before or after signing (signature keys are ignored). */
export type HashRequestPayloadParameters = Record<string, unknown>
/** Lowercase hex SHA-256 without `0x`, the value of `EE_HASH`. */
export type HashRequestPayloadReturnType = string
export type HashRequestPayloadErrorType = InvalidJsonValueErrorType

/**
 * Computes the v3 `EE_HASH` of a Deeploy request: SHA-256 (lowercase hex, no `0x`) of the compact
 * canonical JSON of the request without its top-level signature keys
 * (`address, signature, EE_SIGN, EE_SENDER, EE_HASH, SIGN_CANON_V, EE_ETH_SIGN, EE_ETH_SENDER`); `nonce`
 * is included.
 *
 * @example
 * ```ts
 * import { hashRequestPayload } from '@ratio1/sdk-deeploy'
 * hashRequestPayload({ nonce: '0x19a2b3c4d5e' })
 * // 'aef14e0e9241be37535df2118917afb98c98a9415454800a5cade4f3dba3fa47'
 * ```
 */
export function hashRequestPayload(
  payload: HashRequestPayloadParameters,
): HashRequestPayloadReturnType {
  const hashed: Record<string, unknown> = { ...payload }
  for (const key of excludedHashKeys) delete hashed[key]
  return sha256(stringToBytes(toCanonicalJson(hashed))).slice(2)
}
