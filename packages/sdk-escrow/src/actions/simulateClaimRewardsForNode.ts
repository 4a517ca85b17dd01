import type { Address } from 'viem'
import { managerCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateClaimRewardsForNodeParameters = ManagerParameters &
  TransactionParameters & {
    node: Address
  }
export type SimulateClaimRewardsForNodeReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateClaimRewardsForNodeErrorType = EscrowWriteErrorType

/**
 * Checks `claimRewardsForNode` with `eth_call` from the sender (the node's ND licence owner). Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateClaimRewardsForNode } from '@ratio1/sdk-escrow'
 * await simulateClaimRewardsForNode(ownerClient, { manager, node })
 * ```
 */
export async function simulateClaimRewardsForNode(
  client: EscrowClient,
  parameters: SimulateClaimRewardsForNodeParameters,
): Promise<SimulateClaimRewardsForNodeReturnType> {
  const address = resolveManager(client, parameters)
  return simulate<undefined>(
    client,
    { address, abi: managerCallAbi, functionName: 'claimRewardsForNode', args: [parameters.node] },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account), node: parameters.node },
  )
}
