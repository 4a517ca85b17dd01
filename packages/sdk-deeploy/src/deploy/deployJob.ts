import { getJobType, InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'
import type { Hex } from 'viem'
import { type CreatePipelineReturnType, createPipeline } from '../actions/createPipeline.js'
import { type DeletePipelineReturnType, deletePipeline } from '../actions/deletePipeline.js'
import { getApps } from '../actions/getApps.js'
import {
  type ScaleUpJobWorkersReturnType,
  scaleUpJobWorkers,
} from '../actions/scaleUpJobWorkers.js'
import { type SendAppCommandReturnType, sendAppCommand } from '../actions/sendAppCommand.js'
import {
  type SendInstanceCommandParameters,
  type SendInstanceCommandReturnType,
  sendInstanceCommand,
} from '../actions/sendInstanceCommand.js'
import { type UpdatePipelineReturnType, updatePipeline } from '../actions/updatePipeline.js'
import type { DeeployBaseClient } from '../clients/types.js'
import type { JobNotReadyErrorType } from '../errors/deploy.js'
import { JobNotReadyError } from '../errors/deploy.js'
import type {
  DeeployApiErrorType,
  HttpRequestErrorType,
  TimeoutErrorType,
} from '../errors/request.js'
import { sleep } from '../internal/sleep.js'
import type { DeeployApp } from '../schemas/deeploy.js'
import { parseMemory } from '../templates/parseMemory.js'
import type { CreatePipelineRequest, UpdatePipelineRequest } from '../types/pipeline.js'

/** The on-chain job being deployed (as read from the escrow, or created by `createJobs`). */
export type PaidJob = {
  id: bigint
  jobType: number | bigint
  numberOfNodesRequested: bigint
  projectHash?: Hex | undefined
}

/** What `onProgress` receives. */
export type DeployProgress =
  | { stage: 'creating'; jobId: bigint }
  | {
      stage: 'created'
      jobId: bigint
      appId: string | undefined
      status: CreatePipelineReturnType['status']
    }
  | { stage: 'waiting'; jobId: bigint; onlineNodes: number; expectedNodes: number; attempt: number }
  | { stage: 'online'; jobId: bigint; onlineNodes: number; expectedNodes: number }

export type DeployJobParameters = {
  /** The paid job, or just its id (then the request must carry the node count). */
  job: PaidJob | bigint
  /** A create request (e.g. from `buildGenericApp`) or a function building it for the job. */
  template: CreatePipelineRequest | ((job: PaidJob | { id: bigint }) => CreatePipelineRequest)
  onProgress?: ((progress: DeployProgress) => void) | undefined
  /** Aborts the creation request and the wait. */
  signal?: AbortSignal | undefined
  /** Time between `getApps` polls while waiting, in ms. @default 10_000 */
  pollInterval?: number | undefined
  /** How long to wait for the instances after the create call returned, in ms. @default 900_000 */
  readyTimeout?: number | undefined
}

/** A deployed job with the operations that apply to it. */
export type DeployedJob = {
  jobId: bigint
  /** The oracle-generated app id (pipeline name). */
  appId: string | undefined
  /** The request that was sent (before signing). */
  request: CreatePipelineRequest
  /** The create response. */
  created: CreatePipelineReturnType
  /** The job as `getApps` last saw it. */
  app: DeeployApp | undefined
  /** Reads the job again. */
  refresh: () => Promise<DeeployApp | undefined>
  /** Adds nodes (pay for them on-chain first with `extendJobNodes`). */
  scaleUp: (parameters: {
    targetNodes?: string[]
    targetNodesCount?: number
  }) => Promise<ScaleUpJobWorkersReturnType>
  /** Redeploys with changed fields (merged into the original request). */
  update: (changes: Partial<CreatePipelineRequest>) => Promise<UpdatePipelineReturnType>
  restart: () => Promise<SendAppCommandReturnType>
  stop: () => Promise<SendAppCommandReturnType>
  sendCommand: (command: unknown) => Promise<SendAppCommandReturnType>
  sendInstanceCommand: (
    parameters: Omit<SendInstanceCommandParameters, 'appId' | 'jobId'>,
  ) => Promise<SendInstanceCommandReturnType>
  delete: () => Promise<DeletePipelineReturnType>
}
export type DeployJobReturnType = DeployedJob
export type DeployJobErrorType =
  | InvalidParameterErrorType
  | JobNotReadyErrorType
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType

/**
 * Deploys a paid on-chain job and waits until its instances are online: builds the create request for
 * the job (linking `job_id` and `project_id`, filling the node count, checking that the container
 * resources equal the paid job type's), sends `/create_pipeline`, then polls `/get_apps` until the
 * expected number of nodes runs the app, reporting progress. The returned handle scales, updates,
 * commands and deletes the job.
 *
 * @throws {JobNotReadyError} when the instances are not online within `readyTimeout`.
 *
 * @example
 * ```ts
 * import { buildGenericApp, deployJob } from '@ratio1/sdk-deeploy'
 * const deployed = await deployJob(client, {
 *   job: { id: 12n, jobType: 1, numberOfNodesRequested: 2n, projectHash },
 *   template: (job) => buildGenericApp({ jobId: job.id, jobType: 1, alias: 'web', image: 'nginx:1.27', targetNodesCount: 2 }),
 *   onProgress: (p) => console.log(p.stage),
 * })
 * await deployed.restart()
 * ```
 */
export async function deployJob(
  client: DeeployBaseClient,
  parameters: DeployJobParameters,
): Promise<DeployJobReturnType> {
  const job: PaidJob | { id: bigint } =
    typeof parameters.job === 'bigint' ? { id: parameters.job } : parameters.job
  const { onProgress, signal } = parameters
  const request = prepareRequest(
    typeof parameters.template === 'function' ? parameters.template(job) : parameters.template,
    job,
  )
  const expectedNodes = request.target_nodes?.length || request.target_nodes_count || 0

  onProgress?.({ stage: 'creating', jobId: job.id })
  const created = await createPipeline(client, { request, signal })
  const appId = created.app_id
  onProgress?.({ stage: 'created', jobId: job.id, appId, status: created.status })

  const read = async () => {
    const { apps } = await getApps(client, {
      ...(request.project_id ? { projectId: request.project_id } : {}),
      signal,
    })
    return apps[String(job.id)]
  }
  const started = Date.now()
  const readyTimeout = parameters.readyTimeout ?? 900_000
  const interval = parameters.pollInterval ?? 10_000
  let app: DeeployApp | undefined
  let online = 0
  for (let attempt = 1; ; attempt++) {
    app = await read()
    online = countOnlineNodes(app, appId)
    if (online >= expectedNodes) break
    onProgress?.({ stage: 'waiting', jobId: job.id, onlineNodes: online, expectedNodes, attempt })
    if (Date.now() - started + interval > readyTimeout)
      throw new JobNotReadyError({
        jobId: job.id,
        appId,
        onlineNodes: online,
        expectedNodes,
        waitedMs: Date.now() - started,
      })
    await sleep(interval, signal)
  }
  onProgress?.({ stage: 'online', jobId: job.id, onlineNodes: online, expectedNodes })

  const handle: DeployedJob = {
    jobId: job.id,
    appId,
    request,
    created,
    app,
    refresh: async () => {
      handle.app = await read()
      return handle.app
    },
    scaleUp: (p) => scaleUpJobWorkers(client, { jobId: job.id, ...p }),
    update: (changes) => {
      if (!appId)
        throw new InvalidParameterError({
          field: 'appId',
          value: appId,
          rule: 'an app id returned by create_pipeline (the oracle did not return one)',
        })
      const next: UpdatePipelineRequest = {
        ...request,
        ...changes,
        app_id: appId,
        job_id: request.job_id,
      }
      return updatePipeline(client, { request: next })
    },
    restart: () => sendAppCommand(client, { jobId: job.id, appId, command: 'RESTART' }),
    stop: () => sendAppCommand(client, { jobId: job.id, appId, command: 'STOP' }),
    sendCommand: (command) => sendAppCommand(client, { jobId: job.id, appId, command }),
    sendInstanceCommand: (p) =>
      sendInstanceCommand(client, { ...p, appId: appId ?? '', jobId: job.id }),
    delete: () => deletePipeline(client, { jobId: job.id, appId }),
  }
  return handle
}

function prepareRequest(
  template: CreatePipelineRequest,
  job: PaidJob | { id: bigint },
): CreatePipelineRequest {
  if (template.job_id !== undefined && BigInt(template.job_id) !== job.id)
    throw new InvalidParameterError({
      field: 'template.job_id',
      value: template.job_id,
      rule: `the job being deployed (${job.id})`,
    })
  const request: CreatePipelineRequest = { ...template, job_id: Number(job.id) }
  if (!('numberOfNodesRequested' in job)) return request

  const paidNodes = Number(job.numberOfNodesRequested)
  const explicit = request.target_nodes?.length ?? 0
  const requested = explicit || request.target_nodes_count || 0
  if (requested === 0) request.target_nodes_count = paidNodes
  else if (requested !== paidNodes)
    throw new InvalidParameterError({
      field: explicit ? 'template.target_nodes' : 'template.target_nodes_count',
      value: requested,
      rule: `the ${paidNodes} node(s) paid for on-chain`,
    })
  if (job.projectHash && request.project_id === undefined) request.project_id = job.projectHash
  checkResources(request, Number(job.jobType))
  return request
}

// The oracle's payment check for generic/service jobs: summed container cpu and memory must equal the
// paid tier exactly; failing here saves a signature and a 600 s round trip.
function checkResources(request: CreatePipelineRequest, jobTypeId: number): void {
  const appType = request.job_app_type
  if (appType === 'native' || appType === 'stack') return
  const tier = getJobType(jobTypeId).resources
  let cpu = 0
  let memory = 0
  let containers = 0
  for (const plugin of request.plugins) {
    const signature = String(plugin.plugin_signature).toUpperCase()
    if (signature !== 'CONTAINER_APP_RUNNER' && signature !== 'WORKER_APP_RUNNER') continue
    const resources = plugin.CONTAINER_RESOURCES as { cpu?: unknown; memory?: unknown } | undefined
    cpu += Number(resources?.cpu ?? 0)
    memory += resources?.memory === undefined ? 0 : parseMemory(String(resources.memory))
    containers++
  }
  if (containers === 0) return
  if (Math.round(cpu * 100) !== Math.round(tier.cpu * 100) || memory !== tier.memoryMb)
    throw new InvalidParameterError({
      field: 'template.plugins[].CONTAINER_RESOURCES',
      value: `${cpu} cores, ${memory} MiB`,
      rule: `the paid job type ${jobTypeId}: ${tier.cpu} cores and ${tier.memoryMb} MiB in total`,
    })
}

function countOnlineNodes(app: DeeployApp | undefined, appId: string | undefined): number {
  if (!app) return 0
  let count = 0
  for (const apps of Object.values(app.online))
    if (appId === undefined ? Object.keys(apps).length > 0 : Object.hasOwn(apps, appId)) count++
  return count
}
