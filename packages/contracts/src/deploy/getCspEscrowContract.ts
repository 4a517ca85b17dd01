import { type Address, getContract, type PublicClient, type WalletClient } from 'viem'
import { cspEscrowAbi } from '../generated/abis.js'
import type { CspEscrowContract } from './types.js'

export type GetCspEscrowContractParameters = {
  /** The escrow proxy, e.g. from `poaiManager.read.ownerToEscrow([cspOwner])`. */
  address: Address
  publicClient: PublicClient
  walletClient: WalletClient
}
export type GetCspEscrowContractReturnType = CspEscrowContract

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
export function getCspEscrowContract(
  parameters: GetCspEscrowContractParameters,
): GetCspEscrowContractReturnType {
  const { address, publicClient, walletClient } = parameters
  return getContract({
    address,
    abi: cspEscrowAbi,
    client: { public: publicClient, wallet: walletClient },
  })
}
