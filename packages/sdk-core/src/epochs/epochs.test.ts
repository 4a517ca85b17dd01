import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  getEpoch,
  getEpochEnd,
  getEpochStart,
  getEpochsBetween,
  getNetwork,
  getTimeToNextEpoch,
  InvalidParameterError,
  NetworkValueMissingError,
  TimestampBeforeGenesisError,
} from '../index.js'

const mainnet = getNetwork('mainnet')
const devnet = getNetwork('devnet')

describe('epochs', () => {
  test('the contracts integer formula', () => {
    expect(getEpoch(1_748_016_000n, mainnet)).toBe(0n)
    expect(getEpoch(1_748_102_399, mainnet)).toBe(0n)
    expect(getEpoch(1_748_102_400, mainnet)).toBe(1n)
    expect(getEpoch(new Date('2026-11-22T12:00:00Z'), mainnet)).toBe(547n)
    expect(getEpoch(new Date('2026-05-01T20:00:00Z'), devnet)).toBe(1n)
    expect(getEpoch(1_700_000_000n, { genesis: 1_699_999_000n, length: 100n })).toBe(10n)
  })

  test('start, end, time to the next epoch and epochs between', () => {
    expect(getEpochStart(1n, mainnet)).toBe(1_748_102_400n)
    expect(getEpochEnd(0, mainnet)).toBe(1_748_102_400n)
    expect(getTimeToNextEpoch(1_748_016_000n + 3600n, mainnet)).toBe(82_800n)
    expect(getTimeToNextEpoch(1_748_016_000n, mainnet)).toBe(86_400n)
    expect(
      getEpochsBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T00:00:00Z'), mainnet),
    ).toBe(30n)
    expect(getEpochsBetween(1_748_102_400n, 1_748_016_000n, mainnet)).toBe(-1n)
  })

  test('every timestamp lies in [start, end) of its epoch', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        (genesis, length, offset) => {
          const config = { genesis, length }
          const timestamp = genesis + offset
          const epoch = getEpoch(timestamp, config)
          expect(getEpochStart(epoch, config) <= timestamp).toBe(true)
          expect(timestamp < getEpochEnd(epoch, config)).toBe(true)
          expect(getTimeToNextEpoch(timestamp, config)).toBe(getEpochEnd(epoch, config) - timestamp)
        },
      ),
    )
  })

  test('bad input', () => {
    expect(() => getEpoch(0n, mainnet)).toThrow(TimestampBeforeGenesisError)
    expect(() => getEpoch(1_700_000_000, mainnet)).toThrowErrorMatchingInlineSnapshot(`
      [TimestampBeforeGenesisError: Timestamp 1700000000 is before the network's genesis (1748016000, 2025-05-23T16:00:00.000Z); epochs start there. Timestamps are Unix seconds.

      Docs: docs/guides/errors.md#timestampbeforegenesiserror
      Version: @ratio1/sdk-core@x.y.z]
    `)
    expect(() => getEpoch(1n, getNetwork('localnet'))).toThrow(NetworkValueMissingError)
    expect(() => getEpoch('2026-01-01' as never, mainnet)).toThrow(InvalidParameterError)
    expect(() => getEpoch(new Date('nope'), mainnet)).toThrow(/a valid Date/)
    expect(() => getEpoch(1n, { genesis: 0n, length: 0n })).toThrow(/length: bigint > 0n/)
    expect(() => getEpochStart(-1n, mainnet)).toThrow(/`epoch`/)
  })
})
