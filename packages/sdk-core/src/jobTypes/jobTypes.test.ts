import { describe, expect, test } from 'vitest'
import {
  DeprecatedJobTypeError,
  deprecatedJobTypes,
  findJobType,
  getJobType,
  gpuTiers,
  jobTypes,
  NoMatchingJobTypeError,
  quoteJob,
  splitNodeReward,
  UnknownJobTypeError,
} from '../index.js'

// [id, pricePerEpoch, burn per node-epoch, node reward per node-epoch] from the deployed contract's table.
const vectors: [number, bigint, bigint, bigint][] = [
  [53, 100_000n, 15_000n, 85_000n],
  [54, 166_666n, 24_999n, 141_667n],
  [1, 375_000n, 56_250n, 318_750n],
  [2, 750_000n, 112_500n, 637_500n],
  [3, 1_000_000n, 150_000n, 850_000n],
  [4, 1_916_666n, 287_499n, 1_629_167n],
  [5, 2_916_666n, 437_499n, 2_479_167n],
  [6, 3_750_000n, 562_500n, 3_187_500n],
  [7, 5_333_333n, 799_999n, 4_533_334n],
  [8, 8_333_333n, 1_249_999n, 7_083_334n],
  [9, 12_500_000n, 1_875_000n, 10_625_000n],
  [50, 450_000n, 67_500n, 382_500n],
  [51, 2_300_000n, 345_000n, 1_955_000n],
  [52, 4_500_000n, 675_000n, 3_825_000n],
  [16, 2_500_000n, 375_000n, 2_125_000n],
  [17, 3_750_000n, 562_500n, 3_187_500n],
  [18, 6_000_000n, 900_000n, 5_100_000n],
  [19, 9_000_000n, 1_350_000n, 7_650_000n],
  [20, 13_333_333n, 1_999_999n, 11_333_334n],
  [21, 3_116_666n, 467_499n, 2_649_167n],
  [22, 4_116_666n, 617_499n, 3_499_167n],
  [23, 3_700_000n, 555_000n, 3_145_000n],
  [24, 4_950_000n, 742_500n, 4_207_500n],
  [25, 5_316_666n, 797_499n, 4_519_167n],
  [26, 6_150_000n, 922_500n, 5_227_500n],
  [27, 7_733_333n, 1_159_999n, 6_573_334n],
  [28, 10_733_333n, 1_609_999n, 9_123_334n],
  [29, 6_150_000n, 922_500n, 5_227_500n],
  [30, 8_400_000n, 1_260_000n, 7_140_000n],
  [31, 11_400_000n, 1_710_000n, 9_690_000n],
  [32, 10_133_333n, 1_519_999n, 8_613_334n],
  [33, 13_133_333n, 1_969_999n, 11_163_334n],
  [34, 17_300_000n, 2_595_000n, 14_705_000n],
  [35, 10_800_000n, 1_620_000n, 9_180_000n],
  [36, 13_800_000n, 2_070_000n, 11_730_000n],
  [37, 18_133_333n, 2_719_999n, 15_413_334n],
  [38, 38_333_333n, 5_749_999n, 32_583_334n],
  [39, 42_500_000n, 6_375_000n, 36_125_000n],
  [40, 43_333_333n, 6_499_999n, 36_833_334n],
]

describe('catalogue vectors', () => {
  test('covers exactly the buyable ids', () => {
    expect(jobTypes.map((type) => type.id)).toEqual(vectors.map(([id]) => id).sort((a, b) => a - b))
  })

  test.each(vectors)(
    'job type %i: price, per-node split and 30-epoch cost',
    (id, price, burn, node) => {
      const type = getJobType(id)
      expect(type.pricePerEpoch).toBe(price)
      expect(splitNodeReward(type.pricePerEpoch)).toEqual({ burn, node })
      expect(quoteJob({ jobType: id, nodes: 1, epochs: 30 }).total).toBe(price * 30n)
      expect(getJobType(BigInt(id))).toBe(type)
    },
  )

  test('GPU types cost their CPU tier plus the GPU add-on and grant the CPU tier resources', () => {
    const combined = jobTypes.filter((type) => type.category === 'gpu')
    expect(combined.map((type) => type.id)).toEqual(Array.from({ length: 20 }, (_, i) => 21 + i))
    for (const type of combined) {
      const base = getJobType(type.baseJobType!)
      expect(type.pricePerEpoch).toBe(base.pricePerEpoch + type.resources.gpu!.pricePerEpoch)
      expect({ ...type.resources, gpu: undefined }).toEqual({ ...base.resources, gpu: undefined })
      expect(['generic', 'native']).toContain(base.category)
    }
  })

  test('resources follow the oracles table', () => {
    expect(getJobType(53).resources).toEqual({ cpu: 0.25, memoryMb: 512, storageMb: 2048 })
    expect(getJobType(9).resources).toEqual({ cpu: 22, memoryMb: 126_976, storageMb: 507_904 })
    expect(getJobType(19).resources).toEqual({ cpu: 16, memoryMb: 61_440 })
    expect(getJobType(50).resources).toEqual({ cpu: 1, memoryMb: 2048, storageMb: 8192 })
    expect(getJobType(26).resources.gpu).toEqual(gpuTiers[1])
    expect(getJobType(26).label).toBe('HIGH1 + G-MED')
    expect(getJobType(26).name).toBe('G_MED_HIGH1')
  })
})

describe('getJobType errors', () => {
  test.each(deprecatedJobTypes.map((type) => type.id))(
    'deprecated id %i names its replacement',
    (id) => {
      expect(() => getJobType(id)).toThrow(DeprecatedJobTypeError)
      expect(() => getJobType(id)).toThrow(/use job type 50 \(SERVICE_ENTRY\)/)
    },
  )

  test.each([0, 41, 49, 55, 1000, -1, 1.5, Number.NaN, 2n ** 256n])('unknown id %s', (id) => {
    expect(() => getJobType(id as number)).toThrow(UnknownJobTypeError)
  })

  test('message', () => {
    expect(() => getJobType(99)).toThrowErrorMatchingInlineSnapshot(`
      [UnknownJobTypeError: Unknown job type 99: valid ids are 1–9, 16–40 and 50–54 (the escrow reverts with "Invalid job type").

      List the catalogue with \`jobTypes\`, or pick one by resources with \`findJobType\`.

      Docs: docs/guides/errors.md#unknownjobtypeerror
      Version: @ratio1/sdk-core@x.y.z]
    `)
    expect(() => getJobType(12)).toThrowErrorMatchingInlineSnapshot(`
      [DeprecatedJobTypeError: Job type 12 (MYSQL_LOW) is deprecated and cannot be bought; use job type 50 (SERVICE_ENTRY) instead.

      Docs: docs/guides/errors.md#deprecatedjobtypeerror
      Version: @ratio1/sdk-core@x.y.z]
    `)
  })
})

describe('findJobType', () => {
  test('the cheapest container tier with enough cores and memory', () => {
    expect(findJobType({ cpu: 4, memoryMb: 8 * 1024 }).name).toBe('MED2')
    expect(findJobType({ cpu: 1, memoryMb: 2048 }).name).toBe('ENTRY')
    expect(findJobType({}).name).toBe('MICRO')
    expect(findJobType({ memoryMb: 100 * 1024 }).name).toBe('ULTRA2')
    expect(findJobType({ cpu: 2, storageMb: 20 * 1024 }).name).toBe('LOW2')
  })

  test('other categories', () => {
    expect(findJobType({ cpu: 10, category: 'native' }).name).toBe('N_MED2')
    expect(findJobType({ cpu: 1, category: 'service' }).name).toBe('SERVICE_ENTRY')
    expect(findJobType({ cpu: 4, category: 'service' }).name).toBe('SERVICE_HIGH1')
  })

  test('with a GPU it returns the combined type that must be paid on chain', () => {
    expect(findJobType({ cpu: 4, memoryMb: 8 * 1024, gpu: true }).id).toBe(22)
    expect(findJobType({ cpu: 1, gpu: true }).id).toBe(21)
    expect(findJobType({ cpu: 1, gpu: 'G_ULTRA' }).id).toBe(38)
    expect(findJobType({ cpu: 1, gpu: 'G_HIGH', category: 'native' }).id).toBe(35)
    expect(findJobType({ cpu: 20, gpu: 'G_MED' }).id).toBe(34)
  })

  test('rejects impossible or malformed requirements', () => {
    expect(() => findJobType({ cpu: 64 })).toThrow(NoMatchingJobTypeError)
    expect(() => findJobType({ cpu: 3, gpu: true, category: 'service' })).toThrow(
      NoMatchingJobTypeError,
    )
    expect(() => findJobType({ cpu: -1 })).toThrow(/Invalid `cpu`/)
    expect(() => findJobType({ gpu: 'G_MEGA' as 'G_MED' })).toThrow(/Invalid `gpu`/)
    expect(() => findJobType({ category: 'gpu' as 'native' })).toThrow(/Invalid `category`/)
  })
})
