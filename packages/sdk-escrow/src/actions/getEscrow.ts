import type { Account, Address } from 'viem'
import { zeroAddress } from 'viem'
import { multicall, readContract } from 'viem/actions'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'
import { ContractAddressRequiredError } from '../errors/escrow.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'

export type GetEscrowParameters = ManagerParameters & {
  /** The CSP owner or delegate to look up. Default: the client's account. */
  account?: Account | Address | undefined
}
export type GetEscrowReturnType = {
  escrow: Address
  /** The escrow's CSP owner. */
  owner: Address
  /** Whether the account owns the escrow or acts for it as a delegate. */
  role: 'owner' | 'delegate'
} | null
export type GetEscrowErrorType = EscrowReadErrorType

/**
 * Finds the escrow an account works with: the one it owns, else the one it is a delegate of
 * (`getAddressRegistration`, which reports the owned escrow first), or `null`.
 *
 * @example
 * ```ts
 * import { getEscrow } from '@ratio1/sdk-escrow'
 * const found = await getEscrow(publicClient, { manager, account: '0x…' })
 * if (found) console.log(found.escrow, found.role)
 * ```
 */
export async function getEscrow(
  client: EscrowClient,
  parameters: GetEscrowParameters = {},
): Promise<GetEscrowReturnType> {
  const account = resolveAccount(client, parameters.account)
  if (!account) throw new ContractAddressRequiredError({ contract: 'account' })
  const manager = resolveManager(client, parameters)
  const [[isActive, escrow], owned] = await multicall(client, {
    allowFailure: false,
    contracts: [
      {
        address: manager,
        abi: poaiManagerAbi,
        functionName: 'getAddressRegistration',
        args: [account],
      },
      { address: manager, abi: poaiManagerAbi, functionName: 'ownerToEscrow', args: [account] },
    ],
  })
  if (!isActive || escrow === zeroAddress) return null
  if (owned === escrow) return { escrow, owner: account, role: 'owner' }
  const owner = await readContract(client, {
    address: escrow,
    abi: cspEscrowAbi,
    functionName: 'cspOwner',
  })
  return { escrow, owner, role: 'delegate' }
}
