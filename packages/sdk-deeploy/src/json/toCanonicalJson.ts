import { InvalidJsonValueError } from '../errors/json.js'
import { formatPath, formatScalar, normalize, sortKeys, type Trail } from './serialize.js'

/**
 * Serializes a value as the oracles' *compact canonical JSON* (Deeploy v3 signing): object keys sorted,
 * no whitespace, raw UTF-8 strings, members whose value is `undefined` dropped, unserializable array
 * items written as `null`, non-finite numbers written as `null`, and numbers spelled as the oracle
 * re-serializes them after parsing (Python float `repr`, so `0.00001` becomes `1e-05`).
 *
 * @throws {InvalidJsonValueError} for bigint values, lone surrogates, cycles or an unserializable top level.
 *
 * @example
 * ```ts
 * import { toCanonicalJson } from '@ratio1/sdk-deeploy'
 * toCanonicalJson({ b: [1, undefined], a: 'Iași' }) // '{"a":"Iași","b":[1,null]}'
 * ```
 */
export function toCanonicalJson(value: unknown): string {
  const out = write(value, [], [])
  if (out === undefined)
    throw new InvalidJsonValueError({ path: '$', reason: 'the value itself is not serializable' })
  return out
}

function write(raw: unknown, trail: Trail, stack: object[]): string | undefined {
  const value = normalize(raw, trail)
  if (value === undefined) return undefined
  const scalar = formatScalar(value, trail)
  if (scalar !== undefined) return scalar
  const object = value as object
  if (stack.includes(object))
    throw new InvalidJsonValueError({
      path: formatPath(trail),
      reason: 'the value contains a cycle',
    })
  stack.push(object)
  let out: string
  if (Array.isArray(object)) {
    const parts: string[] = []
    for (let i = 0; i < object.length; i++) {
      trail.push(i)
      parts.push(write(object[i], trail, stack) ?? 'null')
      trail.pop()
    }
    out = `[${parts.join(',')}]`
  } else {
    const record = object as Record<string, unknown>
    const keys = sortKeys(Object.keys(record))
    const parts: string[] = []
    for (const key of keys) {
      trail.push(key)
      const member = write(record[key], trail, stack)
      if (member !== undefined) parts.push(`${formatScalar(key, trail)}:${member}`)
      trail.pop()
    }
    out = `{${parts.join(',')}}`
  }
  stack.pop()
  return out
}
