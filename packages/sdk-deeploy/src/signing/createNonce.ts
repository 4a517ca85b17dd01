export type CreateNonceParameters = {
  /** Current time in milliseconds; defaults to `Date.now()`. */
  now?: number | undefined
  /**
   * How far to back-date the nonce, in milliseconds. The oracle rejects any nonce ahead of its own
   * clock (`Nonce is invalid(f)!`) and accepts 12 hours behind it, so a few seconds absorb clock skew.
   * @default 10_000
   */
  skewMarginMs?: number | undefined
}
/** `"0x"` + lowercase hex of a Unix time in milliseconds. */
export type CreateNonceReturnType = `0x${string}`

/**
 * Creates a Deeploy request nonce: `"0x"` + lowercase hex milliseconds, back-dated by a margin for clock
 * skew between this machine and the oracle.
 *
 * @example
 * ```ts
 * import { createNonce } from '@ratio1/sdk-deeploy'
 * createNonce({ now: 1761661973614 }) // '0x19a2b3c4d5e' (10 s earlier)
 * ```
 */
export function createNonce(parameters: CreateNonceParameters = {}): CreateNonceReturnType {
  const now = parameters.now ?? Date.now()
  const margin = parameters.skewMarginMs ?? 10_000
  return `0x${Math.max(0, Math.floor(now - margin)).toString(16)}`
}
