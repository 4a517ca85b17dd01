import type { Address } from 'viem'
import { managerCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { claimsOf, type NodeClaim } from '../internal/claims.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'

export type { NodeClaim }

export type ClaimRewardsForNodeParameters = ManagerParameters &
  TransactionParameters & {
    node: Address
    /**
     * Protect the swaps: the least R1 wei to accept per 1 USDC, and a deadline (Unix seconds). Either one
     * switches to `claimRewardsForNodeWithLimits`, which **only our contracts** have; Ratio1's deployed
     * manager swaps with no minimum.
     */
    limits?: { minR1PerUsdc?: bigint | undefined; deadline?: bigint | undefined } | undefined
  }
export type ClaimRewardsForNodeReturnType = TransactionResult & NodeClaim
export type ClaimRewardsForNodeErrorType = EscrowWriteErrorType

/**
 * Claims a node's rewards from every escrow that owes it: each escrow swaps the node's USDC to R1 and
 * pays the owner of the node's ND licence, who must be the sender.
 *
 * @example
 * ```ts
 * import { claimRewardsForNode } from '@ratio1/sdk-escrow'
 * const { usdc, r1 } = await claimRewardsForNode(ownerClient, { manager, node })
 * ```
 */
export async function claimRewardsForNode(
  client: EscrowClient,
  parameters: ClaimRewardsForNodeParameters,
): Promise<ClaimRewardsForNodeReturnType> {
  const manager = resolveManager(client, parameters)
  const { node, limits } = parameters
  const call = limits
    ? {
        address: manager,
        abi: managerCallAbi,
        functionName: 'claimRewardsForNodeWithLimits',
        args: [node, limits.minR1PerUsdc ?? 0n, limits.deadline ?? 2n ** 64n - 1n],
      }
    : { address: manager, abi: managerCallAbi, functionName: 'claimRewardsForNode', args: [node] }
  const result = await sendAndWait(client, call, transactionOptions(parameters), {
    account: resolveAccount(client, parameters.account),
    node,
  })
  const [claim] = claimsOf(result.receipt)
  return {
    ...result,
    ...(claim ?? {
      node,
      owner: resolveAccount(client, parameters.account) ?? node,
      usdc: 0n,
      r1: 0n,
      escrows: [],
    }),
  }
}
