import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import { InvalidDelegateError } from '../errors/escrow.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'
import {
  type DelegatePermissions,
  encodeDelegatePermissions,
} from '../utils/delegatePermissions.js'

export type SetDelegatePermissionsParameters = ManagerParameters &
  TransactionParameters & {
    delegate: Address
    /** What the delegate may do; replaces its previous permissions. At least one must be granted. */
    permissions: Partial<DelegatePermissions>
    /** Default: the escrow the sender owns. */
    escrow?: Address | undefined
  }
export type SetDelegatePermissionsReturnType = TransactionResult & { mask: bigint }
export type SetDelegatePermissionsErrorType = EscrowWriteErrorType

/**
 * Grants (or changes) a delegate's permissions in the owner's escrow. Only the CSP owner may; a delegate
 * can act for one escrow only. Permissions are a set of booleans, encoded to the contract's bits here.
 *
 * @example
 * ```ts
 * import { setDelegatePermissions } from '@ratio1/sdk-escrow'
 * await setDelegatePermissions(ownerClient, {
 *   escrow,
 *   delegate: '0x…',
 *   permissions: { createJobs: true, extendDuration: true },
 * })
 * ```
 */
export async function setDelegatePermissions(
  client: EscrowClient,
  parameters: SetDelegatePermissionsParameters,
): Promise<SetDelegatePermissionsReturnType> {
  const mask = encodeDelegatePermissions(parameters.permissions)
  if (mask === 0n) throw new InvalidDelegateError({ reason: 'no permission is granted' })
  const escrow = await resolveEscrow(client, parameters)
  const result = await sendAndWait(
    client,
    {
      address: escrow,
      abi: escrowCallAbi,
      functionName: 'setDelegatePermissions',
      args: [parameters.delegate, mask],
    },
    transactionOptions(parameters),
    {
      account: resolveAccount(client, parameters.account),
      escrow,
      delegate: parameters.delegate,
    },
  )
  return { ...result, mask }
}
