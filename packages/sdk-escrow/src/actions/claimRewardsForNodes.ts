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

export type ClaimRewardsForNodesParameters = ManagerParameters &
  TransactionParameters & { nodes: readonly Address[] }
export type ClaimRewardsForNodesReturnType = TransactionResult & {
  /** One entry per node, in order. */
  claims: NodeClaim[]
  usdc: bigint
  r1: bigint
}
export type ClaimRewardsForNodesErrorType = EscrowWriteErrorType

/**
 * Claims several nodes' rewards in one transaction; the sender must own every node's ND licence, and one
 * failure (e.g. a node with nothing to claim in an escrow) reverts them all.
 *
 * @example
 * ```ts
 * import { claimRewardsForNodes } from '@ratio1/sdk-escrow'
 * const { claims, r1 } = await claimRewardsForNodes(ownerClient, { manager, nodes: [nodeA, nodeB] })
 * ```
 */
export async function claimRewardsForNodes(
  client: EscrowClient,
  parameters: ClaimRewardsForNodesParameters,
): Promise<ClaimRewardsForNodesReturnType> {
  const manager = resolveManager(client, parameters)
  const result = await sendAndWait(
    client,
    {
      address: manager,
      abi: managerCallAbi,
      functionName: 'claimRewardsForNodes',
      args: [parameters.nodes],
    },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account) },
  )
  const claims = claimsOf(result.receipt)
  return {
    ...result,
    claims,
    usdc: claims.reduce((sum, claim) => sum + claim.usdc, 0n),
    r1: claims.reduce((sum, claim) => sum + claim.r1, 0n),
  }
}
