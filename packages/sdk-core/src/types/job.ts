import type { Address, Hex } from 'viem'

/**
 * A job as the escrow stores it (the `JobDetails` tuple of `getJobDetails`), with every integer as a
 * bigint exactly as viem decodes it.
 */
export type JobDetails = {
  id: bigint
  /** Groups jobs into a project; Deeploy's `project_id`. */
  projectHash: Hex
  /** When the job was paid for (Unix seconds). */
  requestTimestamp: bigint
  /** When the first node set reached consensus; 0 while the job is pending. */
  startTimestamp: bigint
  lastNodesChangeTimestamp: bigint
  jobType: bigint
  /** USDC base units per node per epoch, fixed at creation. */
  pricePerEpoch: bigint
  /** The first epoch that is no longer paid (exclusive end). */
  lastExecutionEpoch: bigint
  numberOfNodesRequested: bigint
  /** USDC base units still held for the job. */
  balance: bigint
  /** The last epoch already paid out to the nodes. */
  lastAllocatedEpoch: bigint
  /** The nodes the oracles agreed run the job (EVM addresses). */
  activeNodes: readonly Address[]
}
