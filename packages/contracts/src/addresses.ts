export { ratio1Addresses } from './addresses/addresses.js'
export {
  type GetContractAddressErrorType,
  type GetContractAddressParameters,
  type GetContractAddressReturnType,
  getContractAddress,
} from './addresses/getContractAddress.js'
export type {
  Ratio1ContractName,
  Ratio1NetworkAddresses,
  Ratio1NetworkName,
} from './addresses/types.js'
export {
  ContractAddressNotKnownError,
  type ContractAddressNotKnownErrorType,
} from './errors/contracts.js'
