import { fc, test as fcTest } from '@fast-check/vitest'
import { describe, expect, test } from 'vitest'
import { InvalidJsonTextError, InvalidJsonValueError } from '../errors/json.js'
import { LosslessNumber } from './losslessNumber.js'
import { parseLosslessJson } from './parseLosslessJson.js'
import { toCanonicalJson } from './toCanonicalJson.js'
import { toLegacyJson } from './toLegacyJson.js'
import { toPythonJson } from './toPythonJson.js'

// Vectors derived from the oracle's rules (spec §2.3, §2.7): what Python's json.dumps writes after
// parsing the JSON text a JavaScript client sends.
describe('compact canonical JSON', () => {
  test.each([
    [null, 'null'],
    [true, 'true'],
    [false, 'false'],
    [1.5, '1.5'],
    [-3, '-3'],
    [0, '0'],
    [-0, '0'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [0.000001, '1e-06'],
    [1e-7, '1e-07'],
    [1.5e-10, '1.5e-10'],
    [-2.5e-5, '-2.5e-05'],
    [123.456, '123.456'],
    [1e16, '10000000000000000'],
    [1e21, '1e+21'],
    [1.5e300, '1.5e+300'],
    [2 ** 53 + 2, '9007199254740994'],
    [Number.NaN, 'null'],
    [Number.POSITIVE_INFINITY, 'null'],
    [Number.NEGATIVE_INFINITY, 'null'],
  ])('number %s → %s', (value, expected) => {
    expect(toCanonicalJson(value)).toBe(expected)
  })

  test.each([
    ['quotes "and" backslash \\', '"quotes \\"and\\" backslash \\\\"'],
    ['\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['\u0000\u0001\u001f', '"\\u0000\\u0001\\u001f"'],
    ['\u007f', '"\u007f"'],
    ['\u2028\u2029', '"\u2028\u2029"'],
    ['Iași 🚀 東京', '"Iași 🚀 東京"'],
    ['key": value', '"key\\": value"'],
  ])('string %j', (value, expected) => {
    expect(toCanonicalJson(value)).toBe(expected)
  })

  test('objects and arrays', () => {
    expect(toCanonicalJson({ b: {}, a: [], c: [{}, []] })).toBe('{"a":[],"b":{},"c":[{},[]]}')
    expect(
      toCanonicalJson({ a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('x')] }),
    ).toBe('{"c":[null,null,null]}')
    expect(toCanonicalJson({ '2': 'two', 'a"b\n': 'escaped' })).toBe(
      '{"2":"two","a\\"b\\n":"escaped"}',
    )
    expect(toCanonicalJson({ a: { city: 'Iași', greeting: 'bună ziua' }, z: [2, null] })).toBe(
      '{"a":{"city":"Iași","greeting":"bună ziua"},"z":[2,null]}',
    )
    expect(toCanonicalJson({ when: new Date(0) })).toBe('{"when":"1970-01-01T00:00:00.000Z"}')
  })

  test('integer-like keys sort as strings, not first as JS enumerates them', () => {
    expect(toCanonicalJson({ '0': [], '': 0, '10': 1, '9': 2 })).toBe('{"":0,"0":[],"10":1,"9":2}')
  })

  test('keys sort by code point like Python, not by UTF-16 unit', () => {
    // U+FFFF < U+1D7D8 as code points, but the astral key's lead surrogate D835 < FFFF.
    expect(toCanonicalJson({ '𝟘': 1, '\uffff': 2, a: 3 })).toBe('{"a":3,"\uffff":2,"𝟘":1}')
  })

  test.each([
    [1n, /bigint/],
    ['\ud800', /lone UTF-16 surrogate/],
    [undefined, /not serializable/],
  ])('rejects %s', (value, message) => {
    expect(() => toCanonicalJson(value)).toThrow(InvalidJsonValueError)
    expect(() => toCanonicalJson(value)).toThrow(message)
  })

  test('errors name the path of the bad value', () => {
    expect(() => toCanonicalJson({ a: [1, { b: 2n }] })).toThrow(
      'Cannot serialize the value at $.a[1].b',
    )
    expect(() => toLegacyJson({ x: ['\udc00'] })).toThrow('at $.x[0]')
  })

  test('rejects cycles', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => toCanonicalJson(cyclic)).toThrow(/cycle/)
  })
})

describe('legacy JSON (Python indent=1)', () => {
  test('layout', () => {
    expect(toLegacyJson({ nonce: '0x1', plugins: [{ A: 1, B: [] }], x: {} })).toBe(
      '{\n "nonce":"0x1",\n "plugins":[\n  {\n   "A":1,\n   "B":[]\n  }\n ],\n "x":{}\n}',
    )
    expect(toLegacyJson([])).toBe('[]')
    expect(toLegacyJson('x')).toBe('"x"')
  })
  test('string values containing `": ` are not rewritten', () => {
    expect(toLegacyJson({ note: 'a": b' })).toBe('{\n "note":"a\\": b"\n}')
  })
})

describe('lossless parsing', () => {
  test('keeps number spellings and re-emits them', () => {
    const text = '{"b":2.0,"a":[1e-05,-0.5,12345678901234567890],"c":{"d":"x\\u00e9"}}'
    const value = parseLosslessJson(text) as { b: LosslessNumber }
    expect(value.b).toBeInstanceOf(LosslessNumber)
    expect(value.b.lexeme).toBe('2.0')
    expect(toPythonJson(value)).toBe(
      '{"a":[1e-05,-0.5,12345678901234567890],"b":2.0,"c":{"d":"xé"}}',
    )
    expect(new LosslessNumber('12345678901234567890').toBigInt()).toBe(12345678901234567890n)
  })
  test('__proto__ stays data', () => {
    const value = parseLosslessJson('{"__proto__":{"x":1}}') as Record<string, unknown>
    expect(Object.keys(value)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
  })
  test.each(['{', '[1,]', '{"a" 1}', '"\u0001"', '01', 'nul', '{"a":1}x', '"abc'])(
    'rejects %j',
    (text) => {
      expect(() => parseLosslessJson(text)).toThrow(InvalidJsonTextError)
    },
  )
})

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    )
  return value
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  return value
}

const json = fc.jsonValue({ maxDepth: 4 })
const integerJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    // Integer-like keys are excluded: JS objects always enumerate them first, so the sorted
    // JSON.stringify reference could not express their place ("" < "0" as the oracle sorts).
    fc.dictionary(
      fc.string({ unit: 'binary-ascii' }).filter((k) => !/^(0|[1-9]\d*)$/.test(k)),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value

describe('properties', () => {
  fcTest.prop([json])('key order never matters', (value) => {
    expect(toCanonicalJson(reverseKeys(value))).toBe(toCanonicalJson(value))
    expect(toLegacyJson(reverseKeys(value))).toBe(toLegacyJson(value))
  })

  fcTest.prop([json])('parse(serialize(x)) deep-equals x', (value) => {
    const expected = JSON.parse(JSON.stringify(value))
    expect(JSON.parse(toCanonicalJson(value))).toEqual(expected)
    expect(JSON.parse(toLegacyJson(value))).toEqual(expected)
  })

  fcTest.prop([integerJson])(
    'without Python-specific floats it equals sorted JSON.stringify',
    (value) => {
      expect(toCanonicalJson(value)).toBe(JSON.stringify(sortKeys(value)))
      expect(toLegacyJson(value)).toBe(
        JSON.stringify(sortKeys(value), null, 1)
          .replace(/^( *"(?:[^"\\]|\\.)*"): /gm, '$1:')
          .replace(/^( *)(\[|\{)\n\1(\]|\})/gm, '$1$2$3'),
      )
    },
  )

  fcTest.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])(
    'numbers round-trip and use exponent form exactly where Python repr does',
    (value) => {
      const text = toCanonicalJson(value)
      expect(Number(text)).toBe(value === 0 ? 0 : value)
      const integral = Number.isInteger(value) && Math.abs(value) < 1e21
      const pythonExponent = !integral && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e16)
      expect(/e/.test(text)).toBe(pythonExponent)
      if (pythonExponent) expect(text).toMatch(/^-?\d(\.\d+)?e[+-]\d{2,3}$/)
    },
  )

  fcTest.prop([json])('lossless parse + Python dump reproduces the canonical text', (value) => {
    const canonical = toCanonicalJson(value)
    expect(toPythonJson(parseLosslessJson(canonical))).toBe(canonical)
    expect(toPythonJson(parseLosslessJson(JSON.stringify(value, null, 2)))).toBe(
      toPythonJson(parseLosslessJson(JSON.stringify(value))),
    )
  })
})
