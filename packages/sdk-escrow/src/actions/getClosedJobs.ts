import type { JobDetails } from '@ratio1/sdk-core'
import type { Account, Address } from 'viem'
import { multicall } from 'viem/actions'
import { cspEscrowAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { toJob } from '../internal/jobs.js'
import { resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, JobWithEscrow, ManagerParameters } from '../internal/types.js'

export type GetClosedJobsParameters = ManagerParameters & {
  /** Default: the escrow the account owns or is a delegate of. */
  escrow?: Address | undefined
  account?: Account | Address | undefined
  /** One page of the history, through our contracts' `getClosedJobsPaginated` (not on Ratio1's). */
  page?: { offset: bigint; limit: bigint } | undefined
}
export type GetClosedJobsReturnType = JobWithEscrow[]
export type GetClosedJobsErrorType = EscrowReadErrorType

/**
 * The jobs an escrow's oracles closed, in closing order, with their final balances.
 *
 * @example
 * ```ts
 * import { getClosedJobs } from '@ratio1/sdk-escrow'
 * const closed = await getClosedJobs(publicClient, { escrow })
 * ```
 */
export async function getClosedJobs(
  client: EscrowClient,
  parameters: GetClosedJobsParameters = {},
): Promise<GetClosedJobsReturnType> {
  const escrow = await resolveEscrow(client, parameters)
  const { page } = parameters
  const [owner, jobs] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { address: escrow, abi: cspEscrowAbi, functionName: 'cspOwner' },
      page
        ? {
            address: escrow,
            abi: cspEscrowAbi,
            functionName: 'getClosedJobsPaginated',
            args: [page.offset, page.limit],
          }
        : { address: escrow, abi: cspEscrowAbi, functionName: 'getClosedJobs' },
    ],
  })
  return (jobs as readonly JobDetails[]).map((job) => toJob(job, escrow, owner as Address))
}
