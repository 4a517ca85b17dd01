export {
  type AdvanceEpochsErrorType,
  type AdvanceEpochsParameters,
  type AdvanceEpochsReturnType,
  advanceEpochs,
} from './deploy/advanceEpochs.js'
export {
  canonicalMulticall3Address,
  type DeployRatio1SystemErrorType,
  type DeployRatio1SystemParameters,
  type DeployRatio1SystemReturnType,
  defaultLiquidity,
  defaultR1Cap,
  deployRatio1System,
} from './deploy/deployRatio1System.js'
export {
  type FundR1ErrorType,
  type FundR1Parameters,
  type FundR1ReturnType,
  fundR1,
} from './deploy/fundR1.js'
export {
  type FundUsdcErrorType,
  type FundUsdcParameters,
  type FundUsdcReturnType,
  fundUsdc,
} from './deploy/fundUsdc.js'
export {
  type GetCspEscrowContractParameters,
  type GetCspEscrowContractReturnType,
  getCspEscrowContract,
} from './deploy/getCspEscrowContract.js'
export {
  type GetRatio1SystemContractsParameters,
  type GetRatio1SystemContractsReturnType,
  getRatio1SystemContracts,
} from './deploy/getRatio1SystemContracts.js'
export type { SigningClient, WriteAndWaitErrorType } from './deploy/internal.js'
export {
  type MintNodeLicensesErrorType,
  type MintNodeLicensesParameters,
  type MintNodeLicensesReturnType,
  mintNodeLicenses,
} from './deploy/mintNodeLicenses.js'
export {
  type RegisterOraclesErrorType,
  type RegisterOraclesParameters,
  type RegisterOraclesReturnType,
  registerOracles,
} from './deploy/registerOracles.js'
export {
  type SeedLiquidityErrorType,
  type SeedLiquidityParameters,
  type SeedLiquidityReturnType,
  seedLiquidity,
} from './deploy/seedLiquidity.js'
export type {
  CspEscrowContract,
  Ratio1Clients,
  Ratio1ContractHandle,
  Ratio1SystemAddresses,
  Ratio1SystemContracts,
} from './deploy/types.js'
export {
  ContractDeploymentError,
  type ContractDeploymentErrorType,
  EpochAlreadyReachedError,
  type EpochAlreadyReachedErrorType,
  MissingAccountError,
  type MissingAccountErrorType,
  TimeTravelUnsupportedError,
  type TimeTravelUnsupportedErrorType,
  TransactionRevertedError,
  type TransactionRevertedErrorType,
} from './errors/contracts.js'
