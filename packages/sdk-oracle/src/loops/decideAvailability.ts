import { canonicalNodeSet, hashNodeSet } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { leastLoaded, runningNodes, sameSet } from './internal.js'
import type {
  ChainView,
  FleetView,
  NodeAddress,
  OracleAction,
  ScheduleView,
  SubmissionLedger,
} from './types.js'

export type DecideAvailabilityParameters = {
  chain: ChainView
  fleet: FleetView
  schedule: ScheduleView
  ledger: SubmissionLedger
  /** Jobs whose workload spec this oracle holds (it can only redeploy those). */
  deployable: ReadonlySet<bigint>
  /** Clock time, ms. */
  now: number
  /**
   * How long each oracle waits after the one before it in a job's rotation before it repairs the job
   * itself: the first oracle acts at once, the next only if the job is still broken `stepMs` later.
   * @default 30_000
   */
  stepMs?: number | undefined
  /** Seconds after a node-set change during which the manager rejects proposals. @default 300 */
  cooldownSeconds?: bigint | undefined
}
export type DecideAvailabilityReturnType = OracleAction[]

/**
 * The schedule key of a job's repair: one per job and paid roster, so a new roster starts a new repair.
 *
 * @example
 * ```ts
 * import { repairKey } from '@ratio1/sdk-oracle'
 * const key = repairKey(3n, job.activeNodes)
 * ```
 */
export const repairKey = (jobId: bigint, roster: readonly string[]) =>
  `repair:${jobId}:${roster.join(',')}`

/**
 * The availability loop as a pure decision. It compares the paid roster (the job's active nodes on
 * chain) with what runs:
 * - a workload of a job that is not paid (closed, redeemed, unknown) is stopped;
 * - a workload on a node outside a fully running roster is stopped (nobody pays for it);
 * - a paid job deployed in full whose first proposal never reached the chain is proposed;
 * - when a paid worker has disappeared while another replica still runs, a replica is started on the least-loaded healthy node and the
 *   new set is proposed, so the other oracles' validation votes record it. Oracles take turns per job
 *   (`stepMs` apart) so that only one of them redeploys.
 *
 * @example
 * ```ts
 * import { decideAvailability } from '@ratio1/sdk-oracle'
 * const actions = decideAvailability({ chain, fleet, schedule, ledger, deployable: new Set([3n]), now })
 * ```
 */
export function decideAvailability(
  parameters: DecideAvailabilityParameters,
): DecideAvailabilityReturnType {
  const { chain, fleet, schedule, ledger, deployable, now } = parameters
  const stepMs = parameters.stepMs ?? 30_000
  const cooldown = parameters.cooldownSeconds ?? 300n
  const actions: OracleAction[] = []
  const jobs = new Map(chain.jobs.map((job) => [job.id, job]))
  const openRound = new Set(chain.openRoundJobIds)
  const nodeByEth = new Map(fleet.nodes.map((n) => [n.ethAddress.toLowerCase(), n]))

  // Unpaid workloads: the job is gone from the active list.
  const stopped = new Set<string>()
  for (const workload of fleet.workloads) {
    if (jobs.has(workload.jobId)) continue
    const id = `${workload.node}:${workload.jobId}`
    if (stopped.has(id)) continue
    stopped.add(id)
    actions.push({
      type: 'stopWorkload',
      jobId: workload.jobId,
      node: workload.node,
      loop: 'availability',
    })
  }

  const me = chain.oracle.toLowerCase()
  const rank = (jobId: bigint) => {
    const n = chain.oracles.length
    const index = chain.oracles.findIndex((o) => o.toLowerCase() === me)
    if (n === 0 || index < 0) return 0
    return (index - Number(jobId % BigInt(n)) + n) % n
  }

  for (const job of chain.jobs) {
    // Ended jobs belong to the closure loop.
    if (job.lastExecutionEpoch <= chain.currentEpoch) continue
    if (job.startTimestamp === 0n) {
      // Deployed in full but never proposed (the deploying oracle's transaction failed, or it stopped
      // in between): propose what runs so that the round opens and the others can confirm it.
      if (openRound.has(job.id) || !deployable.has(job.id)) continue
      const running = runningNodes(fleet, job.id)
      if (running.length === 0 || running.length !== Number(job.numberOfNodesRequested)) continue
      const nodesHash = hashNodeSet(running)
      if (!ledger.hasSubmitted(job.id, chain.currentEpoch, nodesHash))
        actions.push({
          type: 'submitNodeUpdate',
          jobId: job.id,
          nodes: running,
          nodesHash,
          epoch: chain.currentEpoch,
          loop: 'availability',
        })
      continue
    }
    if (job.activeNodes.length === 0 || openRound.has(job.id)) continue
    const roster = canonicalNodeSet(job.activeNodes)
    const running = runningNodes(fleet, job.id)
    const runningSet = new Set(running.map((a) => a.toLowerCase()))
    const missing = roster.filter((a) => !runningSet.has(a.toLowerCase()))
    const requested = Number(job.numberOfNodesRequested)

    if (missing.length === 0) {
      // The paid roster runs in full: anything else running this job is surplus.
      const rosterSet = new Set(roster.map((a) => a.toLowerCase()))
      for (const address of running) {
        if (rosterSet.has(address.toLowerCase())) continue
        const node = nodeByEth.get(address.toLowerCase())
        if (node)
          actions.push({
            type: 'stopWorkload',
            jobId: job.id,
            node: node.address,
            loop: 'availability',
          })
      }
      continue
    }

    // With no replica left the job counts as deleted by its owner (`delete_pipeline` does not touch
    // the chain); only a partial loss is repaired.
    if (!deployable.has(job.id) || running.length === 0) continue
    const key = repairKey(job.id, roster)
    const entry = schedule.get(key)
    if (entry === undefined) {
      actions.push({ type: 'schedule', key, at: now + rank(job.id) * stepMs })
      continue
    }
    if (entry.done || now < entry.at) continue

    const next: Address[] = [...running]
    const candidates = leastLoaded(fleet, (n) => !runningSet.has(n.ethAddress.toLowerCase()))
    const starts: NodeAddress[] = []
    for (const candidate of candidates) {
      if (next.length >= requested) break
      next.push(candidate.ethAddress)
      starts.push(candidate.address)
    }
    for (const node of starts)
      actions.push({ type: 'startWorkload', jobId: job.id, node, loop: 'availability' })

    const nodes = canonicalNodeSet(next)
    if (nodes.length === 0 || sameSet(nodes, roster)) continue
    // The manager rejects proposals during the cooldown; the replica keeps running and the proposal
    // is made by a later tick.
    if (chain.blockTimestamp < job.lastNodesChangeTimestamp + cooldown) continue
    const nodesHash = hashNodeSet(nodes)
    if (!ledger.hasSubmitted(job.id, chain.currentEpoch, nodesHash))
      actions.push({
        type: 'submitNodeUpdate',
        jobId: job.id,
        nodes,
        nodesHash,
        epoch: chain.currentEpoch,
        loop: 'availability',
        scheduleKey: key,
      })
    actions.push({ type: 'complete', key })
  }
  return actions
}
