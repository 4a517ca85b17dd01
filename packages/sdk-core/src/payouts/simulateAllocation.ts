import type { Address } from 'viem'
import { type Count, toInteger } from '../internal/integers.js'
import type { JobDetails } from '../types/job.js'
import { allocateJobEpochs } from './allocateJobEpochs.js'

/** A job as allocation sees it. */
export type AllocatableJob = Pick<
  JobDetails,
  'id' | 'pricePerEpoch' | 'lastExecutionEpoch' | 'lastAllocatedEpoch' | 'balance' | 'activeNodes'
>

/** @see simulateAllocation */
export type SimulateAllocationParameters = {
  /** The escrow's active jobs, in its `activeJobs` order. */
  jobs: readonly AllocatableJob[]
  /** The current epoch; epochs up to `currentEpoch − 1` are allocated. */
  currentEpoch: Count
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
 * each node's reward 85/15 and debits the job. Use it to predict an allocation or to check one.
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
  const lastEpoch = currentEpoch - 1n
  const nodeCredits = new Map<Address, bigint>()
  const allocations: JobAllocation[] = []
  let totalBurn = 0n
  let totalGross = 0n

  for (const job of parameters.jobs) {
    if (job.activeNodes.length === 0) continue
    const lastPayable = job.lastExecutionEpoch - 1n
    const effective = lastEpoch < lastPayable ? lastEpoch : lastPayable
    if (job.lastAllocatedEpoch >= effective) continue
    const epochs = effective - job.lastAllocatedEpoch
    const split = allocateJobEpochs({
      pricePerEpoch: job.pricePerEpoch,
      activeNodes: job.activeNodes,
      epochs,
    })
    for (const node of job.activeNodes)
      nodeCredits.set(node, (nodeCredits.get(node) ?? 0n) + split.netPerNode)
    totalBurn += split.totalBurn
    totalGross += split.debit
    const balanceAfter = job.balance - split.debit
    allocations.push({
      jobId: job.id,
      epochs,
      netPerNode: split.netPerNode,
      burnPerNode: split.burnPerNode,
      debit: split.debit,
      balanceAfter,
      lastAllocatedEpoch: effective,
      overdrawn: balanceAfter < 0n,
    })
  }
  return { jobs: allocations, nodeCredits, totalBurn, totalGross }
}
