import type { Address } from 'viem'
import { InvalidParameterError } from '../errors/parameters.js'
import { type Count, toInteger } from '../internal/integers.js'
import type { JobDetails } from '../types/job.js'
import { splitValidatedReward } from './splitNodeReward.js'

/** A job as allocation sees it (`numberOfNodesRequested` is needed with `overAssignment: 'cap'`). */
export type AllocatableJob = Pick<
  JobDetails,
  'id' | 'pricePerEpoch' | 'lastExecutionEpoch' | 'lastAllocatedEpoch' | 'balance' | 'activeNodes'
> &
  Partial<Pick<JobDetails, 'numberOfNodesRequested'>>

/** @see simulateAllocation */
export type SimulateAllocationParameters = {
  /** The escrow's active jobs, in its `activeJobs` order. */
  jobs: readonly AllocatableJob[]
  /** The current epoch; epochs up to `currentEpoch − 1` are allocated. */
  currentEpoch: Count
  /**
   * What happens when more nodes are active than the job paid for.
   * - `'overdraw'` (default, Ratio1's deployed escrow): every active node is paid in full, the balance can go
   *   negative and the escrow then reverts the whole allocation (`overdrawn` flags it).
   * - `'cap'` (the escrow of `@ratio1/contracts`): a job pays at most `pricePerEpoch × numberOfNodesRequested`
   *   per epoch and never more than its balance, shared equally (rounded down) by the active nodes; the
   *   shortfall against list price is `withheld`.
   */
  overAssignment?: 'overdraw' | 'cap' | undefined
}

/** What one job receives in the allocation. */
export type JobAllocation = {
  jobId: bigint
  /** Epochs caught up in this batch. */
  epochs: bigint
  netPerNode: bigint
  burnPerNode: bigint
  /** Gross debited from the job. */
  debit: bigint
  /** Balance after the debit; negative means the job was assigned more nodes than it paid for. */
  balanceAfter: bigint
  lastAllocatedEpoch: bigint
  /** True when the debit exceeds the balance (Ratio1's escrow reverts the whole allocation then). */
  overdrawn: boolean
  /** What the nodes were owed at list price beyond what was paid (`'cap'` only; otherwise 0). */
  withheld: bigint
}

/** @see simulateAllocation */
export type SimulateAllocationReturnType = {
  jobs: JobAllocation[]
  /** Net USDC credited to each node's virtual wallet (summed over jobs and duplicate entries). */
  nodeCredits: Map<Address, bigint>
  /** USDC swapped to R1 and burned. */
  totalBurn: bigint
  /** Gross USDC debited from all jobs: the volume reported to the AdoptionOracle. */
  totalGross: bigint
}

/**
 * Runs one escrow's `allocateRewardsToNodes` off chain: for every job with active nodes, catches up from
 * `lastAllocatedEpoch` to `min(currentEpoch − 1, lastExecutionEpoch − 1)` with the current node set, splits
 * each node's reward 85/15 (floor 15 % burned per node and batch) and debits the job. Use it to predict an
 * allocation or to check one.
 *
 * @example
 * ```ts
 * import { simulateAllocation } from '@ratio1/sdk-core'
 * const result = simulateAllocation({
 *   currentEpoch: 11n,
 *   jobs: [{ id: 1n, pricePerEpoch: 375_000n, lastExecutionEpoch: 40n, lastAllocatedEpoch: 9n, balance: 22_500_000n,
 *     activeNodes: ['0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'] }],
 * })
 * result.totalBurn // 56_250n
 * ```
 */
export function simulateAllocation(
  parameters: SimulateAllocationParameters,
): SimulateAllocationReturnType {
  const currentEpoch = toInteger('currentEpoch', parameters.currentEpoch, 1n)
  const capped = parameters.overAssignment === 'cap'
  const lastEpoch = currentEpoch - 1n
  const nodeCredits = new Map<Address, bigint>()
  const allocations: JobAllocation[] = []
  let totalBurn = 0n
  let totalGross = 0n

  for (const job of parameters.jobs) {
    const nodeCount = BigInt(job.activeNodes.length)
    if (nodeCount === 0n) continue
    const lastPayable = job.lastExecutionEpoch - 1n
    const effective = lastEpoch < lastPayable ? lastEpoch : lastPayable
    if (job.lastAllocatedEpoch >= effective) continue
    const epochs = effective - job.lastAllocatedEpoch
    const owedPerNode = job.pricePerEpoch * epochs

    let perNode = owedPerNode
    if (capped) {
      if (job.numberOfNodesRequested === undefined)
        throw new InvalidParameterError({
          field: `jobs[${job.id}].numberOfNodesRequested`,
          value: undefined,
          rule: "the job's requested node count when `overAssignment` is 'cap'",
        })
      const paidNodes =
        nodeCount < job.numberOfNodesRequested ? nodeCount : job.numberOfNodesRequested
      let due = owedPerNode * paidNodes
      if (due > job.balance) due = job.balance > 0n ? job.balance : 0n
      perNode = due / nodeCount
    }
    const { burn: burnPerNode, node: netPerNode } = splitValidatedReward(perNode)
    const debit = perNode * nodeCount
    for (const node of job.activeNodes)
      nodeCredits.set(node, (nodeCredits.get(node) ?? 0n) + netPerNode)
    totalBurn += burnPerNode * nodeCount
    totalGross += debit
    const balanceAfter = job.balance - debit
    allocations.push({
      jobId: job.id,
      epochs,
      netPerNode,
      burnPerNode,
      debit,
      balanceAfter,
      lastAllocatedEpoch: effective,
      overdrawn: balanceAfter < 0n,
      withheld: owedPerNode * nodeCount - debit,
    })
  }
  return { jobs: allocations, nodeCredits, totalBurn, totalGross }
}
