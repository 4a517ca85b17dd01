import { managerCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateAllocateRewardsAcrossEscrowsPaginatedParameters = ManagerParameters &
  TransactionParameters & {
    maxJobs: bigint
  }
export type SimulateAllocateRewardsAcrossEscrowsPaginatedReturnType = {
  /** What the function returns. */
  result: readonly [processed: bigint, completed: boolean]
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateAllocateRewardsAcrossEscrowsPaginatedErrorType = EscrowWriteErrorType

/**
 * Runs one page of `allocateRewardsAcrossEscrowsPaginated` with `eth_call` and returns `[processed, completed]`. **Our contracts only.** Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateAllocateRewardsAcrossEscrowsPaginated } from '@ratio1/sdk-escrow'
 * const { result: [processed, completed] } = await simulateAllocateRewardsAcrossEscrowsPaginated(walletClient, { manager, maxJobs: 50n })
 * ```
 */
export async function simulateAllocateRewardsAcrossEscrowsPaginated(
  client: EscrowClient,
  parameters: SimulateAllocateRewardsAcrossEscrowsPaginatedParameters,
): Promise<SimulateAllocateRewardsAcrossEscrowsPaginatedReturnType> {
  const address = resolveManager(client, parameters)
  return simulate<readonly [processed: bigint, completed: boolean]>(
    client,
    {
      address,
      abi: managerCallAbi,
      functionName: 'allocateRewardsAcrossEscrowsPaginated',
      args: [parameters.maxJobs],
    },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account) },
  )
}
