import { InvalidJsonTextError } from '../errors/json.js'
import { LosslessNumber } from './losslessNumber.js'

/** What {@link parseLosslessJson} returns: plain JSON with every number kept as a {@link LosslessNumber}. */
export type LosslessJson =
  | null
  | boolean
  | string
  | LosslessNumber
  | LosslessJson[]
  | { [key: string]: LosslessJson }

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const whitespace = /[ \t\n\r]*/y

/**
 * Parses JSON text keeping each number's exact spelling, so a response signed by a Python oracle can be
 * re-serialized byte for byte (`JSON.parse` would turn `2.0` into `2` and break the hash). Duplicate
 * keys keep the last value, as Python's `json` does.
 *
 * @throws {InvalidJsonTextError} when the text is not valid JSON.
 *
 * @example
 * ```ts
 * import { parseLosslessJson } from '@ratio1/sdk-deeploy'
 * const value = parseLosslessJson('{"uptime":2.0}') as { uptime: LosslessNumber }
 * value.uptime.lexeme // '2.0'
 * ```
 */
export function parseLosslessJson(text: string): LosslessJson {
  const parser = { text, index: 0 }
  skip(parser)
  const value = parseValue(parser)
  skip(parser)
  if (parser.index !== text.length) fail(parser, 'unexpected text after the JSON value')
  return value
}

type Parser = { text: string; index: number }

function fail(parser: Parser, reason: string): never {
  throw new InvalidJsonTextError({ position: parser.index, reason })
}

function skip(parser: Parser): void {
  whitespace.lastIndex = parser.index
  whitespace.exec(parser.text)
  parser.index = whitespace.lastIndex
}

function parseValue(parser: Parser): LosslessJson {
  const char = parser.text[parser.index]
  if (char === '{') return parseObject(parser)
  if (char === '[') return parseArray(parser)
  if (char === '"') return parseString(parser)
  if (parser.text.startsWith('true', parser.index)) {
    parser.index += 4
    return true
  }
  if (parser.text.startsWith('false', parser.index)) {
    parser.index += 5
    return false
  }
  if (parser.text.startsWith('null', parser.index)) {
    parser.index += 4
    return null
  }
  numberPattern.lastIndex = parser.index
  const match = numberPattern.exec(parser.text)
  if (match) {
    parser.index = numberPattern.lastIndex
    return new LosslessNumber(match[0])
  }
  // Python's json emits these for non-finite floats unless allow_nan=False; read them rather than fail.
  for (const word of ['NaN', 'Infinity', '-Infinity'])
    if (parser.text.startsWith(word, parser.index)) {
      parser.index += word.length
      return new LosslessNumber(word)
    }
  return fail(
    parser,
    char === undefined ? 'unexpected end of text' : `unexpected character '${char}'`,
  )
}

function parseObject(parser: Parser): { [key: string]: LosslessJson } {
  const out: { [key: string]: LosslessJson } = {}
  parser.index++
  skip(parser)
  if (parser.text[parser.index] === '}') {
    parser.index++
    return out
  }
  for (;;) {
    skip(parser)
    if (parser.text[parser.index] !== '"') fail(parser, 'expected a string key')
    const key = parseString(parser)
    skip(parser)
    if (parser.text[parser.index] !== ':') fail(parser, "expected ':'")
    parser.index++
    skip(parser)
    // defineProperty so that a "__proto__" key becomes data instead of changing the prototype.
    Object.defineProperty(out, key, {
      value: parseValue(parser),
      enumerable: true,
      writable: true,
      configurable: true,
    })
    skip(parser)
    const next = parser.text[parser.index++]
    if (next === '}') return out
    if (next !== ',') fail(parser, "expected ',' or '}'")
  }
}

function parseArray(parser: Parser): LosslessJson[] {
  const out: LosslessJson[] = []
  parser.index++
  skip(parser)
  if (parser.text[parser.index] === ']') {
    parser.index++
    return out
  }
  for (;;) {
    skip(parser)
    out.push(parseValue(parser))
    skip(parser)
    const next = parser.text[parser.index++]
    if (next === ']') return out
    if (next !== ',') fail(parser, "expected ',' or ']'")
  }
}

function parseString(parser: Parser): string {
  const { text } = parser
  const start = parser.index
  let end = start + 1
  let escaped = false
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end)
    if (code === 0x22) break
    if (code === 0x5c) {
      escaped = true
      end++
    } else if (code < 0x20) {
      parser.index = end
      fail(parser, 'control character in a string')
    }
  }
  if (end >= text.length) {
    parser.index = start
    fail(parser, 'unterminated string')
  }
  parser.index = end + 1
  const literal = text.slice(start, end + 1)
  if (!escaped) return literal.slice(1, -1)
  try {
    return JSON.parse(literal) as string
  } catch {
    parser.index = start
    return fail(parser, 'invalid escape sequence in a string')
  }
}
