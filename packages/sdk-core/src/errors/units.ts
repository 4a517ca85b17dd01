import { describeValue, docsAnchor } from '../internal/describe.js'
import { BaseError } from './base.js'

/** @see InvalidAmountError */
export type InvalidAmountErrorType = InvalidAmountError & { name: 'InvalidAmountError' }

/**
 * A decimal token amount could not be parsed, or has more fractional digits than the token has decimals.
 *
 * @example
 * ```ts
 * import { InvalidAmountError } from '@ratio1/sdk-core'
 * throw new InvalidAmountError({ value: '1.2345678', token: 'USDC', decimals: 6 })
 * ```
 */
export class InvalidAmountError extends BaseError {
  override name = 'InvalidAmountError' as const
  readonly value: unknown
  constructor({ value, token, decimals }: { value: unknown; token: string; decimals: number }) {
    super(
      `Invalid ${token} amount ${describeValue(value)}: expected a decimal string such as "12.5" with at most ${decimals} fractional digits.`,
      { docsPath: docsAnchor('InvalidAmountError') },
    )
    this.value = value
  }
}
