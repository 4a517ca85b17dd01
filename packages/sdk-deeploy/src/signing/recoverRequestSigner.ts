import type { Address, Hex, SignableMessage } from 'viem'
import { keccak256, recoverMessageAddress, stringToBytes } from 'viem'
import type { SignatureErrorType } from '../errors/signature.js'
import { SignatureError } from '../errors/signature.js'
import { buildLegacyRequestMessage } from './buildLegacyRequestMessage.js'
import { buildRequestMessage } from './buildRequestMessage.js'
import { hashRequestPayload } from './hashRequestPayload.js'
import type { DeeployRequestType } from './requestTypes.js'
import type { SignatureScheme } from './signRequest.js'

export type RecoverRequestSignerParameters = {
  /** The request as received (the object inside `{"request": …}`). */
  request: Record<string, unknown>
  /** The request type of the endpoint it was sent to. */
  requestType: DeeployRequestType
}
export type RecoverRequestSignerReturnType = Address
export type RecoverRequestSignerErrorType = SignatureErrorType

/**
 * Recovers the EOA that signed a Deeploy request, choosing the scheme as the oracle does: `v3` when the
 * key `EE_HASH` is present (after checking the hash against the payload), `legacy` otherwise (hashed for
 * `get oracle job details`). It does not compare with `EE_ETH_SENDER`; {@link verifyRequest} does.
 *
 * @example
 * ```ts
 * import { recoverRequestSigner } from '@ratio1/sdk-deeploy'
 * const signer = await recoverRequestSigner({ request, requestType: 'get apps' })
 * ```
 */
export async function recoverRequestSigner(
  parameters: RecoverRequestSignerParameters,
): Promise<RecoverRequestSignerReturnType> {
  const { message } = requestMessage(parameters)
  try {
    return await recoverMessageAddress({
      message,
      signature: parameters.request.EE_ETH_SIGN as Hex,
    })
  } catch (cause) {
    throw new SignatureError({
      reason: 'unrecoverable',
      oracleMessage: 'Signature verification failed: could not recover address from signature',
      cause,
    })
  }
}

/** @internal The signed message of a request and the scheme it uses. */
export function requestMessage({ request, requestType }: RecoverRequestSignerParameters): {
  message: SignableMessage
  scheme: SignatureScheme
} {
  if (Object.hasOwn(request, 'EE_HASH')) {
    const received = request.EE_HASH
    if (typeof received !== 'string' || received.trim() === '')
      throw new SignatureError({
        reason: 'missing-hash',
        oracleMessage: 'EE_HASH is required for Deeploy v3 signed requests.',
      })
    const computed = hashRequestPayload(request)
    if (received.trim() !== computed)
      throw new SignatureError({
        reason: 'hash-mismatch',
        oracleMessage: `Invalid payload hash: received ${received} != computed ${computed}`,
      })
    return {
      message: buildRequestMessage({ requestType, payload: request, hash: computed }),
      scheme: 'v3',
    }
  }
  const text = buildLegacyRequestMessage({ payload: request })
  return {
    message:
      requestType === 'get oracle job details'
        ? { raw: keccak256(stringToBytes(text), 'bytes') }
        : text,
    scheme: 'legacy',
  }
}
