import { InvalidAmountError } from '../errors/units.js'

/** Parses a decimal string into base units, refusing anything it would have to round. */
export function parseTokenAmount(value: string, decimals: number, token: string): bigint {
  const match = typeof value === 'string' ? /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim()) : null
  const [, sign = '', whole = '', fraction = ''] = match ?? []
  if (!match || (whole === '' && fraction === '') || fraction.length > decimals)
    throw new InvalidAmountError({ value, token, decimals })
  const units =
    BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0')
  return sign === '-' ? -units : units
}
