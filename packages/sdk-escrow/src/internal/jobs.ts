import type { JobDetails } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import type { JobWithEscrow } from './types.js'

type RawJob = Omit<JobDetails, 'activeNodes'> & { activeNodes: readonly Address[] }

/** Copies a decoded job tuple into the public shape (plain object, own arrays). */
export function toJob(raw: RawJob, escrowAddress: Address, escrowOwner: Address): JobWithEscrow {
  return {
    id: raw.id,
    projectHash: raw.projectHash,
    requestTimestamp: raw.requestTimestamp,
    startTimestamp: raw.startTimestamp,
    lastNodesChangeTimestamp: raw.lastNodesChangeTimestamp,
    jobType: raw.jobType,
    pricePerEpoch: raw.pricePerEpoch,
    lastExecutionEpoch: raw.lastExecutionEpoch,
    numberOfNodesRequested: raw.numberOfNodesRequested,
    balance: raw.balance,
    lastAllocatedEpoch: raw.lastAllocatedEpoch,
    activeNodes: [...raw.activeNodes],
    escrowAddress,
    escrowOwner,
  }
}
