import { hashNodeSet } from '@ratio1/sdk-core'
import type { Rng } from '../utils/rng.js'
import { workloadNodes } from './internal.js'
import type { ChainView, FleetView, OracleAction, ScheduleView, SubmissionLedger } from './types.js'

export type DecideClosureParameters = {
  chain: ChainView
  fleet: FleetView
  schedule: ScheduleView
  ledger: SubmissionLedger
  /** Clock time, ms. */
  now: number
  rng: Rng
  /** Randomized backoff bounds in ms before tearing down. @default [1_000, 250_000] (the original's 1–250 s) */
  backoffMs?: readonly [number, number] | undefined
}
export type DecideClosureReturnType = OracleAction[]

/**
 * The schedule key of a job's closure.
 *
 * @example
 * ```ts
 * import { closureKey } from '@ratio1/sdk-oracle'
 * store.schedule.get(closureKey(7n)) // { at, done } once the closure backoff was drawn
 * ```
 */
export const closureKey = (jobId: bigint) => `closure:${jobId}`

/**
 * The closure loop (§5.2) as a pure decision: the first closable job gets a randomized backoff (so the
 * oracles do not all race); once it is due, its workloads are stopped on every node and the empty set
 * is proposed, after which the closure is complete and never retried.
 *
 * @example
 * ```ts
 * import { createSeededRng, decideClosure } from '@ratio1/sdk-oracle'
 * const actions = decideClosure({ chain, fleet, schedule, ledger, now: Date.now(), rng: createSeededRng(1) })
 * ```
 */
export function decideClosure(parameters: DecideClosureParameters): DecideClosureReturnType {
  const { chain, fleet, schedule, ledger, now, rng } = parameters
  const jobId = chain.firstClosableJobId
  if (jobId === 0n) return []
  const key = closureKey(jobId)
  const entry = schedule.get(key)
  if (entry === undefined) {
    const [min, max] = parameters.backoffMs ?? [1_000, 250_000]
    return [{ type: 'schedule', key, at: now + rng.int(min, max) }]
  }
  if (entry.done || now < entry.at) return []
  const actions: OracleAction[] = workloadNodes(fleet, jobId).map((node) => ({
    type: 'stopWorkload',
    jobId,
    node,
    loop: 'closure',
  }))
  const nodesHash = hashNodeSet([])
  if (!ledger.hasSubmitted(jobId, chain.currentEpoch, nodesHash))
    actions.push({
      type: 'submitNodeUpdate',
      jobId,
      nodes: [],
      nodesHash,
      epoch: chain.currentEpoch,
      loop: 'closure',
      scheduleKey: key,
    })
  actions.push({ type: 'complete', key })
  return actions
}
