import { InvalidJsonValueError } from '../errors/json.js'
import { LosslessNumber } from './losslessNumber.js'

// Python sorts dict keys by code point while Array#sort compares UTF-16 units; the two only disagree
// when a key holds an astral character, so the cheap comparison is used unless a surrogate is present.
const surrogate = /[\uD800-\uDFFF]/
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** @internal Sorts object keys in place as Python does; the common all-BMP case uses the native sort. */
export function sortKeys(keys: string[]): string[] {
  for (const key of keys) if (surrogate.test(key)) return keys.sort(compareKeys)
  return keys.sort()
}

/** @internal */
export function compareKeys(a: string, b: string): number {
  if (!surrogate.test(a) && !surrogate.test(b)) return a < b ? -1 : a > b ? 1 : 0
  const ca = Array.from(a, (c) => c.codePointAt(0)!)
  const cb = Array.from(b, (c) => c.codePointAt(0)!)
  for (let i = 0; i < Math.min(ca.length, cb.length); i++)
    if (ca[i] !== cb[i]) return ca[i]! - cb[i]!
  return ca.length - cb.length
}

/**
 * JSON string literal as Python's `json.dumps(..., ensure_ascii=False)` writes it. `JSON.stringify`
 * escapes exactly the same set (`"`, `\`, U+0000–U+001F with `\b \f \n \r \t` or lowercase `\u00xx`)
 * and leaves U+007F, U+2028 and every other character raw, so it is used for speed; lone surrogates are
 * rejected because Python would emit them raw (and fail to encode them) where JavaScript escapes them.
 * @internal
 */
export function quoteString(value: string, trail: Trail): string {
  if (surrogate.test(value) && loneSurrogate.test(value))
    throw new InvalidJsonValueError({
      path: formatPath(trail),
      reason: 'a string holds a lone UTF-16 surrogate',
    })
  return JSON.stringify(value)
}

/**
 * A finite JavaScript number spelled the way the oracle re-serializes it after Python parsed it:
 * integers keep their digits, other values follow Python's float `repr` (exponent form below 1e-4 and
 * from 1e16 on, at least two exponent digits), e.g. `0.00001` → `1e-05`, `1e-7` → `1e-07`.
 * @internal
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'null'
  // Integers below 1e21 are written by JSON.stringify as plain digits and parsed by Python as int.
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value === 0 ? '0' : String(value)
  const text = String(value)
  // Fixed notation from 1e-4 up is spelled identically by both (shortest round-trip digits).
  if (Math.abs(value) >= 1e-4 && !text.includes('e')) return text
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string]
  const exponent = Number(exponentText)
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+'
    const digits = String(Math.abs(exponent)).padStart(2, '0')
    return `${mantissa}e${sign}${digits}`
  }
  return text
}

/**
 * @internal Keys and indexes from the root to the value being written. Kept as a mutable stack and only
 * turned into a `$.a[0]` string when an error needs it: building path strings for every value was most
 * of the serializer's time.
 */
export type Trail = (string | number)[]

/** @internal */
export function formatPath(trail: Trail): string {
  return `$${trail.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`
}

/** @internal */
export type Primitive = string | number | boolean | null

/**
 * Turns a value into what `JSON.stringify` would send for it: `toJSON` is honoured, unserializable
 * values (undefined, functions, symbols) become `undefined`, non-finite numbers become `null`.
 * @internal
 */
export function normalize(value: unknown, trail: Trail): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof LosslessNumber)) {
    const toJSON = (value as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') return (toJSON as () => unknown).call(value)
  }
  if (typeof value === 'bigint')
    throw new InvalidJsonValueError({
      path: formatPath(trail),
      reason: 'bigint values cannot be sent as JSON; convert them to a number or a decimal string',
    })
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return undefined
  return value
}

/** @internal */
export function formatScalar(value: unknown, trail: Trail): string | undefined {
  if (value === null) return 'null'
  if (value === true) return 'true'
  if (value === false) return 'false'
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'string') return quoteString(value, trail)
  if (value instanceof LosslessNumber) return value.lexeme
  return undefined
}
