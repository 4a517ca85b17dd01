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
  type StartHardhatNodeParameters,
  type StartHardhatNodeReturnType,
  startHardhatNode,
} from '../devnet/startHardhatNode.js'
export {
  type CreateOracleServerParameters,
  createOracleServer,
  type OracleServer,
} from './createOracleServer.js'
export {
  type LoadOracleConfigParameters,
  loadOracleConfig,
  type OracleConfig,
  oracleConfigSchema,
} from './loadOracleConfig.js'
export { createResultSigner, type ResultSigner } from './signResult.js'
