import type { Address } from 'viem'
import { expectTypeOf, test } from 'vitest'
import {
  type ChainView,
  decideValidation,
  type Fleet,
  type OracleAction,
  type SubmitNodeUpdateAction,
} from './index.js'

test('decisions return typed actions', () => {
  expectTypeOf(decideValidation).returns.toEqualTypeOf<SubmitNodeUpdateAction[]>()
  expectTypeOf<SubmitNodeUpdateAction['nodes']>().toEqualTypeOf<Address[]>()
  expectTypeOf<
    Extract<OracleAction, { type: 'allocateRewards' }>['epoch']
  >().toEqualTypeOf<bigint>()
  expectTypeOf<ChainView['jobs'][number]['activeNodes']>().toEqualTypeOf<readonly Address[]>()
  expectTypeOf<Parameters<Fleet['stopWorkload']>[0]>().toEqualTypeOf<{
    node: `0xai_${string}`
    jobId: bigint
  }>()
})
