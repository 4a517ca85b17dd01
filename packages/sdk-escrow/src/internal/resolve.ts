import { networks } from '@ratio1/sdk-core'
import type { Account, Address } from 'viem'
import { parseAccount } from 'viem/accounts'
import { readContract } from 'viem/actions'
import { ContractAddressRequiredError, EscrowNotFoundError } from '../errors/escrow.js'
import { toEscrowError } from '../errors/toEscrowError.js'
import { managerFragments } from './fragments.js'
import type { EscrowClient, ManagerParameters } from './types.js'

/** The PoAIManager to use: explicit, from a named network, or from the client's chain if only one fits. */
export function resolveManager(client: EscrowClient, parameters: ManagerParameters): Address {
  if (parameters.manager) return parameters.manager
  if (parameters.network) {
    const address = networks[parameters.network]?.contracts.poaiManager
    if (address) return address
    throw new ContractAddressRequiredError({ contract: 'manager', chainId: client.chain?.id })
  }
  const chainId = client.chain?.id
  if (chainId === undefined) throw new ContractAddressRequiredError({ contract: 'manager' })
  const candidates = Object.values(networks).filter(
    (network) => network.chain.id === chainId && network.contracts.poaiManager,
  )
  if (candidates.length === 1) return candidates[0]!.contracts.poaiManager!
  throw new ContractAddressRequiredError({
    contract: 'manager',
    chainId,
    candidates: candidates.map((network) => network.name),
  })
}

/** The sender's address: the `account` parameter or the client's account. */
export function resolveAccount(
  client: EscrowClient,
  account: Account | Address | undefined,
): Address | undefined {
  const chosen = account ?? client.account
  return chosen ? parseAccount(chosen).address : undefined
}

/** The escrow to act on: explicit, or the one the account owns or is a delegate of. */
export async function resolveEscrow(
  client: EscrowClient,
  parameters: ManagerParameters & {
    escrow?: Address | undefined
    account?: Account | Address | undefined
  },
): Promise<Address> {
  if (parameters.escrow) return parameters.escrow
  const account = resolveAccount(client, parameters.account)
  if (!account)
    throw new ContractAddressRequiredError({ contract: 'escrow', chainId: client.chain?.id })
  const manager = resolveManager(client, parameters)
  let registration: readonly [boolean, Address]
  try {
    registration = await readContract(client, {
      address: manager,
      abi: managerFragments,
      functionName: 'getAddressRegistration',
      args: [account],
    })
  } catch (error) {
    throw toEscrowError(error, { functionName: 'getAddressRegistration', account })
  }
  if (!registration[0]) throw new EscrowNotFoundError({ account })
  return registration[1]
}
