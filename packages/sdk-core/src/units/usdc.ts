import type { BigIntExpectedErrorType } from '../errors/parameters.js'
import type { InvalidAmountErrorType } from '../errors/units.js'
import { type FormatAmountOptions, formatTokenAmount } from './formatTokenAmount.js'
import { parseTokenAmount } from './parseTokenAmount.js'

/**
 * USDC's decimals (base units per USDC = 10^6).
 *
 * @example
 * ```ts
 * import { usdcDecimals } from '@ratio1/sdk-core'
 * usdcDecimals // 6
 * ```
 */
export const usdcDecimals = 6

/** @see parseUsdc */
export type ParseUsdcErrorType = InvalidAmountErrorType

/**
 * Parses a decimal USDC amount into base units, exactly. More than 6 fractional digits is an error rather
 * than a silent rounding.
 *
 * @throws {InvalidAmountError} for anything but a plain decimal string with at most 6 fractional digits.
 * @example
 * ```ts
 * import { parseUsdc } from '@ratio1/sdk-core'
 * parseUsdc('58.125') // 58_125_000n
 * ```
 */
export function parseUsdc(value: string): bigint {
  return parseTokenAmount(value, usdcDecimals, 'USDC')
}

/** @see formatUsdc */
export type FormatUsdcErrorType = BigIntExpectedErrorType

/**
 * Formats USDC base units as a decimal string: exact by default, or rounded half away from zero to
 * `fractionDigits`.
 *
 * @example
 * ```ts
 * import { formatUsdc } from '@ratio1/sdk-core'
 * formatUsdc(58_125_000n) // '58.125'
 * formatUsdc(58_125_000n, { fractionDigits: 2 }) // '58.13'
 * ```
 */
export function formatUsdc(amount: bigint, options?: FormatAmountOptions): string {
  return formatTokenAmount(amount, usdcDecimals, 'USDC base units', options)
}
