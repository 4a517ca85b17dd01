import { describeValue, docsAnchor } from '../internal/describe.js'
import { BaseError } from './base.js'

/** @see InvalidParameterError */
export type InvalidParameterErrorType = InvalidParameterError & { name: 'InvalidParameterError' }

/**
 * A parameter has the wrong type or shape, e.g. a fractional node count or a string where a number is
 * expected. The message names the field, the value received and the rule it broke.
 *
 * @example
 * ```ts
 * import { InvalidParameterError } from '@ratio1/sdk-core'
 * throw new InvalidParameterError({ field: 'nodes', value: 2.5, rule: 'a whole number' })
 * ```
 */
export class InvalidParameterError extends BaseError {
  override name = 'InvalidParameterError' as const
  readonly field: string
  readonly value: unknown
  constructor({ field, value, rule }: { field: string; value: unknown; rule: string }) {
    super(`Invalid \`${field}\`: received ${describeValue(value)}; expected ${rule}.`, {
      docsPath: docsAnchor('InvalidParameterError'),
    })
    this.field = field
    this.value = value
  }
}

/** @see BigIntExpectedError */
export type BigIntExpectedErrorType = BigIntExpectedError & { name: 'BigIntExpectedError' }

/**
 * A token amount was given as something other than a bigint. Amounts are exact integers in base units
 * (USDC has 6 decimals, R1 has 18); floating-point numbers would silently lose units.
 *
 * @example
 * ```ts
 * import { BigIntExpectedError } from '@ratio1/sdk-core'
 * throw new BigIntExpectedError({ field: 'amount', value: 1.5, unit: 'USDC base units' })
 * ```
 */
export class BigIntExpectedError extends BaseError {
  override name = 'BigIntExpectedError' as const
  readonly field: string
  readonly value: unknown
  constructor({ field, value, unit }: { field: string; value: unknown; unit: string }) {
    super(
      `\`${field}\` must be a bigint in ${unit}; received ${describeValue(value)} (${typeof value}).`,
      {
        docsPath: docsAnchor('BigIntExpectedError'),
        metaMessages: [
          'Amounts are exact integers in base units: use 1_500_000n, or parseUsdc("1.5") / parseR1("1.5").',
        ],
      },
    )
    this.field = field
    this.value = value
  }
}
