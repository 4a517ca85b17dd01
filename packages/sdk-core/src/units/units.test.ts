import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  BigIntExpectedError,
  formatR1,
  formatUsdc,
  InvalidAmountError,
  parseR1,
  parseUsdc,
} from '../index.js'

describe('USDC and R1 units', () => {
  test('vectors', () => {
    expect(parseUsdc('58.125')).toBe(58_125_000n)
    expect(parseUsdc('0.000001')).toBe(1n)
    expect(parseUsdc('.5')).toBe(500_000n)
    expect(parseUsdc('7')).toBe(7_000_000n)
    expect(parseUsdc('-1.5')).toBe(-1_500_000n)
    expect(formatUsdc(58_125_000n)).toBe('58.125')
    expect(formatUsdc(1n)).toBe('0.000001')
    expect(formatUsdc(-1_500_000n)).toBe('-1.5')
    expect(formatUsdc(0n)).toBe('0')
    expect(formatUsdc(58_125_000n, { fractionDigits: 2 })).toBe('58.13')
    expect(formatUsdc(58_124_999n, { fractionDigits: 2 })).toBe('58.12')
    expect(formatUsdc(-58_125_000n, { fractionDigits: 2 })).toBe('-58.13')
    expect(formatUsdc(2_500_000n, { fractionDigits: 0 })).toBe('3')
    expect(parseR1('1.5')).toBe(1_500_000_000_000_000_000n)
    expect(formatR1(1_234_567_890_000_000_000n, { fractionDigits: 4 })).toBe('1.2346')
  })

  test('never rounds while parsing', () => {
    expect(() => parseUsdc('1.2345678')).toThrow(InvalidAmountError)
    expect(() => parseUsdc('1.2345678')).toThrowErrorMatchingInlineSnapshot(`
      [InvalidAmountError: Invalid USDC amount "1.2345678": expected a decimal string such as "12.5" with at most 6 fractional digits.

      Docs: docs/guides/errors.md#invalidamounterror
      Version: @ratio1/sdk-core@x.y.z]
    `)
    for (const bad of ['', '.', 'abc', '1e6', '1,5', '0x10', ' - 1'])
      expect(() => parseUsdc(bad)).toThrow(InvalidAmountError)
    expect(() => parseUsdc(5 as never)).toThrow(InvalidAmountError)
    expect(() => formatUsdc(5 as never)).toThrow(BigIntExpectedError)
  })

  test('parse(format(x)) == x', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (amount) => {
        expect(parseUsdc(formatUsdc(amount))).toBe(amount)
        expect(parseR1(formatR1(amount))).toBe(amount)
      }),
    )
  })
})
