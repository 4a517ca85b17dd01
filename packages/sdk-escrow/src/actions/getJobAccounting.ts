import type { Account, Address } from 'viem'
import { cspEscrowAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetJobAccountingParameters = ManagerParameters & {
  jobId: bigint
  /** Default: the escrow the account owns or is a delegate of. */
  escrow?: Address | undefined
  account?: Account | Address | undefined
}
export type GetJobAccountingReturnType = {
  /** Whether consensus closed the job. */
  closed: boolean
  /** USDC the nodes were owed at list price beyond what the job funded (over-assignment). */
  withheld: bigint
  /** The first epoch not yet paid out. */
  nextEpochToPay: bigint
}
export type GetJobAccountingErrorType = EscrowReadErrorType

/**
 * Bookkeeping our escrow keeps per job beyond the deployed struct. **Our contracts only**
 * (`getJobAccounting`); Ratio1's deployed escrow has no such view.
 *
 * @example
 * ```ts
 * import { getJobAccounting } from '@ratio1/sdk-escrow'
 * const { closed, withheld } = await getJobAccounting(publicClient, { escrow, jobId: 1n })
 * ```
 */
export async function getJobAccounting(
  client: EscrowClient,
  parameters: GetJobAccountingParameters,
): Promise<GetJobAccountingReturnType> {
  const escrow = await resolveEscrow(client, parameters)
  const [closed, withheld, nextEpochToPay] = await read<readonly [boolean, bigint, bigint]>(
    client,
    {
      address: escrow,
      abi: cspEscrowAbi,
      functionName: 'getJobAccounting',
      args: [parameters.jobId],
    },
    { jobId: parameters.jobId },
  )
  return { closed, withheld, nextEpochToPay }
}
