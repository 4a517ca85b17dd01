import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'
import {
  type DelegatePermissions,
  encodeDelegatePermissions,
} from '../utils/delegatePermissions.js'

export type SimulateSetDelegatePermissionsParameters = ManagerParameters &
  TransactionParameters & {
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    delegate: Address
    permissions: Partial<DelegatePermissions>
  }
export type SimulateSetDelegatePermissionsReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateSetDelegatePermissionsErrorType = EscrowWriteErrorType

/**
 * Checks `setDelegatePermissions` with `eth_call` from the sender (the CSP owner). Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateSetDelegatePermissions } from '@ratio1/sdk-escrow'
 * await simulateSetDelegatePermissions(ownerClient, { escrow, delegate, permissions: { createJobs: true } })
 * ```
 */
export async function simulateSetDelegatePermissions(
  client: EscrowClient,
  parameters: SimulateSetDelegatePermissionsParameters,
): Promise<SimulateSetDelegatePermissionsReturnType> {
  const address = await resolveEscrow(client, parameters)
  return simulate<undefined>(
    client,
    {
      address,
      abi: escrowCallAbi,
      functionName: 'setDelegatePermissions',
      args: [parameters.delegate, encodeDelegatePermissions(parameters.permissions)],
    },
    transactionOptions(parameters),
    {
      account: resolveAccount(client, parameters.account),
      escrow: address,
      delegate: parameters.delegate,
    },
  )
}
