import { managerCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateAllocateRewardsAcrossAllEscrowsParameters = ManagerParameters &
  TransactionParameters & {}
export type SimulateAllocateRewardsAcrossAllEscrowsReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateAllocateRewardsAcrossAllEscrowsErrorType = EscrowWriteErrorType

/**
 * Checks `allocateRewardsAcrossAllEscrows` with `eth_call`: whether the allocation of the last finished epoch would go through (for example, on Ratio1's escrow, that no job would be overdrawn). Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateAllocateRewardsAcrossAllEscrows } from '@ratio1/sdk-escrow'
 * await simulateAllocateRewardsAcrossAllEscrows(publicClient, { manager, account: anyAddress })
 * ```
 */
export async function simulateAllocateRewardsAcrossAllEscrows(
  client: EscrowClient,
  parameters: SimulateAllocateRewardsAcrossAllEscrowsParameters,
): Promise<SimulateAllocateRewardsAcrossAllEscrowsReturnType> {
  const address = resolveManager(client, parameters)
  return simulate<undefined>(
    client,
    { address, abi: managerCallAbi, functionName: 'allocateRewardsAcrossAllEscrows', args: [] },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account) },
  )
}
