import { type Address, getContract, type PublicClient, type WalletClient } from 'viem'
import { cspEscrowAbi } from '../generated/abis.js'
import type { CspEscrowContract, Ratio1Clients } from './types.js'

export type GetCspEscrowContractParameters<
  publicClient extends PublicClient = PublicClient,
  walletClient extends WalletClient = WalletClient,
> = {
  /** The escrow proxy, e.g. from `poaiManager.read.ownerToEscrow([cspOwner])`. */
  address: Address
  publicClient: publicClient
  walletClient: walletClient
}
export type GetCspEscrowContractReturnType<
  publicClient extends PublicClient = PublicClient,
  walletClient extends WalletClient = WalletClient,
> = CspEscrowContract<Ratio1Clients<publicClient, walletClient>>

/**
 * A typed viem handle for one CSP's escrow (a BeaconProxy of CspEscrow).
 *
 * @example
 * ```ts
 * import { getCspEscrowContract } from '@ratio1/contracts/deploy'
 * const address = await system.contracts.poaiManager.read.ownerToEscrow([cspOwner])
 * const escrow = getCspEscrowContract({ address, publicClient, walletClient })
 * const jobs = await escrow.read.getActiveJobs()
 * ```
 */
export function getCspEscrowContract<
  publicClient extends PublicClient,
  walletClient extends WalletClient,
>(
  parameters: GetCspEscrowContractParameters<publicClient, walletClient>,
): GetCspEscrowContractReturnType<publicClient, walletClient> {
  const { address, publicClient, walletClient } = parameters
  return getContract({
    address,
    abi: cspEscrowAbi,
    client: { public: publicClient, wallet: walletClient },
  })
}
