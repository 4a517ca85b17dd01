import { InvalidJsonValueError } from '../errors/json.js'
import { formatScalar, normalize, sortKeys } from './serialize.js'

/**
 * Compact sorted JSON as Python's `json.dumps(value, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)` writes it, for values from {@link parseLosslessJson}: numbers keep their original
 * spelling. This is the text an oracle hashes when it signs a response.
 * @internal
 */
export function toPythonJson(value: unknown): string {
  const out = write(value, '$')
  if (out === undefined)
    throw new InvalidJsonValueError({ path: '$', reason: 'the value itself is not serializable' })
  return out
}

function write(raw: unknown, path: string): string | undefined {
  const value = normalize(raw, path)
  if (value === undefined) return undefined
  const scalar = formatScalar(value, path)
  if (scalar !== undefined) return scalar
  if (Array.isArray(value))
    return `[${value.map((v, i) => write(v, `${path}[${i}]`) ?? 'null').join(',')}]`
  const record = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of sortKeys(Object.keys(record))) {
    const member = write(record[key], `${path}.${key}`)
    if (member !== undefined) parts.push(`${formatScalar(key, path)}:${member}`)
  }
  return `{${parts.join(',')}}`
}
