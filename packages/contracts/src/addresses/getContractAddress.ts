import type { Address } from 'viem'
import {
  ContractAddressNotKnownError,
  type ContractAddressNotKnownErrorType,
} from '../errors/contracts.js'
import { ratio1Addresses } from './addresses.js'
import type { Ratio1ContractName, Ratio1NetworkName } from './types.js'

export type GetContractAddressParameters = {
  network: Ratio1NetworkName
  contract: Ratio1ContractName
}
export type GetContractAddressReturnType = Address
export type GetContractAddressErrorType = ContractAddressNotKnownErrorType

/**
 * The recorded address of a contract on a network; throws `ContractAddressNotKnownError` when none
 * is recorded (absent addresses are never guessed).
 *
 * @example
 * ```ts
 * import { getContractAddress } from '@ratio1/contracts/addresses'
 * const usdc = getContractAddress({ network: 'mainnet', contract: 'usdc' })
 * ```
 */
export function getContractAddress(
  parameters: GetContractAddressParameters,
): GetContractAddressReturnType {
  const { network, contract } = parameters
  const contracts: { readonly [name in Ratio1ContractName]?: Address } =
    ratio1Addresses[network].contracts
  const address = contracts[contract]
  if (!address) throw new ContractAddressNotKnownError({ network, contract })
  return address
}
