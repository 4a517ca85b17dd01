import { BigIntExpectedError, InvalidParameterError } from '../errors/parameters.js'
import { InvalidNodeCountError } from '../errors/pricing.js'

/** A whole count given as a JavaScript number or a bigint. */
export type Count = number | bigint

function asInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value)
  return undefined
}

/** Converts a whole number to bigint, rejecting fractions, unsafe integers, other types and values below `min`. */
export function toInteger(field: string, value: unknown, min = 0n): bigint {
  const integer = asInteger(value)
  if (integer === undefined || integer < min)
    throw new InvalidParameterError({
      field,
      value,
      rule: `a whole number ≥ ${min} (number or bigint)`,
    })
  return integer
}

/** A node count: a whole number, at least 1. */
export function toNodeCount(field: string, value: unknown): bigint {
  const integer = asInteger(value)
  if (integer === undefined || integer < 1n) throw new InvalidNodeCountError({ field, value })
  return integer
}

/** An on-chain amount: must already be a bigint (never a float). */
export function toAmount(field: string, value: unknown, unit = 'USDC base units'): bigint {
  if (typeof value !== 'bigint') throw new BigIntExpectedError({ field, value, unit })
  return value
}

/** A non-negative on-chain amount. */
export function toNonNegativeAmount(
  field: string,
  value: unknown,
  unit = 'USDC base units',
): bigint {
  const amount = toAmount(field, value, unit)
  if (amount < 0n)
    throw new InvalidParameterError({ field, value, rule: `a non-negative amount in ${unit}` })
  return amount
}
