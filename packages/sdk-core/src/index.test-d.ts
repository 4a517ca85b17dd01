import type { Address, Hex } from 'viem'
import { describe, expectTypeOf, test } from 'vitest'
import {
  type EvaluateProposalsReturnType,
  evaluateProposals,
  getJobType,
  getNetwork,
  type JobQuote,
  type JobType,
  type Network,
  nodeAddressToEthAddress,
  publicKeyToNodeAddress,
  type QuoteJobErrorType,
  quoteJob,
  splitNodeReward,
  type UnknownJobTypeError,
} from './index.js'

describe('types', () => {
  test('quotes are bigints', () => {
    const quote = quoteJob({ jobType: 1, nodes: 5, epochs: 31 })
    expectTypeOf(quote).toEqualTypeOf<JobQuote>()
    expectTypeOf(quote.total).toEqualTypeOf<bigint>()
    expectTypeOf(quote.lastExecutionEpoch).toEqualTypeOf<bigint | undefined>()
    expectTypeOf(splitNodeReward(1n)).toEqualTypeOf<{ burn: bigint; node: bigint }>()
  })

  test('parameters accept numbers or bigints for counts but only bigints for amounts', () => {
    expectTypeOf(quoteJob).parameter(0).toHaveProperty('nodes').toEqualTypeOf<number | bigint>()
    // @ts-expect-error amounts must be bigints
    splitNodeReward(375_000)
  })

  test('error unions', () => {
    expectTypeOf<UnknownJobTypeError>().toMatchTypeOf<QuoteJobErrorType>()
    expectTypeOf<QuoteJobErrorType['name']>().toEqualTypeOf<
      | 'UnknownJobTypeError'
      | 'DeprecatedJobTypeError'
      | 'InvalidNodeCountError'
      | 'EpochsBelowMinimumError'
      | 'EpochNotInFutureError'
      | 'InvalidParameterError'
    >()
  })

  test('addresses and networks', () => {
    expectTypeOf(nodeAddressToEthAddress('0xai_x')).toEqualTypeOf<Address>()
    expectTypeOf(publicKeyToNodeAddress('0x02')).toEqualTypeOf<`0xai_${string}`>()
    expectTypeOf(getNetwork('mainnet')).toEqualTypeOf<Network>()
    // @ts-expect-error unknown network names do not type-check
    getNetwork('goerli')
    expectTypeOf(getJobType(1)).toEqualTypeOf<JobType>()
    expectTypeOf(evaluateProposals({ oracleCount: 1, submissions: [] }).consensus).toEqualTypeOf<
      EvaluateProposalsReturnType['consensus']
    >()
    expectTypeOf<
      NonNullable<EvaluateProposalsReturnType['consensus']>['hash']
    >().toEqualTypeOf<Hex>()
  })
})
