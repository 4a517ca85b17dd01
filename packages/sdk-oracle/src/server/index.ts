export {
  type CreatePaidJobsParameters,
  createPaidJobs,
  type DevnetAccount,
  hardhatMnemonic,
  type SetupDevnetParameters,
  type SetupDevnetReturnType,
  setupDevnet,
} from '../devnet/setupDevnet.js'
export {
  type StartDevnetErrorType,
  type StartDevnetParameters,
  type StartDevnetReturnType,
  startDevnet,
} from '../devnet/startDevnet.js'
export {
  type StartHardhatNodeErrorType,
  type StartHardhatNodeParameters,
  type StartHardhatNodeReturnType,
  startHardhatNode,
} from '../devnet/startHardhatNode.js'
export {
  DevnetStartError,
  type DevnetStartErrorType,
  LocalChainStartError,
  type LocalChainStartErrorType,
} from '../errors/oracle.js'
export {
  type CreateOracleServerParameters,
  createOracleServer,
  type OracleServer,
} from './createOracleServer.js'
export {
  type LoadOracleConfigErrorType,
  type LoadOracleConfigParameters,
  type LoadOracleConfigReturnType,
  loadOracleConfig,
  type OracleConfig,
} from './loadOracleConfig.js'
export { type RunOracleParameters, type RunOracleReturnType, runOracle } from './runOracle.js'
export { createResultSigner, type ResultSigner } from './signResult.js'
