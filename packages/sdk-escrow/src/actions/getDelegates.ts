import type { Account, Address } from 'viem'
import { cspEscrowAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'
import {
  type DelegatePermissions,
  decodeDelegatePermissions,
} from '../utils/delegatePermissions.js'

export type GetDelegatesParameters = ManagerParameters & {
  /** Default: the escrow the account owns or is a delegate of. */
  escrow?: Address | undefined
  account?: Account | Address | undefined
}
export type GetDelegatesReturnType = {
  delegate: Address
  permissions: DelegatePermissions
  /** The raw bitmask as stored. */
  mask: bigint
}[]
export type GetDelegatesErrorType = EscrowReadErrorType

/**
 * An escrow's delegates and what each may do, as permission sets rather than raw bits.
 *
 * @example
 * ```ts
 * import { getDelegates } from '@ratio1/sdk-escrow'
 * for (const { delegate, permissions } of await getDelegates(publicClient, { escrow }))
 *   console.log(delegate, permissions.createJobs)
 * ```
 */
export async function getDelegates(
  client: EscrowClient,
  parameters: GetDelegatesParameters = {},
): Promise<GetDelegatesReturnType> {
  const escrow = await resolveEscrow(client, parameters)
  const [delegates, masks] = await read<readonly [readonly Address[], readonly bigint[]]>(client, {
    address: escrow,
    abi: cspEscrowAbi,
    functionName: 'getDelegatedAddresses',
  })
  return delegates.map((delegate, index) => {
    const mask = masks[index] ?? 0n
    return { delegate, permissions: decodeDelegatePermissions(mask), mask }
  })
}
