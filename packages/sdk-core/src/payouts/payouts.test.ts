import fc from 'fast-check'
import type { Address } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  allocateJobEpochs,
  BigIntExpectedError,
  getJobRunway,
  InvalidParameterError,
  projectNodeEarnings,
  simulateAllocation,
  splitNodeReward,
} from '../index.js'

const A: Address = '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'
const B: Address = '0xdc4fDFd5B86aeA7BaB17d4742B7c39A2728Ff59B'
const C: Address = '0x129a21A78EBBA79aE78B8f11d5B57102950c1Fc0'

describe('splitNodeReward', () => {
  test('vectors from the escrow', () => {
    expect(splitNodeReward(375_000n)).toEqual({ burn: 56_250n, node: 318_750n })
    expect(splitNodeReward(166_666n)).toEqual({ burn: 24_999n, node: 141_667n })
    expect(splitNodeReward(0n)).toEqual({ burn: 0n, node: 0n })
    expect(splitNodeReward(6n)).toEqual({ burn: 0n, node: 6n })
    expect(splitNodeReward(7n)).toEqual({ burn: 1n, node: 6n })
  })

  test('burn + node == the allocated debit, burn = floor(15 %), for any amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 200n }), (amount) => {
        const { burn, node } = splitNodeReward(amount)
        expect(burn + node).toBe(amount)
        expect(burn * 100n <= amount * 15n).toBe(true)
        expect((burn + 1n) * 100n > amount * 15n).toBe(true)
      }),
    )
  })

  test('amounts must be non-negative bigints', () => {
    expect(() => splitNodeReward(1.5 as never)).toThrow(BigIntExpectedError)
    expect(() => splitNodeReward(375000 as never)).toThrowErrorMatchingInlineSnapshot(`
      [BigIntExpectedError: \`amount\` must be a bigint in USDC base units; received 375000 (number).

      Amounts are exact integers in base units: use 1_500_000n, or parseUsdc("1.5") / parseR1("1.5").

      Docs: docs/guides/errors.md#bigintexpectederror
      Version: @ratio1/sdk-core@x.y.z]
    `)
    expect(() => splitNodeReward(-1n)).toThrow(InvalidParameterError)
  })
})

describe('allocateJobEpochs', () => {
  test('catching up k epochs floors once: LITE, 10 epochs burns 249_999 instead of 249_990', () => {
    const batch = allocateJobEpochs({ pricePerEpoch: 166_666n, activeNodes: [A], epochs: 10 })
    expect(batch).toEqual({
      epochs: 10n,
      nodeCount: 1n,
      rewardPerNode: 1_666_660n,
      burnPerNode: 249_999n,
      netPerNode: 1_416_661n,
      totalBurn: 249_999n,
      totalNode: 1_416_661n,
      debit: 1_666_660n,
    })
    expect(
      allocateJobEpochs({ pricePerEpoch: 166_666n, activeNodes: 1, epochs: 1 }).burnPerNode * 10n,
    ).toBe(249_990n)
  })

  test('duplicates in the node list are paid per occurrence', () => {
    expect(
      allocateJobEpochs({ pricePerEpoch: 375_000n, activeNodes: [A, A, B], epochs: 1 }).debit,
    ).toBe(1_125_000n)
  })

  test('debit == totalBurn + totalNode for any price, nodes and epochs', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 5000 }),
        (pricePerEpoch, nodes, epochs) => {
          const result = allocateJobEpochs({ pricePerEpoch, activeNodes: nodes, epochs })
          expect(result.totalBurn + result.totalNode).toBe(result.debit)
          expect(result.debit).toBe(pricePerEpoch * BigInt(nodes) * BigInt(epochs))
        },
      ),
    )
  })
})

describe('simulateAllocation', () => {
  const job = {
    id: 1n,
    pricePerEpoch: 375_000n,
    lastExecutionEpoch: 40n,
    lastAllocatedEpoch: 9n,
    balance: 22_500_000n,
    activeNodes: [A, B] as Address[],
  }

  test('pays the finished epochs with the current node set, up to the last paid epoch', () => {
    const result = simulateAllocation({ jobs: [job], currentEpoch: 12n })
    expect(result.jobs).toEqual([
      {
        jobId: 1n,
        epochs: 2n,
        netPerNode: 637_500n,
        burnPerNode: 112_500n,
        debit: 1_500_000n,
        balanceAfter: 21_000_000n,
        lastAllocatedEpoch: 11n,
        overdrawn: false,
        withheld: 0n,
      },
    ])
    expect(result.nodeCredits).toEqual(
      new Map([
        [A, 637_500n],
        [B, 637_500n],
      ]),
    )
    expect(result.totalBurn).toBe(225_000n)
    expect(result.totalGross).toBe(1_500_000n)
    expect(
      simulateAllocation({ jobs: [job], currentEpoch: 1000n }).jobs[0]!.lastAllocatedEpoch,
    ).toBe(39n)
  })

  test('skips pending, fully allocated and not yet finished jobs', () => {
    const result = simulateAllocation({
      currentEpoch: 10n,
      jobs: [
        { ...job, id: 2n, activeNodes: [] },
        { ...job, id: 3n },
        { ...job, id: 4n, lastAllocatedEpoch: 39n },
      ],
    })
    expect(result.jobs).toEqual([])
    expect(result.totalGross).toBe(0n)
  })

  test('flags over-assignment that would overdraw the job', () => {
    const result = simulateAllocation({
      currentEpoch: 40n,
      jobs: [{ ...job, balance: 375_000n * 30n, activeNodes: [A, B, C] }],
    })
    expect(result.jobs[0]!.overdrawn).toBe(true)
    expect(result.jobs[0]!.balanceAfter).toBe(375_000n * 30n - 375_000n * 30n * 3n)
  })

  test("with 'cap' (this SDK's escrow) over-assigned nodes share what the job funded", () => {
    const overAssigned = { ...job, numberOfNodesRequested: 2n, activeNodes: [A, B, C] }
    const [allocation] = simulateAllocation({
      jobs: [overAssigned],
      currentEpoch: 11n,
      overAssignment: 'cap',
    }).jobs
    // 375_000 × 1 epoch × 2 paid nodes = 750_000, shared by 3 nodes: 250_000 each.
    expect(allocation).toMatchObject({
      debit: 750_000n,
      netPerNode: 212_500n,
      burnPerNode: 37_500n,
      withheld: 375_000n,
      overdrawn: false,
    })

    const poor = { ...job, numberOfNodesRequested: 3n, activeNodes: [A, B, C], balance: 1_000_000n }
    const [capped] = simulateAllocation({
      jobs: [poor],
      currentEpoch: 12n,
      overAssignment: 'cap',
    }).jobs
    expect(capped).toMatchObject({
      debit: 999_999n,
      balanceAfter: 1n,
      withheld: 2_250_000n - 999_999n,
    })

    const fine = { ...job, numberOfNodesRequested: 2n }
    expect(simulateAllocation({ jobs: [fine], currentEpoch: 12n, overAssignment: 'cap' })).toEqual(
      simulateAllocation({ jobs: [fine], currentEpoch: 12n }),
    )
    expect(() =>
      simulateAllocation({ jobs: [job], currentEpoch: 12n, overAssignment: 'cap' }),
    ).toThrow(/numberOfNodesRequested/)
  })

  test("the burn is 15 % of the gross, rounded in the nodes' favour", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            price: fc.bigInt({ min: 1n, max: 50_000_000n }),
            nodes: fc.integer({ min: 0, max: 12 }),
            last: fc.integer({ min: 31, max: 200 }),
            allocated: fc.integer({ min: 0, max: 199 }),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 250 }),
        (specs, currentEpoch) => {
          const jobs = specs.map((spec, i) => ({
            id: BigInt(i + 1),
            pricePerEpoch: spec.price,
            lastExecutionEpoch: BigInt(spec.last),
            lastAllocatedEpoch: BigInt(spec.allocated),
            balance: 10n ** 18n,
            activeNodes: Array.from({ length: spec.nodes }, (_, n) => [A, B, C][n % 3]!),
          }))
          const result = simulateAllocation({ jobs, currentEpoch })
          const credited = [...result.nodeCredits.values()].reduce((a, b) => a + b, 0n)
          expect(credited + result.totalBurn).toBe(result.totalGross)
          expect(result.totalBurn * 100n <= result.totalGross * 15n).toBe(true)
          const slots = result.jobs.reduce(
            (sum, j) => sum + j.debit / (j.netPerNode + j.burnPerNode || 1n),
            0n,
          )
          expect(result.totalGross * 15n - result.totalBurn * 100n < (slots + 1n) * 100n).toBe(true)
        },
      ),
    )
  })
})

describe('getJobRunway', () => {
  test('whole epochs left at the current node count', () => {
    expect(getJobRunway({ balance: 10_000_000n, pricePerEpoch: 375_000n, nodes: 2 })).toEqual({
      costPerEpoch: 750_000n,
      epochs: 13n,
      remainder: 250_000n,
    })
    expect(
      getJobRunway({
        balance: 10_000_000n,
        pricePerEpoch: 375_000n,
        nodes: 2,
        lastAllocatedEpoch: 100n,
      }).fundedThroughEpoch,
    ).toBe(113n)
    expect(
      getJobRunway({ balance: 10_000_000n, pricePerEpoch: 375_000n, nodes: 0 }).epochs,
    ).toBeUndefined()
    expect(getJobRunway({ balance: -5n, pricePerEpoch: 375_000n, nodes: 1 }).epochs).toBe(0n)
    expect(() => getJobRunway({ balance: 10, pricePerEpoch: 375_000n, nodes: 1 } as never)).toThrow(
      BigIntExpectedError,
    )
  })
})

describe('projectNodeEarnings', () => {
  test('sums what the node will be credited across jobs, once per slot', () => {
    const jobs = [
      {
        id: 7n,
        pricePerEpoch: 375_000n,
        lastExecutionEpoch: 40n,
        lastAllocatedEpoch: 9n,
        activeNodes: [A],
      },
      {
        id: 8n,
        pricePerEpoch: 166_666n,
        lastExecutionEpoch: 20n,
        lastAllocatedEpoch: 9n,
        activeNodes: [A, A, B],
      },
      {
        id: 9n,
        pricePerEpoch: 375_000n,
        lastExecutionEpoch: 40n,
        lastAllocatedEpoch: 9n,
        activeNodes: [B],
      },
    ]
    const projection = projectNodeEarnings({ node: A.toLowerCase(), jobs })
    expect(projection.node).toBe(A)
    expect(projection.jobs).toEqual([
      { jobId: 7n, slots: 1n, epochs: 30n, net: 30n * 318_750n, burn: 30n * 56_250n },
      { jobId: 8n, slots: 2n, epochs: 10n, net: 20n * 141_667n, burn: 20n * 24_999n },
    ])
    expect(projection.net).toBe(30n * 318_750n + 20n * 141_667n)
    expect(projectNodeEarnings({ node: A, jobs, throughEpoch: 14n }).net).toBe(
      5n * 318_750n + 10n * 141_667n,
    )
    expect(
      projectNodeEarnings({ node: '0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if', jobs }).net,
    ).toBe(projection.net)
  })
})
