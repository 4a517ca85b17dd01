import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateRemoveDelegateParameters = ManagerParameters &
  TransactionParameters & {
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    delegate: Address
  }
export type SimulateRemoveDelegateReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateRemoveDelegateErrorType = EscrowWriteErrorType

/**
 * Checks `removeDelegate` with `eth_call` from the sender (the CSP owner). Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateRemoveDelegate } from '@ratio1/sdk-escrow'
 * await simulateRemoveDelegate(ownerClient, { escrow, delegate })
 * ```
 */
export async function simulateRemoveDelegate(
  client: EscrowClient,
  parameters: SimulateRemoveDelegateParameters,
): Promise<SimulateRemoveDelegateReturnType> {
  const address = await resolveEscrow(client, parameters)
  return simulate<undefined>(
    client,
    { address, abi: escrowCallAbi, functionName: 'removeDelegate', args: [parameters.delegate] },
    transactionOptions(parameters),
    {
      account: resolveAccount(client, parameters.account),
      escrow: address,
      delegate: parameters.delegate,
    },
  )
}
