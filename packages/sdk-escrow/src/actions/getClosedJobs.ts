import type { Account, Address } from 'viem'
import type { EscrowReadErrorType } from '../errors/types.js'
import { readEscrowJobs } from '../internal/jobs.js'
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
  return readEscrowJobs(client, escrow, 'closed', parameters.page)
}
