import { BaseError, type BaseErrorParameters } from '@ratio1/sdk-core'
import { version } from '../version.js'

/** Options every sdk-escrow error accepts. */
export type EscrowErrorParameters = BaseErrorParameters & {
  /** Whether sending the same call again, unchanged, can succeed later (e.g. after a cooldown). */
  retryable: boolean
}

/** @see EscrowError */
export type EscrowErrorType = EscrowError & { name: 'EscrowError' }

/**
 * The root of the errors this package defines. Each carries `retryable`: `true` when the same call can
 * succeed later without changes (a cooldown, a price move, a pending consensus), `false` when something
 * must change first. The viem error that triggered it is its `cause`, so `walk()` reaches the revert.
 *
 * @example
 * ```ts
 * import { EscrowError } from '@ratio1/sdk-escrow'
 * try {
 *   await client.redeemUnusedJob({ jobId: 7n })
 * } catch (error) {
 *   if (error instanceof EscrowError && error.retryable) setTimeout(retry, 60_000)
 * }
 * ```
 */
export class EscrowError extends BaseError {
  override name = 'EscrowError'
  readonly retryable: boolean
  constructor(shortMessage: string, { retryable, ...parameters }: EscrowErrorParameters) {
    super(shortMessage, parameters)
    this.retryable = retryable
    // sdk-core's default version line names sdk-core; ours name this package unless a caller pinned it.
    if (this.version.startsWith('@ratio1/sdk-core@')) {
      const own = `@ratio1/sdk-escrow@${version}`
      this.message = this.message.replace(`Version: ${this.version}`, `Version: ${own}`)
      this.version = own
    }
  }
}

/** The anchor of an error class in the errors guide. */
export function docsAnchor(name: string): string {
  return `#${name.toLowerCase()}`
}
