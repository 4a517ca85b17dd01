import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'

export type RemoveDelegateParameters = ManagerParameters &
  TransactionParameters & {
    delegate: Address
    /** Default: the escrow the sender owns. */
    escrow?: Address | undefined
  }
export type RemoveDelegateReturnType = TransactionResult
export type RemoveDelegateErrorType = EscrowWriteErrorType

/**
 * Revokes every permission of a delegate (CSP owner only); the address is then free to act for another
 * escrow.
 *
 * @example
 * ```ts
 * import { removeDelegate } from '@ratio1/sdk-escrow'
 * await removeDelegate(ownerClient, { escrow, delegate: '0x…' })
 * ```
 */
export async function removeDelegate(
  client: EscrowClient,
  parameters: RemoveDelegateParameters,
): Promise<RemoveDelegateReturnType> {
  const escrow = await resolveEscrow(client, parameters)
  return sendAndWait(
    client,
    {
      address: escrow,
      abi: escrowCallAbi,
      functionName: 'removeDelegate',
      args: [parameters.delegate],
    },
    transactionOptions(parameters),
    {
      account: resolveAccount(client, parameters.account),
      escrow,
      delegate: parameters.delegate,
    },
  )
}
