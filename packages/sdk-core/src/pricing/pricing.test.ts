import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  allocateJobEpochs,
  BigIntExpectedError,
  EpochNotInFutureError,
  EpochsBelowMinimumError,
  getNetwork,
  InvalidNodeCountError,
  InvalidParameterError,
  JobEndedError,
  JobNotRedeemableError,
  jobTypes,
  NetworkValueMissingError,
  NodeCountNotIncreasedError,
  quoteExtendJobDuration,
  quoteExtendJobNodes,
  quoteJob,
  quoteJobForDuration,
  quoteJobs,
  quoteRedeemUnusedJob,
  simulateAllocation,
  UnknownJobTypeError,
} from '../index.js'

describe('quoteJob', () => {
  test('the worked example: ENTRY, 5 nodes, 31 epochs', () => {
    const quote = quoteJob({ jobType: 1, nodes: 5, epochs: 31 })
    expect(quote.total).toBe(58_125_000n)
    expect(quote).toMatchObject({
      nodes: 5n,
      epochs: 31n,
      pricePerEpoch: 375_000n,
      costPerEpoch: 1_875_000n,
      amountToApprove: 58_125_000n,
      perNodePerEpoch: { burn: 56_250n, node: 318_750n },
      payout: { burn: 56_250n * 5n * 31n, node: 318_750n * 5n * 31n },
    })
    expect(quote.lastExecutionEpoch).toBeUndefined()
  })

  test('with the current epoch it gives the on-chain end (exclusive) and the first and last paid epochs', () => {
    const quote = quoteJob({ jobType: 1, nodes: 5, epochs: 31, currentEpoch: 100 })
    expect([quote.firstEpoch, quote.lastPaidEpoch, quote.lastExecutionEpoch]).toEqual([
      100n,
      130n,
      131n,
    ])
    const byEnd = quoteJob({ jobType: 1, nodes: 5n, lastExecutionEpoch: 131n, currentEpoch: 100n })
    expect(byEnd).toEqual(quote)
  })

  test('exactly 30 epochs is accepted, 29 is not', () => {
    expect(quoteJob({ jobType: 53, nodes: 1, epochs: 30 }).total).toBe(3_000_000n)
    expect(() => quoteJob({ jobType: 53, nodes: 1, epochs: 29 })).toThrow(EpochsBelowMinimumError)
    expect(() =>
      quoteJob({ jobType: 53, nodes: 1, lastExecutionEpoch: 129, currentEpoch: 100 }),
    ).toThrow(EpochsBelowMinimumError)
  })

  test.each([
    [{ jobType: 1, nodes: 0, epochs: 30 }, InvalidNodeCountError, /`nodes`: received 0/],
    [{ jobType: 1, nodes: -2, epochs: 30 }, InvalidNodeCountError, /received -2/],
    [{ jobType: 1, nodes: 2.5, epochs: 30 }, InvalidNodeCountError, /received 2.5/],
    [{ jobType: 1, nodes: '2', epochs: 30 }, InvalidNodeCountError, /received "2"/],
    [
      { jobType: 1, nodes: 2, epochs: 12 },
      EpochsBelowMinimumError,
      /at least 30 epochs; `epochs` is 12/,
    ],
    [{ jobType: 1, nodes: 2, epochs: 30.5 }, InvalidParameterError, /`epochs`: received 30.5/],
    [{ jobType: 1, nodes: 2 }, InvalidParameterError, /`epochs`/],
    [{ jobType: 1, nodes: 2, lastExecutionEpoch: 50 }, InvalidParameterError, /`currentEpoch`/],
    [
      { jobType: 1, nodes: 2, lastExecutionEpoch: 50, currentEpoch: 50 },
      EpochNotInFutureError,
      /`lastExecutionEpoch` is epoch 50 but must be greater than the current epoch \(50\)/,
    ],
    [
      { jobType: 1, nodes: 2, epochs: 30, lastExecutionEpoch: 50, currentEpoch: 10 },
      InvalidParameterError,
      /either `epochs` or `lastExecutionEpoch`/,
    ],
    [{ jobType: 77, nodes: 2, epochs: 30 }, UnknownJobTypeError, /Unknown job type 77/],
  ])('rejects %o', (parameters, type, message) => {
    expect(() => quoteJob(parameters as never)).toThrow(type)
    expect(() => quoteJob(parameters as never)).toThrow(message)
  })

  test('error message names the field, the value and the rule', () => {
    expect(() =>
      quoteJob({ jobType: 1, nodes: 0, epochs: 30 }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidNodeCountError: Invalid \`nodes\`: received 0; a job needs a whole number of nodes, at least 1.

      Docs: docs/guides/errors.md#invalidnodecounterror
      Version: @ratio1/sdk-core@x.y.z]
    `)
  })

  test('total = sum of the per-epoch allocation debits with every requested node running', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...jobTypes.map((type) => type.id)),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 30, max: 5000 }),
        (jobType, nodes, epochs) => {
          const quote = quoteJob({ jobType, nodes, epochs })
          const perEpoch = allocateJobEpochs({
            pricePerEpoch: quote.pricePerEpoch,
            activeNodes: nodes,
            epochs: 1,
          })
          expect(perEpoch.debit * quote.epochs).toBe(quote.total)
          expect(quote.payout.node + quote.payout.burn).toBe(quote.total)
          expect(quote.total).toBe(quote.pricePerEpoch * BigInt(nodes) * BigInt(epochs))
        },
      ),
    )
  })

  test('allocating the whole job, in any batching, debits exactly the quote', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...jobTypes.map((type) => type.id)),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 30, max: 120 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 40 }),
        (jobType, nodes, epochs, createdAt, steps) => {
          const quote = quoteJob({ jobType, nodes, epochs, currentEpoch: createdAt })
          const activeNodes = Array.from(
            { length: nodes },
            (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}` as const,
          )
          let job = {
            id: 1n,
            pricePerEpoch: quote.pricePerEpoch,
            lastExecutionEpoch: quote.lastExecutionEpoch!,
            lastAllocatedEpoch: quote.firstEpoch! - 1n,
            balance: quote.total,
            activeNodes,
          }
          let current = quote.firstEpoch!
          let debited = 0n
          for (const step of [...steps, 10_000]) {
            current += BigInt(step)
            const result = simulateAllocation({ jobs: [job], currentEpoch: current })
            for (const allocation of result.jobs) {
              expect(allocation.overdrawn).toBe(false)
              debited += allocation.debit
              job = {
                ...job,
                balance: allocation.balanceAfter,
                lastAllocatedEpoch: allocation.lastAllocatedEpoch,
              }
            }
          }
          expect(debited).toBe(quote.total)
          expect(job.balance).toBe(0n)
          expect(job.lastAllocatedEpoch).toBe(quote.lastPaidEpoch)
        },
      ),
    )
  })
})

describe('quoteJobs', () => {
  test('sums a batch and names the failing request', () => {
    const batch = quoteJobs([
      { jobType: 1, nodes: 2, epochs: 30 },
      { jobType: 50, nodes: 1, epochs: 60 },
    ])
    expect(batch.total).toBe(22_500_000n + 27_000_000n)
    expect(batch.amountToApprove).toBe(batch.total)
    expect(batch.quotes).toHaveLength(2)
    expect(() =>
      quoteJobs([
        { jobType: 1, nodes: 2, epochs: 30 },
        { jobType: 1, nodes: 0, epochs: 30 },
      ]),
    ).toThrow(/`requests\[1\]\.nodes`: received 0/)
    expect(() => quoteJobs([])).toThrow(InvalidParameterError)
  })
})

describe('quoteJobForDuration', () => {
  const mainnet = getNetwork('mainnet')
  const devnet = getNetwork('devnet')
  const now = new Date('2026-11-22T12:00:00Z')

  test('a 30-day month is 30 mainnet epochs and 180 devnet epochs', () => {
    const quote = quoteJobForDuration({ jobType: 1, nodes: 5, months: 1, network: mainnet, now })
    expect(quote.epochs).toBe(30n)
    expect(quote.total).toBe(56_250_000n)
    expect(quote.firstEpoch).toBe(547n)
    expect(quote.lastExecutionEpoch).toBe(577n)
    expect(new Date(Number(quote.endsAt) * 1000).toISOString()).toBe('2026-12-21T16:00:00.000Z')
    expect(
      quoteJobForDuration({ jobType: 1, nodes: 1, months: 1, network: devnet, now }).epochs,
    ).toBe(180n)
  })

  test('days and until round up to whole epochs', () => {
    expect(
      quoteJobForDuration({ jobType: 1, nodes: 1, days: 45, network: mainnet, now }).epochs,
    ).toBe(45n)
    const until = new Date('2027-01-01T13:00:00Z')
    const quote = quoteJobForDuration({ jobType: 1, nodes: 1, until, network: mainnet, now })
    expect(quote.epochs).toBe(41n) // 40 days and 1 hour
  })

  test('rejects short, ambiguous or unscheduled durations', () => {
    expect(() =>
      quoteJobForDuration({ jobType: 1, nodes: 1, days: 7, network: mainnet, now }),
    ).toThrow(EpochsBelowMinimumError)
    expect(() =>
      quoteJobForDuration({ jobType: 1, nodes: 1, days: 30, months: 1, network: mainnet, now }),
    ).toThrow(/exactly one of `days`, `months` or `until`/)
    expect(() => quoteJobForDuration({ jobType: 1, nodes: 1, network: mainnet, now })).toThrow(
      InvalidParameterError,
    )
    expect(() =>
      quoteJobForDuration({
        jobType: 1,
        nodes: 1,
        until: new Date('2020-01-01'),
        network: mainnet,
        now,
      }),
    ).toThrow(/an instant after `now`/)
    expect(() =>
      quoteJobForDuration({
        jobType: 1,
        nodes: 1,
        months: 1,
        network: getNetwork('localnet'),
        now,
      }),
    ).toThrow(NetworkValueMissingError)
  })
})

describe('extensions and refunds', () => {
  const job = { pricePerEpoch: 375_000n, numberOfNodesRequested: 2n, lastExecutionEpoch: 131n }

  test('extendJobDuration charges the added epochs for every requested node', () => {
    expect(quoteExtendJobDuration({ job, currentEpoch: 120n, epochs: 30 })).toEqual({
      amount: 22_500_000n,
      additionalEpochs: 30n,
      newLastExecutionEpoch: 161n,
    })
    expect(
      quoteExtendJobDuration({ job, currentEpoch: 120n, newLastExecutionEpoch: 140n }).amount,
    ).toBe(6_750_000n)
    expect(() => quoteExtendJobDuration({ job, currentEpoch: 131n, epochs: 30 })).toThrow(
      JobEndedError,
    )
    expect(() =>
      quoteExtendJobDuration({ job, currentEpoch: 120n, newLastExecutionEpoch: 131n }),
    ).toThrow(EpochNotInFutureError)
    expect(() =>
      quoteExtendJobDuration({ job, currentEpoch: 120n, epochs: 1, newLastExecutionEpoch: 140n }),
    ).toThrow(/exactly one of/)
    expect(() =>
      quoteExtendJobDuration({
        job: { ...job, pricePerEpoch: 375_000 as never },
        currentEpoch: 1n,
        epochs: 1,
      }),
    ).toThrow(BigIntExpectedError)
  })

  test('extendJobNodes charges the added nodes from the current epoch to the end', () => {
    expect(quoteExtendJobNodes({ job, currentEpoch: 121n, newNumberOfNodes: 3 })).toEqual({
      amount: 3_750_000n,
      additionalNodes: 1n,
      remainingEpochs: 10n,
    })
    // A pending job paid in epoch 101 on this SDK's escrow: the added node runs 30 epochs once started.
    expect(
      quoteExtendJobNodes({
        job,
        currentEpoch: 121n,
        newNumberOfNodes: 3,
        pendingRequestEpoch: 101n,
      }),
    ).toEqual({ amount: 11_250_000n, additionalNodes: 1n, remainingEpochs: 30n })
    expect(() => quoteExtendJobNodes({ job, currentEpoch: 121n, newNumberOfNodes: 2 })).toThrow(
      NodeCountNotIncreasedError,
    )
    expect(() => quoteExtendJobNodes({ job, currentEpoch: 131n, newNumberOfNodes: 3 })).toThrow(
      JobEndedError,
    )
    expect(() => quoteExtendJobNodes({ job, currentEpoch: 121n, newNumberOfNodes: 0 })).toThrow(
      InvalidNodeCountError,
    )
  })

  test('redeemUnusedJob refunds the whole balance of a job that never started, after one hour', () => {
    const pending = {
      startTimestamp: 0n,
      requestTimestamp: 1_760_000_000n,
      balance: 22_500_000n,
      activeNodes: [],
    }
    expect(quoteRedeemUnusedJob({ job: pending, now: 1_760_003_599n })).toEqual({
      refund: 22_500_000n,
      redeemableAt: 1_760_003_600n,
      redeemableNow: false,
    })
    expect(quoteRedeemUnusedJob({ job: pending, now: 1_760_003_600n }).redeemableNow).toBe(true)
    expect(() => quoteRedeemUnusedJob({ job: { ...pending, startTimestamp: 5n } })).toThrow(
      /already started/,
    )
    expect(() =>
      quoteRedeemUnusedJob({
        job: { ...pending, activeNodes: ['0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'] },
      }),
    ).toThrow(JobNotRedeemableError)
    expect(() => quoteRedeemUnusedJob({ job: { ...pending, balance: 0n } })).toThrow(
      /holds no balance/,
    )
  })
})
