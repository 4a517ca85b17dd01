import type { Address } from 'viem'
import { poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetUnvalidatedJobIdsParameters = ManagerParameters & {
  /** The oracle asking: jobs it already proposed for in this epoch are left out. */
  oracle: Address
  /**
   * Scan one window of the unvalidated list, through our contracts' `getUnvalidatedJobIdsPaginated` (not
   * on Ratio1's deployed manager).
   */
  page?: { offset: bigint; limit: bigint } | undefined
}
export type GetUnvalidatedJobIdsReturnType = bigint[]
export type GetUnvalidatedJobIdsErrorType = EscrowReadErrorType

/**
 * The jobs with an open consensus round that this oracle has not voted on in the current epoch: an
 * oracle's work list.
 *
 * @example
 * ```ts
 * import { getUnvalidatedJobIds } from '@ratio1/sdk-escrow'
 * const todo = await getUnvalidatedJobIds(publicClient, { manager, oracle: account.address })
 * ```
 */
export async function getUnvalidatedJobIds(
  client: EscrowClient,
  parameters: GetUnvalidatedJobIdsParameters,
): Promise<GetUnvalidatedJobIdsReturnType> {
  const { oracle, page } = parameters
  const address = resolveManager(client, parameters)
  const ids = await read<readonly bigint[]>(
    client,
    page
      ? {
          address,
          abi: poaiManagerAbi,
          functionName: 'getUnvalidatedJobIdsPaginated',
          args: [oracle, page.offset, page.limit],
        }
      : { address, abi: poaiManagerAbi, functionName: 'getUnvalidatedJobIds', args: [oracle] },
  )
  return [...ids]
}
