import type { Rng } from '../utils/rng.js'
import type { ChainView, OracleAction, ScheduleView } from './types.js'

export type DecideRewardsParameters = {
  chain: ChainView
  schedule: ScheduleView
  /** Clock time, ms. */
  now: number
  rng: Rng
  /** Stagger bounds in ms after an epoch ends. @default [1_000, 100_000] (the original's 1–100 s) */
  staggerMs?: readonly [number, number] | undefined
  /** Above this many active jobs the allocation is paginated. @default 200 */
  paginateAbove?: number | undefined
  /** Jobs per paginated transaction. @default 100 */
  pageSize?: number | undefined
}
export type DecideRewardsReturnType = OracleAction[]

/**
 * The schedule key of an epoch's allocation.
 *
 * @example
 * ```ts
 * import { rewardsKey } from '@ratio1/sdk-oracle'
 * store.schedule.get(rewardsKey(41n))?.done // true once epoch 41 is allocated
 * ```
 */
export const rewardsKey = (epoch: bigint) => `rewards:${epoch}`

/**
 * The rewards loop (§5.4) as a pure decision: when an epoch ends, wait a staggered random delay, then
 * allocate it unless the chain already shows it allocated (another oracle won the race); large networks
 * allocate in pages, and a page left by an oracle that stopped is completed by the next one.
 *
 * @example
 * ```ts
 * import { createSeededRng, decideRewards } from '@ratio1/sdk-oracle'
 * const actions = decideRewards({ chain, schedule, now: Date.now(), rng: createSeededRng(7) })
 * ```
 */
export function decideRewards(parameters: DecideRewardsParameters): DecideRewardsReturnType {
  const { chain, schedule, now, rng } = parameters
  if (chain.currentEpoch === 0n) return []
  const epoch = chain.currentEpoch - 1n
  const key = rewardsKey(epoch)
  const entry = schedule.get(key)
  if (entry === undefined) {
    if (chain.lastEpochAllocated) return [{ type: 'complete', key }]
    const [min, max] = parameters.staggerMs ?? [1_000, 100_000]
    return [{ type: 'schedule', key, at: now + rng.int(min, max) }]
  }
  if (entry.done || now < entry.at) return []
  if (chain.lastEpochAllocated) return [{ type: 'complete', key }]
  const paginate = chain.jobs.length > (parameters.paginateAbove ?? 200)
  return [
    {
      type: 'allocateRewards',
      epoch,
      pageSize: paginate ? (parameters.pageSize ?? 100) : undefined,
      scheduleKey: key,
    },
    { type: 'complete', key },
  ]
}
