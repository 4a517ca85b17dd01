import type { Address, Hex } from 'viem'
import { keccak256, stringToBytes } from 'viem'
import type { InvalidJsonValueErrorType } from '../errors/json.js'
import type { SignerUnavailableErrorType } from '../errors/signature.js'
import { buildLegacyRequestMessage } from './buildLegacyRequestMessage.js'
import { buildRequestMessage } from './buildRequestMessage.js'
import { createNonce } from './createNonce.js'
import { hashRequestPayload } from './hashRequestPayload.js'
import type { DeeployRequestType } from './requestTypes.js'
import { excludedHashKeys } from './requestTypes.js'
import { type DeeploySigner, signerAddress, signWith } from './signer.js'

/** Which signature the oracle will check: `v3` (hash + readable text) or the dApp's `legacy` JSON text. */
export type SignatureScheme = 'v3' | 'legacy'

export type SignRequestParameters<
  payload extends Record<string, unknown> = Record<string, unknown>,
> = {
  /** Local account, smart account or wallet client that signs. */
  account: DeeploySigner
  /** The endpoint's request type, e.g. `'create pipeline'`. */
  requestType: DeeployRequestType
  /** Request fields; a fresh nonce is added when `nonce` is absent. Signature keys are replaced. */
  payload: payload
  /** @default 'v3' */
  scheme?: SignatureScheme | undefined
  /** Options of the nonce created when the payload has none. */
  nonce?: { now?: number | undefined; skewMarginMs?: number | undefined } | undefined
}

/** The signed request, ready to be sent as `{"request": …}`. */
export type SignedRequest<payload extends Record<string, unknown> = Record<string, unknown>> =
  payload & {
    nonce: string
    EE_ETH_SENDER: Address
    EE_ETH_SIGN: Hex
    /** Present for the v3 scheme only; its presence is how the oracle picks v3. */
    EE_HASH?: string
  }
export type SignRequestReturnType<
  payload extends Record<string, unknown> = Record<string, unknown>,
> = SignedRequest<payload>
export type SignRequestErrorType = InvalidJsonValueErrorType | SignerUnavailableErrorType

/**
 * Signs a Deeploy request the way the oracles verify it. With `v3` (default) the payload's canonical
 * hash goes in `EE_HASH` and the wallet signs the readable wrapper text; with `legacy` the wallet signs
 * the indented JSON text, and for `get oracle job details` the keccak-256 of that text (the hashed
 * legacy variant that endpoint requires). The sender is EIP-55 checksummed.
 *
 * @example
 * ```ts
 * import { privateKeyToAccount } from 'viem/accounts'
 * import { signRequest } from '@ratio1/sdk-deeploy'
 * const request = await signRequest({
 *   account: privateKeyToAccount('0x…'),
 *   requestType: 'get apps',
 *   payload: {},
 * })
 * // { nonce: '0x…', EE_HASH: '…', EE_ETH_SENDER: '0x…', EE_ETH_SIGN: '0x…' }
 * ```
 */
export async function signRequest<payload extends Record<string, unknown>>(
  parameters: SignRequestParameters<payload>,
): Promise<SignRequestReturnType<payload>> {
  const { account, requestType, scheme = 'v3' } = parameters
  const payload: Record<string, unknown> = { ...parameters.payload }
  for (const key of excludedHashKeys) delete payload[key]
  if (payload.nonce === undefined) payload.nonce = createNonce(parameters.nonce)
  const sender = signerAddress(account)

  if (scheme === 'v3') {
    const hash = hashRequestPayload(payload)
    const signature = await signWith(account, buildRequestMessage({ requestType, payload, hash }))
    return {
      ...payload,
      EE_HASH: hash,
      EE_ETH_SENDER: sender,
      EE_ETH_SIGN: signature,
    } as SignRequestReturnType<payload>
  }

  const message = buildLegacyRequestMessage({ payload })
  const signature = await signWith(
    account,
    requestType === 'get oracle job details'
      ? { raw: keccak256(stringToBytes(message), 'bytes') }
      : message,
  )
  return {
    ...payload,
    EE_ETH_SENDER: sender,
    EE_ETH_SIGN: signature,
  } as SignRequestReturnType<payload>
}
