import type { BigIntExpectedErrorType } from '../errors/parameters.js'
import type { InvalidAmountErrorType } from '../errors/units.js'
import { type FormatAmountOptions, formatTokenAmount } from './formatTokenAmount.js'
import { parseTokenAmount } from './parseTokenAmount.js'

/**
 * R1's decimals (wei per R1 = 10^18).
 *
 * @example
 * ```ts
 * import { r1Decimals } from '@ratio1/sdk-core'
 * r1Decimals // 18
 * ```
 */
export const r1Decimals = 18

/** @see parseR1 */
export type ParseR1ErrorType = InvalidAmountErrorType

/**
 * Parses a decimal R1 amount into wei, exactly.
 *
 * @throws {InvalidAmountError} for anything but a plain decimal string with at most 18 fractional digits.
 * @example
 * ```ts
 * import { parseR1 } from '@ratio1/sdk-core'
 * parseR1('1.5') // 1_500_000_000_000_000_000n
 * ```
 */
export function parseR1(value: string): bigint {
  return parseTokenAmount(value, r1Decimals, 'R1')
}

/** @see formatR1 */
export type FormatR1ErrorType = BigIntExpectedErrorType

/**
 * Formats R1 wei as a decimal string: exact by default, or rounded to `fractionDigits`.
 *
 * @example
 * ```ts
 * import { formatR1 } from '@ratio1/sdk-core'
 * formatR1(1_500_000_000_000_000_000n) // '1.5'
 * formatR1(1_234_567_890_000_000_000n, { fractionDigits: 4 }) // '1.2346'
 * ```
 */
export function formatR1(amount: bigint, options?: FormatAmountOptions): string {
  return formatTokenAmount(amount, r1Decimals, 'R1 wei', options)
}
