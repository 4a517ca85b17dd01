import type { Address } from 'viem'
import { managerCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateClaimRewardsForNodesParameters = ManagerParameters &
  TransactionParameters & {
    nodes: readonly Address[]
  }
export type SimulateClaimRewardsForNodesReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateClaimRewardsForNodesErrorType = EscrowWriteErrorType

/**
 * Checks `claimRewardsForNodes` with `eth_call` from the sender. Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateClaimRewardsForNodes } from '@ratio1/sdk-escrow'
 * await simulateClaimRewardsForNodes(ownerClient, { manager, nodes: [nodeA, nodeB] })
 * ```
 */
export async function simulateClaimRewardsForNodes(
  client: EscrowClient,
  parameters: SimulateClaimRewardsForNodesParameters,
): Promise<SimulateClaimRewardsForNodesReturnType> {
  const address = resolveManager(client, parameters)
  return simulate<undefined>(
    client,
    {
      address,
      abi: managerCallAbi,
      functionName: 'claimRewardsForNodes',
      args: [parameters.nodes],
    },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account) },
  )
}
