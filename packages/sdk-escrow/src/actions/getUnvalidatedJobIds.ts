import type { Address } from 'viem'
import { poaiManagerAbi } from '../abis.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetUnvalidatedJobIdsParameters = ManagerParameters & {
  /** The oracle asking: jobs it already proposed for in this epoch are left out. */
  oracle: Address
}
export type GetUnvalidatedJobIdsReturnType = bigint[]
export type GetUnvalidatedJobIdsErrorType = Error

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
  const ids = await read<readonly bigint[]>(client, {
    address: resolveManager(client, parameters),
    abi: poaiManagerAbi,
    functionName: 'getUnvalidatedJobIds',
    args: [parameters.oracle],
  })
  return [...ids]
}
