import type { JobDetails } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { readEscrowJobs, toJob } from '../internal/jobs.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, JobWithEscrow, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetActiveJobsParameters = ManagerParameters & {
  /** One escrow's active jobs; default: every escrow's (`getAllActiveJobs`). */
  escrow?: Address | undefined
  /**
   * Read one page only: `offset` jobs skipped, at most `limit` returned. Uses the paginated views our
   * contracts add (`getActiveJobsPaginated`, `getAllActiveJobsPaginated`); Ratio1's deployed contracts
   * lack them, so leave this out there.
   */
  page?: { offset: bigint; limit: bigint } | undefined
}
export type GetActiveJobsReturnType = JobWithEscrow[]
export type GetActiveJobsErrorType = EscrowReadErrorType

/**
 * The active jobs (pending or running, not yet closed) of one escrow, or of all escrows in `allEscrows`
 * order, each with its escrow and owner.
 *
 * @example
 * ```ts
 * import { getActiveJobs } from '@ratio1/sdk-escrow'
 * const mine = await getActiveJobs(publicClient, { escrow })
 * const everyone = await getActiveJobs(publicClient, { manager })
 * ```
 */
export async function getActiveJobs(
  client: EscrowClient,
  parameters: GetActiveJobsParameters = {},
): Promise<GetActiveJobsReturnType> {
  const { escrow, page } = parameters
  if (escrow) return readEscrowJobs(client, escrow, 'active', page)
  const manager = resolveManager(client, parameters)
  const jobs = await read<
    readonly (JobDetails & { escrowAddress: Address; escrowOwner: Address })[]
  >(
    client,
    page
      ? {
          address: manager,
          abi: poaiManagerAbi,
          functionName: 'getAllActiveJobsPaginated',
          args: [page.offset, page.limit],
        }
      : { address: manager, abi: poaiManagerAbi, functionName: 'getAllActiveJobs' },
  )
  return jobs.map((job) => toJob(job, job.escrowAddress, job.escrowOwner))
}
