import { toLegacyJson } from '../json/toLegacyJson.js'
import { legacyMessagePrefix } from './requestTypes.js'

export type BuildLegacyRequestMessageParameters = {
  /** The request; `EE_ETH_SIGN` and `EE_ETH_SENDER` are left out of the signed text. */
  payload: Record<string, unknown>
}
export type BuildLegacyRequestMessageReturnType = string

/**
 * Builds the text of the legacy (v2) Deeploy signature: `"Please sign this message for Deeploy: "`
 * followed by the request (minus `EE_ETH_SIGN`/`EE_ETH_SENDER`) as Python's sorted, one-space-indented
 * JSON. This is what the official dApp signs today.
 *
 * @example
 * ```ts
 * import { buildLegacyRequestMessage } from '@ratio1/sdk-deeploy'
 * buildLegacyRequestMessage({ payload: { nonce: '0x19a2b3c4d5e' } })
 * // 'Please sign this message for Deeploy: {\n "nonce":"0x19a2b3c4d5e"\n}'
 * ```
 */
export function buildLegacyRequestMessage(
  parameters: BuildLegacyRequestMessageParameters,
): BuildLegacyRequestMessageReturnType {
  const signed: Record<string, unknown> = { ...parameters.payload }
  delete signed.EE_ETH_SIGN
  delete signed.EE_ETH_SENDER
  return legacyMessagePrefix + toLegacyJson(signed)
}
