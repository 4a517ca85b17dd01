import type { NetworkName } from '@ratio1/sdk-core'
import type { DeeploySigner } from '../signing/signer.js'
import type { SignatureScheme } from '../signing/signRequest.js'
import type { verifyResponseSignature } from '../signing/verifyResponseSignature.js'

/** One line of the client's log; bodies are redacted before they reach it. */
export type DeeployLogEvent =
  | { type: 'request'; method: 'GET' | 'POST'; url: string; body?: unknown }
  | { type: 'response'; method: 'GET' | 'POST'; url: string; status: number; durationMs: number }
  | { type: 'error'; method: 'GET' | 'POST'; url: string; error: Error; durationMs: number }
  | {
      type: 'retry'
      method: 'GET' | 'POST'
      url: string
      attempt: number
      status: number | undefined
    }

/** Retry policy for reads; writes are never retried. */
export type DeeployRetryConfig =
  | number
  | {
      /** Attempts after the first. @default 2 */
      limit?: number | undefined
      /** Delay before retry `attempt` (1-based), in ms. @default 300·2^(attempt−1) */
      delay?: ((attempt: number) => number) | undefined
      /** Upper bound of one delay, in ms. */
      backoffLimit?: number | undefined
    }

/** The configuration every Deeploy action receives as its first argument. */
export type DeeployBaseClient = {
  /** Deeploy API base URL, without a trailing slash. */
  baseUrl: string
  /** Oracle API base URL, when known. */
  oracleApiUrl: string | undefined
  /** The network the URLs came from, if one was named. */
  network: NetworkName | undefined
  /** Signs every authenticated request; optional for unauthenticated endpoints. */
  account: DeeploySigner | undefined
  /** Signature scheme for signed requests. */
  signatureScheme: SignatureScheme
  /** `fetch` to use; `undefined` means `globalThis.fetch` looked up at request time. */
  fetch: typeof globalThis.fetch | undefined
  /** Per-request timeout for ordinary calls, in ms. */
  timeout: number
  /** Timeout for the long-polling create, update and scale-up calls, in ms. */
  longPollTimeout: number
  retry: DeeployRetryConfig
  /** Aborts every request of this client. */
  signal: AbortSignal | undefined
  /** Checks each response's node signature; a failure throws `ResponseSignatureError`. */
  verifyResponse: ResponseVerifier | undefined
  /** Receives redacted request/response events. */
  logger: ((event: DeeployLogEvent) => void) | undefined
  /** Back-dating of generated nonces, in ms. */
  nonceSkewMarginMs: number
}

/**
 * Verifies a raw response body, e.g. {@link verifyResponseSignature}. Passed in rather than built in so
 * apps that do not verify do not bundle the secp256k1 verifier.
 */
export type ResponseVerifier = (parameters: { body: string }) => {
  valid: boolean
  reason?: string | undefined
  sender: string | undefined
}

/** Per-call options every action accepts next to its parameters. */
export type DeeployCallOptions = {
  /** Aborts this call. */
  signal?: AbortSignal | undefined
  /** Overrides the client's timeout for this call, in ms. */
  timeout?: number | undefined
}
