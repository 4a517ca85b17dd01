// Client

// Deeploy API actions
export {
  type CreatePipelineErrorType,
  type CreatePipelineParameters,
  type CreatePipelineReturnType,
  createPipeline,
} from './actions/createPipeline.js'
export {
  type DeletePipelineErrorType,
  type DeletePipelineParameters,
  type DeletePipelineReturnType,
  deletePipeline,
} from './actions/deletePipeline.js'
export {
  type GetAppsErrorType,
  type GetAppsParameters,
  type GetAppsReturnType,
  getApps,
} from './actions/getApps.js'
export {
  type GetNodeSpecsErrorType,
  type GetNodeSpecsParameters,
  type GetNodeSpecsReturnType,
  getNodeSpecs,
} from './actions/getNodeSpecs.js'
export {
  type GetOracleJobDetailsErrorType,
  type GetOracleJobDetailsParameters,
  type GetOracleJobDetailsReturnType,
  getOracleJobDetails,
} from './actions/getOracleJobDetails.js'
export {
  type GetPreferredNodesErrorType,
  type GetPreferredNodesParameters,
  type GetPreferredNodesReturnType,
  getPreferredNodes,
} from './actions/getPreferredNodes.js'
export {
  type GetR1fsJobPipelineErrorType,
  type GetR1fsJobPipelineParameters,
  type GetR1fsJobPipelineReturnType,
  getR1fsJobPipeline,
} from './actions/getR1fsJobPipeline.js'
// Oracle API actions
export {
  type GetActiveNodesCountryStatsErrorType,
  type GetActiveNodesCountryStatsParameters,
  type GetActiveNodesCountryStatsReturnType,
  getActiveNodesCountryStats,
} from './actions/oracle/getActiveNodesCountryStats.js'
export {
  type GetActiveNodesListErrorType,
  type GetActiveNodesListParameters,
  type GetActiveNodesListReturnType,
  getActiveNodesList,
} from './actions/oracle/getActiveNodesList.js'
export {
  type GetCurrentEpochErrorType,
  type GetCurrentEpochParameters,
  type GetCurrentEpochReturnType,
  getCurrentEpoch,
} from './actions/oracle/getCurrentEpoch.js'
export {
  type GetMultiNodeEpochsRangeErrorType,
  type GetMultiNodeEpochsRangeParameters,
  type GetMultiNodeEpochsRangeReturnType,
  getMultiNodeEpochsRange,
} from './actions/oracle/getMultiNodeEpochsRange.js'
export {
  type GetNodeEpochErrorType,
  type GetNodeEpochParameters,
  type GetNodeEpochReturnType,
  getNodeEpoch,
} from './actions/oracle/getNodeEpoch.js'
export {
  type GetNodeEpochsErrorType,
  type GetNodeEpochsParameters,
  type GetNodeEpochsReturnType,
  getNodeEpochs,
} from './actions/oracle/getNodeEpochs.js'
export {
  type GetNodeEpochsRangeErrorType,
  type GetNodeEpochsRangeParameters,
  type GetNodeEpochsRangeReturnType,
  getNodeEpochsRange,
} from './actions/oracle/getNodeEpochsRange.js'
export {
  type GetNodeLastEpochErrorType,
  type GetNodeLastEpochParameters,
  type GetNodeLastEpochReturnType,
  getNodeLastEpoch,
} from './actions/oracle/getNodeLastEpoch.js'
export {
  type GetNodesListErrorType,
  type GetNodesListParameters,
  type GetNodesListReturnType,
  getNodesList,
} from './actions/oracle/getNodesList.js'
export {
  type ReconcileCspEscrowJobsErrorType,
  type ReconcileCspEscrowJobsParameters,
  type ReconcileCspEscrowJobsReturnType,
  reconcileCspEscrowJobs,
} from './actions/reconcileCspEscrowJobs.js'
export {
  type SavePreferredNodesErrorType,
  type SavePreferredNodesParameters,
  type SavePreferredNodesReturnType,
  savePreferredNodes,
} from './actions/savePreferredNodes.js'
export {
  type ScaleUpJobWorkersErrorType,
  type ScaleUpJobWorkersParameters,
  type ScaleUpJobWorkersReturnType,
  scaleUpJobWorkers,
} from './actions/scaleUpJobWorkers.js'
export {
  type SendAppCommandErrorType,
  type SendAppCommandParameters,
  type SendAppCommandReturnType,
  sendAppCommand,
} from './actions/sendAppCommand.js'
export {
  type SendInstanceCommandErrorType,
  type SendInstanceCommandParameters,
  type SendInstanceCommandReturnType,
  sendInstanceCommand,
} from './actions/sendInstanceCommand.js'
export {
  type UpdatePipelineErrorType,
  type UpdatePipelineParameters,
  type UpdatePipelineReturnType,
  updatePipeline,
} from './actions/updatePipeline.js'
export {
  type CreateDeeployClientErrorType,
  type CreateDeeployClientParameters,
  type CreateDeeployClientReturnType,
  createDeeployClient,
  type DeeployActions,
  type DeeployClient,
} from './clients/createDeeployClient.js'
export type {
  DeeployBaseClient,
  DeeployCallOptions,
  DeeployLogEvent,
  DeeployRetryConfig,
  ResponseVerifier,
} from './clients/types.js'
// Deploying paid jobs
export {
  type DeployedJob,
  type DeployJobErrorType,
  type DeployJobParameters,
  type DeployJobReturnType,
  type DeployProgress,
  deployJob,
  type PaidJob,
} from './deploy/deployJob.js'
export { JobNotReadyError, type JobNotReadyErrorType } from './errors/deploy.js'
// Errors
export {
  InvalidJsonTextError,
  type InvalidJsonTextErrorType,
  InvalidJsonValueError,
  type InvalidJsonValueErrorType,
} from './errors/json.js'
export {
  DeeployApiError,
  type DeeployApiErrorType,
  type DeeployErrorCode,
  deeployErrorCodes,
  HttpRequestError,
  type HttpRequestErrorType,
  ResponseValidationError,
  type ResponseValidationErrorType,
  TimeoutError,
  type TimeoutErrorType,
} from './errors/request.js'
export {
  NonceError,
  type NonceErrorReason,
  type NonceErrorType,
  ResponseSignatureError,
  type ResponseSignatureErrorType,
  SignatureError,
  type SignatureErrorReason,
  type SignatureErrorType,
  SignerUnavailableError,
  type SignerUnavailableErrorType,
} from './errors/signature.js'
export { TemplateValidationError, type TemplateValidationErrorType } from './errors/template.js'
export { isSecretKey } from './internal/redact.js'
// JSON
export { LosslessNumber } from './json/losslessNumber.js'
export { type LosslessJson, parseLosslessJson } from './json/parseLosslessJson.js'
export { toCanonicalJson } from './json/toCanonicalJson.js'
export { toLegacyJson } from './json/toLegacyJson.js'
// Schemas and wire types
export type {
  ChainJob,
  DeeployApp,
  DeeployAuth,
  DeeployStatus,
  NodeSpec,
  OnlineApp,
  PreferredNode,
} from './schemas/deeploy.js'
export type { NodeEpochs } from './schemas/oracle.js'
// Signing
export {
  type BuildLegacyRequestMessageParameters,
  type BuildLegacyRequestMessageReturnType,
  buildLegacyRequestMessage,
} from './signing/buildLegacyRequestMessage.js'
export {
  type BuildRequestMessageParameters,
  type BuildRequestMessageReturnType,
  buildRequestMessage,
} from './signing/buildRequestMessage.js'
export {
  type CreateNonceParameters,
  type CreateNonceReturnType,
  createNonce,
} from './signing/createNonce.js'
export {
  type HashRequestPayloadErrorType,
  type HashRequestPayloadParameters,
  type HashRequestPayloadReturnType,
  hashRequestPayload,
} from './signing/hashRequestPayload.js'
export {
  type RecoverRequestSignerErrorType,
  type RecoverRequestSignerParameters,
  type RecoverRequestSignerReturnType,
  recoverRequestSigner,
} from './signing/recoverRequestSigner.js'
export {
  type DeeployRequestType,
  type DeeploySignedPath,
  deeployRequestTypes,
  excludedHashKeys,
  legacyMessagePrefix,
} from './signing/requestTypes.js'
export type { DeeploySigner } from './signing/signer.js'
export {
  type SignatureScheme,
  type SignedRequest,
  type SignRequestErrorType,
  type SignRequestParameters,
  type SignRequestReturnType,
  signRequest,
} from './signing/signRequest.js'
export {
  type VerifyRequestErrorType,
  type VerifyRequestParameters,
  type VerifyRequestReturnType,
  verifyRequest,
} from './signing/verifyRequest.js'
export {
  type VerifyResponseSignatureErrorType,
  type VerifyResponseSignatureParameters,
  type VerifyResponseSignatureReturnType,
  verifyResponseSignature,
} from './signing/verifyResponseSignature.js'
// Job templates
export {
  type BuildGenericAppErrorType,
  type BuildGenericAppParameters,
  type BuildGenericAppReturnType,
  buildGenericApp,
} from './templates/buildGenericApp.js'
export {
  type BuildNativeAppErrorType,
  type BuildNativeAppParameters,
  type BuildNativeAppReturnType,
  buildNativeApp,
} from './templates/buildNativeApp.js'
export {
  type BuildServiceAppErrorType,
  type BuildServiceAppParameters,
  type BuildServiceAppReturnType,
  buildServiceApp,
} from './templates/buildServiceApp.js'
export {
  type FormatMemoryErrorType,
  type FormatMemoryParameters,
  type FormatMemoryReturnType,
  formatMemory,
} from './templates/formatMemory.js'
export {
  type ParseMemoryErrorType,
  type ParseMemoryParameters,
  type ParseMemoryReturnType,
  parseMemory,
} from './templates/parseMemory.js'
export type { DynamicEnvPart } from './templates/schemas.js'
export { type ServiceInput, type ServiceTemplate, serviceTemplates } from './templates/services.js'
export type {
  CreatePipelineRequest,
  JobAppType,
  PluginInstanceConfig,
  UpdatePipelineRequest,
} from './types/pipeline.js'
export { version } from './version.js'
