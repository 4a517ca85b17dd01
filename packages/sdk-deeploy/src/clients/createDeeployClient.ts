import {
  getNetwork,
  InvalidParameterError,
  type InvalidParameterErrorType,
  type NetworkName,
  type UnknownNetworkErrorType,
} from '@ratio1/sdk-core'
import type { Account, Chain, Client, Transport } from 'viem'
import { type CreatePipelineParameters, createPipeline } from '../actions/createPipeline.js'
import { type DeletePipelineParameters, deletePipeline } from '../actions/deletePipeline.js'
import { type GetAppsParameters, getApps } from '../actions/getApps.js'
import { type GetNodeSpecsParameters, getNodeSpecs } from '../actions/getNodeSpecs.js'
import {
  type GetOracleJobDetailsParameters,
  getOracleJobDetails,
} from '../actions/getOracleJobDetails.js'
import {
  type GetPreferredNodesParameters,
  getPreferredNodes,
} from '../actions/getPreferredNodes.js'
import {
  type GetR1fsJobPipelineParameters,
  getR1fsJobPipeline,
} from '../actions/getR1fsJobPipeline.js'
import {
  type GetActiveNodesCountryStatsParameters,
  getActiveNodesCountryStats,
} from '../actions/oracle/getActiveNodesCountryStats.js'
import {
  type GetActiveNodesListParameters,
  getActiveNodesList,
} from '../actions/oracle/getActiveNodesList.js'
import {
  type GetCurrentEpochParameters,
  getCurrentEpoch,
} from '../actions/oracle/getCurrentEpoch.js'
import {
  type GetMultiNodeEpochsRangeParameters,
  getMultiNodeEpochsRange,
} from '../actions/oracle/getMultiNodeEpochsRange.js'
import { type GetNodeEpochParameters, getNodeEpoch } from '../actions/oracle/getNodeEpoch.js'
import { type GetNodeEpochsParameters, getNodeEpochs } from '../actions/oracle/getNodeEpochs.js'
import {
  type GetNodeEpochsRangeParameters,
  getNodeEpochsRange,
} from '../actions/oracle/getNodeEpochsRange.js'
import {
  type GetNodeLastEpochParameters,
  getNodeLastEpoch,
} from '../actions/oracle/getNodeLastEpoch.js'
import { type GetNodesListParameters, getNodesList } from '../actions/oracle/getNodesList.js'
import {
  type ReconcileCspEscrowJobsParameters,
  reconcileCspEscrowJobs,
} from '../actions/reconcileCspEscrowJobs.js'
import {
  type SavePreferredNodesParameters,
  savePreferredNodes,
} from '../actions/savePreferredNodes.js'
import {
  type ScaleUpJobWorkersParameters,
  scaleUpJobWorkers,
} from '../actions/scaleUpJobWorkers.js'
import { type SendAppCommandParameters, sendAppCommand } from '../actions/sendAppCommand.js'
import {
  type SendInstanceCommandParameters,
  sendInstanceCommand,
} from '../actions/sendInstanceCommand.js'
import { type UpdatePipelineParameters, updatePipeline } from '../actions/updatePipeline.js'
import type { DeeploySigner } from '../signing/signer.js'
import type { SignatureScheme } from '../signing/signRequest.js'
import type {
  DeeployBaseClient,
  DeeployLogEvent,
  DeeployRetryConfig,
  ResponseVerifier,
} from './types.js'

export type CreateDeeployClientParameters = {
  /** A built-in network whose Deeploy and oracle API URLs are used. */
  network?: NetworkName | undefined
  /** Deeploy API base URL; overrides the network's. */
  baseUrl?: string | undefined
  /** Oracle API base URL; overrides the network's. */
  oracleApiUrl?: string | undefined
  /** Signs authenticated requests: a viem account (local or smart). */
  account?: Account | undefined
  /** A wallet client with an account; used when `account` is not given. */
  walletClient?: Client<Transport, Chain | undefined, Account | undefined> | undefined
  /** @default 'v3' */
  signatureScheme?: SignatureScheme | undefined
  /** Custom fetch; when omitted `globalThis.fetch` is read at request time. */
  fetch?: typeof globalThis.fetch | undefined
  /** Timeout of ordinary calls, in ms. @default 60_000 */
  timeout?: number | undefined
  /** Timeout of create, update and scale-up, which the oracle holds up to 600 s. @default 620_000 */
  longPollTimeout?: number | undefined
  /** Retry policy for reads (writes are never retried). @default 2 retries with exponential backoff */
  retry?: DeeployRetryConfig | undefined
  /** Aborts every request made by this client. */
  signal?: AbortSignal | undefined
  /**
   * Verify the oracle's node signature on every response, e.g. with `verifyResponseSignature`
   * (imported separately so apps that skip it do not bundle it).
   */
  verifyResponse?: ResponseVerifier | undefined
  /** Receives request/response events with secrets redacted. */
  logger?: ((event: DeeployLogEvent) => void) | undefined
  /** Back-dating of generated nonces for clock skew, in ms. @default 10_000 */
  nonceSkewMarginMs?: number | undefined
}

/** Every Deeploy and oracle API action, bound to one client. */
export type DeeployActions = {
  getApps: (parameters?: GetAppsParameters) => ReturnType<typeof getApps>
  createPipeline: (parameters: CreatePipelineParameters) => ReturnType<typeof createPipeline>
  updatePipeline: (parameters: UpdatePipelineParameters) => ReturnType<typeof updatePipeline>
  scaleUpJobWorkers: (
    parameters: ScaleUpJobWorkersParameters,
  ) => ReturnType<typeof scaleUpJobWorkers>
  deletePipeline: (parameters: DeletePipelineParameters) => ReturnType<typeof deletePipeline>
  sendInstanceCommand: (
    parameters: SendInstanceCommandParameters,
  ) => ReturnType<typeof sendInstanceCommand>
  sendAppCommand: (parameters: SendAppCommandParameters) => ReturnType<typeof sendAppCommand>
  getR1fsJobPipeline: (
    parameters: GetR1fsJobPipelineParameters,
  ) => ReturnType<typeof getR1fsJobPipeline>
  getPreferredNodes: (
    parameters?: GetPreferredNodesParameters,
  ) => ReturnType<typeof getPreferredNodes>
  savePreferredNodes: (
    parameters: SavePreferredNodesParameters,
  ) => ReturnType<typeof savePreferredNodes>
  getOracleJobDetails: (
    parameters: GetOracleJobDetailsParameters,
  ) => ReturnType<typeof getOracleJobDetails>
  getNodeSpecs: (parameters: GetNodeSpecsParameters) => ReturnType<typeof getNodeSpecs>
  reconcileCspEscrowJobs: (
    parameters: ReconcileCspEscrowJobsParameters,
  ) => ReturnType<typeof reconcileCspEscrowJobs>
  getCurrentEpoch: (parameters?: GetCurrentEpochParameters) => ReturnType<typeof getCurrentEpoch>
  getActiveNodesList: (
    parameters?: GetActiveNodesListParameters,
  ) => ReturnType<typeof getActiveNodesList>
  getActiveNodesCountryStats: (
    parameters?: GetActiveNodesCountryStatsParameters,
  ) => ReturnType<typeof getActiveNodesCountryStats>
  getNodesList: (parameters?: GetNodesListParameters) => ReturnType<typeof getNodesList>
  getNodeEpochs: (parameters: GetNodeEpochsParameters) => ReturnType<typeof getNodeEpochs>
  getNodeEpoch: (parameters: GetNodeEpochParameters) => ReturnType<typeof getNodeEpoch>
  getNodeLastEpoch: (parameters: GetNodeLastEpochParameters) => ReturnType<typeof getNodeLastEpoch>
  getNodeEpochsRange: (
    parameters: GetNodeEpochsRangeParameters,
  ) => ReturnType<typeof getNodeEpochsRange>
  getMultiNodeEpochsRange: (
    parameters: GetMultiNodeEpochsRangeParameters,
  ) => ReturnType<typeof getMultiNodeEpochsRange>
}

export type DeeployClient = DeeployBaseClient & DeeployActions
export type CreateDeeployClientReturnType = DeeployClient
export type CreateDeeployClientErrorType = InvalidParameterErrorType | UnknownNetworkErrorType

/**
 * Creates a Deeploy API client: every endpoint as a bound action (`client.getApps()`), requests signed
 * with `account` (or the wallet client's account), zod-validated typed results, typed errors. Reads
 * retry with backoff; create, update and scale-up wait up to 620 s and are never retried.
 *
 * @example
 * ```ts
 * import { privateKeyToAccount } from 'viem/accounts'
 * import { createDeeployClient } from '@ratio1/sdk-deeploy'
 * const client = createDeeployClient({ network: 'mainnet', account: privateKeyToAccount(key) })
 * const { apps } = await client.getApps()
 * ```
 */
export function createDeeployClient(
  parameters: CreateDeeployClientParameters,
): CreateDeeployClientReturnType {
  const network = parameters.network === undefined ? undefined : getNetwork(parameters.network)
  const baseUrl = parameters.baseUrl ?? network?.deeployApiUrl
  if (!baseUrl)
    throw new InvalidParameterError({
      field: 'baseUrl',
      value: baseUrl,
      rule: 'a Deeploy API URL, or a network that defines one',
    })
  const oracleApiUrl = parameters.oracleApiUrl ?? network?.oracleApiUrl
  const signer: DeeploySigner | undefined = parameters.account ?? parameters.walletClient
  const base: DeeployBaseClient = {
    baseUrl: trimSlash(baseUrl),
    oracleApiUrl: oracleApiUrl === undefined ? undefined : trimSlash(oracleApiUrl),
    network: parameters.network,
    account: signer,
    signatureScheme: parameters.signatureScheme ?? 'v3',
    fetch: parameters.fetch,
    timeout: parameters.timeout ?? 60_000,
    longPollTimeout: parameters.longPollTimeout ?? 620_000,
    retry: parameters.retry ?? 2,
    signal: parameters.signal,
    verifyResponse: parameters.verifyResponse,
    logger: parameters.logger,
    nonceSkewMarginMs: parameters.nonceSkewMarginMs ?? 10_000,
  }
  const actions: DeeployActions = {
    getApps: (p) => getApps(base, p),
    createPipeline: (p) => createPipeline(base, p),
    updatePipeline: (p) => updatePipeline(base, p),
    scaleUpJobWorkers: (p) => scaleUpJobWorkers(base, p),
    deletePipeline: (p) => deletePipeline(base, p),
    sendInstanceCommand: (p) => sendInstanceCommand(base, p),
    sendAppCommand: (p) => sendAppCommand(base, p),
    getR1fsJobPipeline: (p) => getR1fsJobPipeline(base, p),
    getPreferredNodes: (p) => getPreferredNodes(base, p),
    savePreferredNodes: (p) => savePreferredNodes(base, p),
    getOracleJobDetails: (p) => getOracleJobDetails(base, p),
    getNodeSpecs: (p) => getNodeSpecs(base, p),
    reconcileCspEscrowJobs: (p) => reconcileCspEscrowJobs(base, p),
    getCurrentEpoch: (p) => getCurrentEpoch(base, p),
    getActiveNodesList: (p) => getActiveNodesList(base, p),
    getActiveNodesCountryStats: (p) => getActiveNodesCountryStats(base, p),
    getNodesList: (p) => getNodesList(base, p),
    getNodeEpochs: (p) => getNodeEpochs(base, p),
    getNodeEpoch: (p) => getNodeEpoch(base, p),
    getNodeLastEpoch: (p) => getNodeLastEpoch(base, p),
    getNodeEpochsRange: (p) => getNodeEpochsRange(base, p),
    getMultiNodeEpochsRange: (p) => getMultiNodeEpochsRange(base, p),
  }
  return Object.assign(base, actions)
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
