import { InvalidJsonValueError } from '../errors/json.js'
import { formatScalar, normalize, sortKeys, type Trail } from './serialize.js'

/**
 * Compact sorted JSON as Python's `json.dumps(value, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)` writes it, for values from {@link parseLosslessJson}: numbers keep their original
 * spelling. This is the text an oracle hashes when it signs a response.
 * @internal
 */
export function toPythonJson(value: unknown): string {
  const out = write(value, [])
  if (out === undefined)
    throw new InvalidJsonValueError({ path: '$', reason: 'the value itself is not serializable' })
  return out
}

function write(raw: unknown, trail: Trail): string | undefined {
  const value = normalize(raw, trail)
  if (value === undefined) return undefined
  const scalar = formatScalar(value, trail)
  if (scalar !== undefined) return scalar
  if (Array.isArray(value)) {
    const items: string[] = []
    for (let i = 0; i < value.length; i++) {
      trail.push(i)
      items.push(write(value[i], trail) ?? 'null')
      trail.pop()
    }
    return `[${items.join(',')}]`
  }
  const record = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of sortKeys(Object.keys(record))) {
    trail.push(key)
    const member = write(record[key], trail)
    if (member !== undefined) parts.push(`${formatScalar(key, trail)}:${member}`)
    trail.pop()
  }
  return `{${parts.join(',')}}`
}
