import { BaseError } from '@ratio1/sdk-core'

/** @see SignerUnavailableError */
export type SignerUnavailableErrorType = SignerUnavailableError & { name: 'SignerUnavailableError' }

/**
 * The account given to sign a request cannot sign (a wallet client without an account, a bare JSON-RPC
 * account), or the client has no account at all.
 *
 * @example
 * ```ts
 * import { SignerUnavailableError } from '@ratio1/sdk-deeploy'
 * error instanceof SignerUnavailableError
 * ```
 */
export class SignerUnavailableError extends BaseError {
  override name = 'SignerUnavailableError'
  constructor({ reason }: { reason: string }) {
    super(`Cannot sign the Deeploy request: ${reason}.`, {
      docsPath: '#signerunavailableerror',
      metaMessages: [
        'Pass `account` (privateKeyToAccount, a smart account) or a wallet client that has an account.',
      ],
    })
  }
}

/** Why a request signature was rejected. */
export type SignatureErrorReason =
  | 'invalid-sender'
  | 'missing-hash'
  | 'hash-mismatch'
  | 'unrecoverable'
  | 'signer-mismatch'

/** @see SignatureError */
export type SignatureErrorType = SignatureError & { name: 'SignatureError' }

/**
 * A signed Deeploy request does not verify. `oracleMessage` is the exact text a Ratio1 oracle answers
 * for the same request, so a reference oracle can return it unchanged.
 *
 * @example
 * ```ts
 * import { SignatureError, verifyRequest } from '@ratio1/sdk-deeploy'
 * try { await verifyRequest({ request, requestType: 'get apps' }) }
 * catch (e) { if (e instanceof SignatureError) console.log(e.reason, e.oracleMessage) }
 * ```
 */
export class SignatureError extends BaseError {
  override name = 'SignatureError'
  reason: SignatureErrorReason
  /** What the oracle replies in `result.error`. */
  oracleMessage: string
  constructor({
    reason,
    oracleMessage,
    cause,
  }: { reason: SignatureErrorReason; oracleMessage: string; cause?: unknown }) {
    super(`The request signature is not valid (${reason}): ${oracleMessage}`, {
      cause,
      docsPath: '#signatureerror',
      metaMessages: [
        'Sign the exact object that is sent, with an EIP-55 sender, and do not change it after signing.',
      ],
    })
    this.reason = reason
    this.oracleMessage = oracleMessage
  }
}

/** Why a nonce was rejected. */
export type NonceErrorReason = 'missing' | 'invalid' | 'future' | 'expired'

/** @see NonceError */
export type NonceErrorType = NonceError & { name: 'NonceError' }

/**
 * A request nonce is missing, not hex, ahead of the verifier's clock, or older than the 12-hour window.
 *
 * @example
 * ```ts
 * import { NonceError } from '@ratio1/sdk-deeploy'
 * if (error instanceof NonceError && error.reason === 'future') console.log('clock skew')
 * ```
 */
export class NonceError extends BaseError {
  override name = 'NonceError'
  reason: NonceErrorReason
  /** What the oracle replies in `result.error`. */
  oracleMessage: string
  constructor({ reason, oracleMessage }: { reason: NonceErrorReason; oracleMessage: string }) {
    const hint =
      reason === 'future'
        ? 'The nonce is ahead of the verifier clock: back-date nonces by a few seconds (createNonce does).'
        : reason === 'expired'
          ? 'Nonces are valid for 12 hours: sign the request again.'
          : 'The nonce must be "0x" + hex milliseconds since the Unix epoch.'
    super(`The request nonce is not acceptable (${reason}): ${oracleMessage}`, {
      docsPath: '#nonceerror',
      metaMessages: [hint],
    })
    this.reason = reason
    this.oracleMessage = oracleMessage
  }
}

/** @see ResponseSignatureError */
export type ResponseSignatureErrorType = ResponseSignatureError & { name: 'ResponseSignatureError' }

/**
 * A response's node signature does not verify (only raised when the client is created with
 * `verifyResponseSignatures: true`).
 *
 * @example
 * ```ts
 * import { ResponseSignatureError } from '@ratio1/sdk-deeploy'
 * if (error instanceof ResponseSignatureError) console.log(error.reason, error.sender)
 * ```
 */
export class ResponseSignatureError extends BaseError {
  override name = 'ResponseSignatureError'
  reason: string
  sender: string | undefined
  constructor({
    url,
    reason,
    sender,
  }: { url: string; reason: string; sender: string | undefined }) {
    super(`The response from ${url} is not correctly signed by its oracle (${reason}).`, {
      docsPath: '#responsesignatureerror',
      metaMessages: [`EE_SENDER: ${sender ?? '(missing)'}`],
    })
    this.reason = reason
    this.sender = sender
  }
}
