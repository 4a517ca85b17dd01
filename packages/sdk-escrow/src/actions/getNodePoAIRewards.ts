import type { Address } from 'viem'
import { poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetNodePoAIRewardsParameters = ManagerParameters & { node: Address }
export type GetNodePoAIRewardsReturnType = {
  /** Unclaimed USDC across every escrow. */
  usdc: bigint
  /** What that USDC would swap to now, in R1 wei (0 when the router cannot quote). */
  r1: bigint
}
export type GetNodePoAIRewardsErrorType = EscrowReadErrorType

/**
 * A node's unclaimed rewards across all escrows (`getNodePoAIRewards`).
 *
 * @example
 * ```ts
 * import { getNodePoAIRewards } from '@ratio1/sdk-escrow'
 * const { usdc, r1 } = await getNodePoAIRewards(publicClient, { network: 'mainnet', node })
 * ```
 */
export async function getNodePoAIRewards(
  client: EscrowClient,
  parameters: GetNodePoAIRewardsParameters,
): Promise<GetNodePoAIRewardsReturnType> {
  const [usdc, r1] = await read<readonly [bigint, bigint]>(client, {
    address: resolveManager(client, parameters),
    abi: poaiManagerAbi,
    functionName: 'getNodePoAIRewards',
    args: [parameters.node],
  })
  return { usdc, r1 }
}
