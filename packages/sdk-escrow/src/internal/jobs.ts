import type { JobDetails } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { multicall } from 'viem/actions'
import { cspEscrowAbi } from '../abis.js'
import type { EscrowClient, JobWithEscrow } from './types.js'

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

const escrowLists = {
  active: { all: 'getActiveJobs', page: 'getActiveJobsPaginated' },
  closed: { all: 'getClosedJobs', page: 'getClosedJobsPaginated' },
} as const

/**
 * One escrow's active or closed jobs with its owner, in one multicall: the whole list, or one page
 * through the paginated views our contracts add.
 */
export async function readEscrowJobs(
  client: EscrowClient,
  escrow: Address,
  list: keyof typeof escrowLists,
  page: { offset: bigint; limit: bigint } | undefined,
): Promise<JobWithEscrow[]> {
  const names = escrowLists[list]
  const [owner, jobs] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { address: escrow, abi: cspEscrowAbi, functionName: 'cspOwner' },
      page
        ? {
            address: escrow,
            abi: cspEscrowAbi,
            functionName: names.page,
            args: [page.offset, page.limit],
          }
        : { address: escrow, abi: cspEscrowAbi, functionName: names.all },
    ],
  })
  return (jobs as readonly JobDetails[]).map((job) => toJob(job, escrow, owner as Address))
}
