import { InvalidJsonValueError } from '../errors/json.js'
import { formatPath, formatScalar, normalize, sortKeys, type Trail } from './serialize.js'

/**
 * Serializes a value exactly as Python's
 * `json.dumps(value, sort_keys=True, indent=1, separators=(",", ":"), ensure_ascii=False)` does: the
 * text the legacy Deeploy signature covers. Each member sits on its own line indented by one space per
 * level, `:` has no space after it, empty `{}`/`[]` stay inline. Unlike the dApp's
 * `replaceAll('": ', '":')` trick, string values containing `": ` are left intact.
 *
 * @throws {InvalidJsonValueError} for bigint values, lone surrogates, cycles or an unserializable top level.
 *
 * @example
 * ```ts
 * import { toLegacyJson } from '@ratio1/sdk-deeploy'
 * toLegacyJson({ nonce: '0x19a2b3c4d5e' }) // '{\n "nonce":"0x19a2b3c4d5e"\n}'
 * ```
 */
export function toLegacyJson(value: unknown): string {
  const out = write(value, [], 0, [])
  if (out === undefined)
    throw new InvalidJsonValueError({ path: '$', reason: 'the value itself is not serializable' })
  return out
}

function write(raw: unknown, trail: Trail, depth: number, stack: object[]): string | undefined {
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
  const inner = `\n${' '.repeat(depth + 1)}`
  const outer = `\n${' '.repeat(depth)}`
  const parts: string[] = []
  let open = '{'
  let close = '}'
  if (Array.isArray(object)) {
    open = '['
    close = ']'
    for (let i = 0; i < object.length; i++) {
      trail.push(i)
      parts.push(write(object[i], trail, depth + 1, stack) ?? 'null')
      trail.pop()
    }
  } else {
    const record = object as Record<string, unknown>
    for (const key of sortKeys(Object.keys(record))) {
      trail.push(key)
      const member = write(record[key], trail, depth + 1, stack)
      if (member !== undefined) parts.push(`${formatScalar(key, trail)}:${member}`)
      trail.pop()
    }
  }
  stack.pop()
  if (parts.length === 0) return open + close
  return open + inner + parts.join(`,${inner}`) + outer + close
}
