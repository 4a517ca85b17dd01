import type { Address } from 'viem'
import { toEvmAddress } from '../addresses/toEvmAddress.js'
import { type Count, toInteger } from '../internal/integers.js'
import type { JobDetails } from '../types/job.js'
import { splitNodeReward } from './splitNodeReward.js'

/** @see projectNodeEarnings */
export type ProjectNodeEarningsParameters = {
  /** The node: its EVM address or its Ratio1 address (`0xai_…`). */
  node: Address | string
  /** Jobs that may run on the node (only these fields are used). */
  jobs: readonly Pick<
    JobDetails,
    'id' | 'pricePerEpoch' | 'lastExecutionEpoch' | 'lastAllocatedEpoch' | 'activeNodes'
  >[]
  /** Project no further than this epoch (inclusive); by default each job to its last paid epoch. */
  throughEpoch?: Count | undefined
}

/** One job's share in a projection. */
export type NodeEarningsForJob = {
  jobId: bigint
  /** How often the node appears in the job's active set (each occurrence is paid). */
  slots: bigint
  /** Epochs still to be allocated to the node. */
  epochs: bigint
  /** USDC the node will be credited. */
  net: bigint
  /** USDC burned from the node's share. */
  burn: bigint
}

/** @see projectNodeEarnings */
export type ProjectNodeEarningsReturnType = {
  node: Address
  jobs: NodeEarningsForJob[]
  /** Sum of `net` over the jobs: future USDC credits, claimable as R1. */
  net: bigint
  /** Sum of `burn`. */
  burn: bigint
}

/**
 * Projects what a node will still earn from a set of jobs if their node sets stay as they are: every epoch
 * after `lastAllocatedEpoch` up to the job's last paid epoch (or `throughEpoch`) is allocated on its own,
 * as the oracles do once per epoch.
 *
 * @example
 * ```ts
 * import { projectNodeEarnings } from '@ratio1/sdk-core'
 * const node = '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'
 * const job = { id: 7n, pricePerEpoch: 375_000n, lastExecutionEpoch: 40n, lastAllocatedEpoch: 9n, activeNodes: [node] }
 * projectNodeEarnings({ node, jobs: [job] }).net // 30n × 318_750n = 9_562_500n
 * ```
 */
export function projectNodeEarnings(
  parameters: ProjectNodeEarningsParameters,
): ProjectNodeEarningsReturnType {
  const node = toEvmAddress('node', parameters.node)
  const key = node.toLowerCase()
  const through =
    parameters.throughEpoch === undefined
      ? undefined
      : toInteger('throughEpoch', parameters.throughEpoch)
  const jobs: NodeEarningsForJob[] = []
  let net = 0n
  let burn = 0n
  for (const job of parameters.jobs) {
    const slots = BigInt(job.activeNodes.filter((entry) => entry.toLowerCase() === key).length)
    if (slots === 0n) continue
    const lastPaid = job.lastExecutionEpoch - 1n
    const end = through !== undefined && through < lastPaid ? through : lastPaid
    const epochs = end > job.lastAllocatedEpoch ? end - job.lastAllocatedEpoch : 0n
    const split = splitNodeReward(job.pricePerEpoch)
    const entry = {
      jobId: job.id,
      slots,
      epochs,
      net: split.node * epochs * slots,
      burn: split.burn * epochs * slots,
    }
    jobs.push(entry)
    net += entry.net
    burn += entry.burn
  }
  return { node, jobs, net, burn }
}
