import { toAmount } from '../internal/integers.js'

/** Options for formatting a token amount. */
export type FormatAmountOptions = {
  /** Round (half away from zero) to at most this many fractional digits; exact when omitted. */
  fractionDigits?: number | undefined
}

/** Formats base units as a decimal string without ever going through floating point. */
export function formatTokenAmount(
  amount: bigint,
  decimals: number,
  unit: string,
  options: FormatAmountOptions = {},
): string {
  let units = toAmount('amount', amount, unit)
  let scale = decimals
  const digits = options.fractionDigits
  if (digits !== undefined && digits < decimals) {
    const divisor = 10n ** BigInt(decimals - digits)
    const half = divisor / 2n
    units = (units < 0n ? units - half : units + half) / divisor
    scale = digits
  }
  const negative = units < 0n
  const absolute = (negative ? -units : units).toString().padStart(scale + 1, '0')
  const whole = absolute.slice(0, absolute.length - scale)
  const fraction = absolute.slice(absolute.length - scale).replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}
