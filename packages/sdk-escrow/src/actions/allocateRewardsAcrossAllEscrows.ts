import { managerCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { type AllocationSummary, allocationOf } from '../internal/allocations.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'

export type { AllocationSummary }

export type AllocateRewardsAcrossAllEscrowsParameters = ManagerParameters & TransactionParameters
export type AllocateRewardsAcrossAllEscrowsReturnType = TransactionResult & AllocationSummary
export type AllocateRewardsAcrossAllEscrowsErrorType = EscrowWriteErrorType

/**
 * Pays every running job for the epochs that finished since its last payout, in one transaction (anyone
 * may call it): 85 % is credited to the nodes, 15 % swapped to R1 and burned. Returns the credits and the
 * burn read from the receipt. Large networks use `allocateRewardsAcrossEscrowsPaginated`.
 *
 * @example
 * ```ts
 * import { allocateRewardsAcrossAllEscrows } from '@ratio1/sdk-escrow'
 * const { credited, burned } = await allocateRewardsAcrossAllEscrows(walletClient, { manager })
 * ```
 */
export async function allocateRewardsAcrossAllEscrows(
  client: EscrowClient,
  parameters: AllocateRewardsAcrossAllEscrowsParameters = {},
): Promise<AllocateRewardsAcrossAllEscrowsReturnType> {
  const result = await sendAndWait(
    client,
    {
      address: resolveManager(client, parameters),
      abi: managerCallAbi,
      functionName: 'allocateRewardsAcrossAllEscrows',
      args: [],
    },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account) },
  )
  return { ...result, ...allocationOf(result.receipt) }
}
