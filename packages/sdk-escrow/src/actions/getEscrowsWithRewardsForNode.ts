import type { Address } from 'viem'
import { poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetEscrowsWithRewardsForNodeParameters = ManagerParameters & { node: Address }
export type GetEscrowsWithRewardsForNodeReturnType = Address[]
export type GetEscrowsWithRewardsForNodeErrorType = EscrowReadErrorType

/**
 * The escrows that owe a node rewards, i.e. the ones a claim will visit.
 *
 * @example
 * ```ts
 * import { getEscrowsWithRewardsForNode } from '@ratio1/sdk-escrow'
 * const escrows = await getEscrowsWithRewardsForNode(publicClient, { manager, node })
 * ```
 */
export async function getEscrowsWithRewardsForNode(
  client: EscrowClient,
  parameters: GetEscrowsWithRewardsForNodeParameters,
): Promise<GetEscrowsWithRewardsForNodeReturnType> {
  const escrows = await read<readonly Address[]>(client, {
    address: resolveManager(client, parameters),
    abi: poaiManagerAbi,
    functionName: 'getEscrowsWithRewardsForNode',
    args: [parameters.node],
  })
  return [...escrows]
}
