import { randomBytes } from 'node:crypto'
import { cspEscrowAbi, poaiManagerAbi } from '@ratio1/contracts/abis'
import { getJobType } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import {
  type BaseError,
  ContractFunctionRevertedError,
  getAddress,
  type ReadContractReturnType,
  zeroAddress,
} from 'viem'
import { readContract } from 'viem/actions'
import { controllerOraclesAbi } from '../chain/internal.js'
import type { FleetNode } from '../fleet/types.js'
import type { NodeAddress } from '../loops/types.js'
import { deployWorkload } from '../oracle/deployWorkload.js'
import { DeeployFailure, formatTime, instanceIdOf, isRecord, parseJobId } from './internal.js'
import type { ServerContext } from './types.js'

/** Who signed and which escrow they act for (deeploy-api.md §2.5). */
export type Auth = {
  sender: Address
  nonceMs: number
  escrow: Address
  owner: Address
}

export function authObject(auth: Auth) {
  return {
    sender: auth.sender,
    nonce: formatTime(auth.nonceMs),
    sender_escrow: auth.escrow,
    escrow_owner: auth.owner,
  }
}

/** Resolves the sender's escrow and its owner (delegates act for the owner). */
export async function resolveEscrow(
  ctx: ServerContext,
  sender: Address,
  nonceMs: number,
): Promise<Auth> {
  const [isActive, escrow] = await readContract(ctx.publicClient, {
    address: ctx.addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'getAddressRegistration',
    args: [sender],
  })
  if (!isActive || escrow === zeroAddress)
    throw new DeeployFailure(`Wallet ${sender} has no active escrow`)
  const owner = await readContract(ctx.publicClient, {
    address: ctx.addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'escrowToOwner',
    args: [escrow],
  })
  return { sender, nonceMs, escrow, owner }
}

const bigintStrings = (job: Record<string, unknown>) => {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(job))
    out[key] = typeof value === 'bigint' ? value.toString() : value
  return out
}

type FleetSnapshot = {
  nodes: Awaited<ReturnType<ServerContext['fleet']['listNodes']>>
  workloads: Awaited<ReturnType<ServerContext['fleet']['listWorkloads']>>
}

function onlineApps(ctx: ServerContext, { nodes, workloads }: FleetSnapshot, jobId: bigint) {
  const alias = new Map(nodes.map((n) => [n.address, n]))
  const online: Record<string, Record<string, unknown>> = {}
  for (const w of workloads) {
    if (w.jobId !== jobId || !alias.get(w.node)?.online) continue
    const plugins: Record<string, unknown[]> = {}
    const list = Array.isArray(w.pipeline.plugins) ? w.pipeline.plugins : []
    for (const [index, plugin] of list.entries()) {
      if (!isRecord(plugin) || typeof plugin.plugin_signature !== 'string') continue
      const signature = plugin.plugin_signature
      plugins[signature] ??= []
      plugins[signature].push({
        instance: instanceIdOf(plugin, w.appId, index),
        start: formatTime(w.startedAt),
        last_alive: formatTime(ctx.clock.now()),
        last_error: null,
        instance_conf: plugin,
      })
    }
    online[w.node] = {
      [w.appId]: {
        initiator: ctx.signer.nodeAddress,
        owner: w.owner,
        last_config: formatTime(w.startedAt),
        is_deeployed: true,
        deeploy_specs: {
          job_id: Number(w.jobId),
          ...(isRecord(w.pipeline.deeploy_specs) ? w.pipeline.deeploy_specs : {}),
        },
        pipeline_data: { NAME: w.appId },
        plugins,
        node_alias: alias.get(w.node)?.alias ?? null,
      },
    }
  }
  return online
}

/** `/get_apps` (§3.1): the escrow's active chain jobs with stored pipeline and live state. */
export async function getApps(ctx: ServerContext, request: Record<string, unknown>, auth: Auth) {
  const projectId = request.project_id
  if (projectId !== undefined && projectId !== null && typeof projectId !== 'string')
    throw new DeeployFailure("ERR09_REQUEST1: 'project_id' must be a string")
  // The escrow's jobs and one fleet read, concurrently, whatever the number of jobs.
  const [jobs, nodes, workloads] = await Promise.all([
    readContract(ctx.publicClient, {
      address: auth.escrow,
      abi: cspEscrowAbi,
      functionName: 'getActiveJobs',
    }),
    ctx.fleet.listNodes(),
    ctx.fleet.listWorkloads(),
  ])
  const apps: Record<string, unknown> = {}
  for (const job of jobs) {
    const stored = ctx.store.getJob(job.id)
    const pipeline =
      stored && !stored.deleted && stored.owner === auth.owner ? stored.pipeline : null
    if (stored && stored.owner !== auth.owner) continue
    const specsProject = isRecord(pipeline?.deeploy_specs)
      ? pipeline.deeploy_specs.project_id
      : undefined
    if (typeof projectId === 'string' && (specsProject ?? job.projectHash) !== projectId) continue
    apps[job.id.toString()] = {
      job_id: Number(job.id),
      pipeline,
      online: onlineApps(ctx, { nodes, workloads }, job.id),
      chain_job: {
        ...bigintStrings(job as unknown as Record<string, unknown>),
        activeNodes: [...job.activeNodes],
        network: ctx.network,
        escrowAddress: auth.escrow,
      },
    }
  }
  return { status: 'success', apps, auth: authObject(auth) }
}

/** The request's plugin instances (or the legacy `plugin_signature` + `app_params`), validated. */
export function readPlugins(request: Record<string, unknown>): Record<string, unknown>[] {
  let plugins = request.plugins
  if ((plugins === undefined || plugins === null) && typeof request.plugin_signature === 'string')
    plugins = [
      {
        plugin_signature: request.plugin_signature,
        ...(isRecord(request.app_params) ? request.app_params : {}),
      },
    ]
  if (!Array.isArray(plugins) || plugins.length === 0 || !plugins.every(isRecord))
    throw new DeeployFailure(
      'ERR25_DEEPLOY_PLUGINS1: plugins must be a non-empty array of objects (or give plugin_signature and app_params).',
    )
  for (const [index, plugin] of plugins.entries()) {
    if (typeof plugin.plugin_signature !== 'string' || plugin.plugin_signature.length === 0)
      throw new DeeployFailure(
        `ERR26_DEEPLOY_PLUGINS2: plugins[${index}].plugin_signature is required.`,
      )
    if (plugin.plugin_signature.toUpperCase() === 'ADMIN_CONTAINER_APP_RUNNER')
      throw new DeeployFailure(
        'ERR10_REQUEST2: plugin signature ADMIN_CONTAINER_APP_RUNNER is forbidden.',
      )
  }
  return plugins
}

export function parseMemoryMb(value: unknown): number {
  if (typeof value === 'number') return Math.trunc(value)
  if (typeof value !== 'string') return 0
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg]?)$/.exec(value.trim().toLowerCase())
  if (!match) return 0
  const n = Number(match[1])
  const unit = match[2]
  return Math.trunc(
    unit === 'g' ? n * 1024 : unit === 'k' ? n / 1024 : unit === 'b' ? n / 1024 / 1000 : n,
  )
}

/** Requested container resources must fit the paid tier (the original requires generic/service to match exactly; we accept anything that fits). */
export function checkResources(plugins: Record<string, unknown>[], jobType: bigint) {
  let type: ReturnType<typeof getJobType>
  try {
    type = getJobType(jobType)
  } catch {
    throw new DeeployFailure(`ERR23_JOB_RESOURCES2: Job type ${jobType} is not a known job type.`)
  }
  let cpu = 0
  let memory = 0
  for (const plugin of plugins) {
    const sig = String(plugin.plugin_signature).toUpperCase()
    if (sig !== 'CONTAINER_APP_RUNNER' && sig !== 'WORKER_APP_RUNNER') continue
    const res = plugin.CONTAINER_RESOURCES
    if (!isRecord(res)) continue
    cpu += typeof res.cpu === 'number' ? res.cpu : Number(res.cpu ?? 0) || 0
    memory += parseMemoryMb(res.memory)
  }
  if (cpu > type.resources.cpu + 1e-9 || memory > type.resources.memoryMb)
    throw new DeeployFailure(
      `ERR24_JOB_RESOURCES3: Requested resources {cpu: ${cpu}, memory: ${memory}m} do not fit paid resources {cpu: ${type.resources.cpu}, memory: ${type.resources.memoryMb}m} for job type ${jobType}.`,
    )
}

/**
 * `PoAIManager.getJobDetails`, with a missing job as an API failure: Ratio1's manager returns an
 * empty job, ours reverts with `JobDoesNotExist`.
 */
export async function readChainJob(ctx: ServerContext, jobId: bigint) {
  const missing = () =>
    new DeeployFailure(`ERR08_DEEPLOY_PAYMENT1: Job ${jobId} does not exist on chain.`)
  let job: ReadContractReturnType<typeof poaiManagerAbi, 'getJobDetails'>
  try {
    job = await readContract(ctx.publicClient, {
      address: ctx.addresses.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'getJobDetails',
      args: [jobId],
    })
  } catch (error) {
    const reverted = (error as BaseError).walk?.((e) => e instanceof ContractFunctionRevertedError)
    if (
      reverted instanceof ContractFunctionRevertedError &&
      reverted.data?.errorName === 'JobDoesNotExist'
    )
      throw missing()
    throw error
  }
  if (job.escrowAddress === zeroAddress) throw missing()
  return job
}

/** The payment check's ownership half: the job exists on chain and is the requester's. */
export async function readOwnedJob(ctx: ServerContext, jobId: bigint, auth: Auth) {
  const job = await readChainJob(ctx, jobId)
  if (getAddress(job.escrowOwner) !== getAddress(auth.owner))
    throw new DeeployFailure(
      `ERR08_DEEPLOY_PAYMENT1: Job ${jobId} belongs to ${job.escrowOwner}, not to ${auth.owner}.`,
    )
  return job
}

/** Known, online nodes from `0xai_…` or ETH addresses, de-duplicated in the given order. */
export function resolveNodes(nodes: readonly FleetNode[], list: readonly string[]): NodeAddress[] {
  const out: NodeAddress[] = []
  for (const raw of list) {
    const node = nodes.find(
      (n) => n.address === raw || n.ethAddress.toLowerCase() === raw.toLowerCase(),
    )
    if (!node) throw new DeeployFailure(`ERR05_DEEPLOY_NODES4: Unknown node address ${raw}.`)
    if (!node.online)
      throw new DeeployFailure(`ERR02_DEEPLOY_NODES1: Node ${node.address} is offline.`)
    out.push(node.address)
  }
  return [...new Set(out)]
}

/** `/create_pipeline` (§3.2): checks payment and ownership on chain, deploys on the fleet, proposes the node set. */
export async function createPipeline(
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) {
  const alias = request.app_alias
  if (typeof alias !== 'string' || alias.trim().length === 0)
    throw new DeeployFailure("ERR09_REQUEST1: 'app_alias' is required: a non-empty string.")
  const jobId = parseJobId(request.job_id)
  if (jobId === undefined)
    throw new DeeployFailure(
      'ERR08_DEEPLOY_PAYMENT1: job_id is required: the positive integer id of the paid on-chain job.',
    )
  const plugins = readPlugins(request)
  const job = await readOwnedJob(ctx, jobId, auth)
  if (job.startTimestamp !== 0n)
    throw new DeeployFailure(`ERR08_DEEPLOY_PAYMENT1: Job ${jobId} has already started.`)
  const appType =
    typeof request.job_app_type === 'string' ? request.job_app_type.toLowerCase() : undefined
  if (appType !== undefined && !['generic', 'native', 'service', 'stack'].includes(appType))
    throw new DeeployFailure(
      `ERR11_REQUEST3: job_app_type must be one of generic, native, service, stack (got ${request.job_app_type}).`,
    )
  if (appType !== 'native') checkResources(plugins, job.jobType)

  const requested = Number(job.numberOfNodesRequested)
  const count = request.target_nodes_count
  if (count !== undefined && count !== null && count !== 0 && Number(count) !== requested)
    throw new DeeployFailure(
      `ERR03_DEEPLOY_NODES2: target_nodes_count ${String(count)} differs from the ${requested} nodes paid for job ${jobId}.`,
    )
  const nodes = await ctx.fleet.listNodes()
  let targets: NodeAddress[] = []
  if (
    request.target_nodes !== undefined &&
    request.target_nodes !== null &&
    request.target_nodes !== 0
  ) {
    if (
      !Array.isArray(request.target_nodes) ||
      !request.target_nodes.every((n) => typeof n === 'string')
    )
      throw new DeeployFailure(
        'ERR05_DEEPLOY_NODES4: target_nodes must be a list of node addresses.',
      )
    targets = resolveNodes(nodes, request.target_nodes as string[])
    if (targets.length > 0 && targets.length !== requested)
      throw new DeeployFailure(
        `ERR03_DEEPLOY_NODES2: ${targets.length} target nodes given, job ${jobId} pays for ${requested}.`,
      )
  }
  if (targets.length === 0 && nodes.filter((n) => n.online).length < requested)
    throw new DeeployFailure(
      `ERR09_DEEPLOY_NODES5: Not enough online nodes: ${requested} needed for job ${jobId}.`,
    )

  const appId = `${alias.slice(0, 13).toLowerCase()}_${randomBytes(4).toString('hex').slice(0, 7)}`
  const pipeline = {
    NAME: appId,
    OWNER: auth.owner,
    TYPE: typeof request.pipeline_input_type === 'string' ? request.pipeline_input_type : 'void',
    plugins,
    deeploy_specs: {
      job_id: Number(jobId),
      project_id: typeof request.project_id === 'string' ? request.project_id : job.projectHash,
      project_name: typeof request.project_name === 'string' ? request.project_name : null,
      job_app_type: appType ?? 'generic',
      date_created: formatTime(ctx.clock.now()),
    },
  }
  // The claim is atomic in the (possibly shared) store: of two oracles asked to deploy the same
  // job at once, one wins and the other refuses.
  const claimed = ctx.store.claimJob({
    jobId,
    appId,
    owner: auth.owner,
    escrow: job.escrowAddress,
    pipeline,
    targetNodes: targets,
    createdAt: ctx.clock.now(),
    deleted: false,
  })
  if (!claimed)
    throw new DeeployFailure(`ERR08_DEEPLOY_PAYMENT1: Job ${jobId} is already deployed.`)
  try {
    const { nodes: deployed, proposal } = await deployWorkload({
      oracle: ctx.oracle,
      fleet: ctx.fleet,
      store: ctx.store,
      clock: ctx.clock,
      jobId,
      appId,
      owner: auth.owner,
      escrow: job.escrowAddress,
      pipeline,
      targetNodes: targets,
      count: requested,
    })
    ctx.logger.info('pipeline created', {
      jobId,
      appId,
      nodes: deployed,
      proposal: proposal.outcome,
    })
    return {
      status: 'command_delivered',
      status_details: {},
      app_id: appId,
      request: {
        app_alias: alias,
        target_nodes: deployed,
        target_nodes_count: deployed.length,
        job_app_type: appType ?? 'generic',
        plugins_count: plugins.length,
      },
      auth: authObject(auth),
    }
  } catch (error) {
    await rollBackDeployment(ctx, jobId)
    throw error
  }
}

/** Undoes a deployment that failed half-way, so the paid job can be deployed again. */
async function rollBackDeployment(ctx: ServerContext, jobId: bigint) {
  const running = (await ctx.fleet.listWorkloads().catch(() => [])).filter((w) => w.jobId === jobId)
  for (const w of running)
    await ctx.fleet.stopWorkload({ node: w.node, jobId }).catch((error: unknown) => {
      ctx.logger.warn('could not stop a workload while rolling back', {
        jobId,
        node: w.node,
        error,
      })
    })
  ctx.store.markJobDeleted(jobId)
}

/** `/delete_pipeline` (§3.5): stops the job's workloads; the chain learns through the closure loop. */
export async function deletePipeline(
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) {
  const jobId =
    request.job_id === undefined || request.job_id === null ? undefined : parseJobId(request.job_id)
  const appId = typeof request.app_id === 'string' ? request.app_id : undefined
  if (jobId === undefined && appId === undefined)
    throw new DeeployFailure("ERR16_REQUEST8. 'app_id' or 'job_id' should be provided.")
  const stored = ctx.store
    .listJobs()
    .find(
      (j) =>
        !j.deleted &&
        j.owner === auth.owner &&
        (jobId !== undefined ? j.jobId === jobId : j.appId === appId),
    )
  const filter =
    Array.isArray(request.target_nodes) && request.target_nodes.length > 0
      ? new Set(request.target_nodes)
      : undefined
  const workloads = stored
    ? (await ctx.fleet.listWorkloads()).filter(
        (w) => w.jobId === stored.jobId && (!filter || filter.has(w.node)),
      )
    : []
  if (!stored || workloads.length === 0)
    throw new DeeployFailure(
      `ERR04_DEEPLOY_NODES3: No instances found for provided ${jobId !== undefined ? `job_id ${jobId}` : `app_id ${appId}`} and owner '${auth.owner}'.`,
    )
  const targets = []
  for (const w of workloads) {
    await ctx.fleet.stopWorkload({ node: w.node, jobId: w.jobId })
    const plugins = Array.isArray(w.pipeline.plugins) ? w.pipeline.plugins : []
    for (const [index, plugin] of plugins.entries())
      targets.push({
        app_id: w.appId,
        instance_id: instanceIdOf(plugin, w.appId, index),
        plugin_signature: isRecord(plugin) ? String(plugin.plugin_signature) : '',
        NODE: w.node,
        CHAINSTORE_RESPONSE_KEY: null,
      })
  }
  if (!filter) ctx.store.markJobDeleted(stored.jobId)
  return {
    request: {
      status: 'success',
      targets,
      ...(jobId !== undefined ? { job_id: Number(jobId) } : { app_id: appId }),
    },
    auth: authObject(auth),
  }
}

/** `/get_r1fs_job_pipeline` (§3.8): the stored pipeline of one of the owner's jobs. */
export async function getR1fsJobPipeline(
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) {
  const jobId = parseJobId(request.job_id)
  if (jobId === undefined) throw new DeeployFailure('ERR22_REQUEST11: Job ID is required.')
  const stored = ctx.store.getJob(jobId)
  if (!stored)
    throw new DeeployFailure(
      `ERR23_REQUEST12: Pipeline payload for job ${jobId} could not be loaded.`,
    )
  if (stored.owner !== auth.owner)
    throw new DeeployFailure(
      `ERR24_REQUEST13: Job ${jobId} does not belong to requesting owner '${auth.owner}'.`,
    )
  return {
    status: 'success',
    job_id: Number(jobId),
    pipeline: stored.pipeline,
    auth: authObject(auth),
  }
}

/** `/get_oracle_job_details` (§3.10): oracle-to-oracle lookup; the sender must be a registered oracle. */
export async function getOracleJobDetails(
  ctx: ServerContext,
  request: Record<string, unknown>,
  sender: Address,
) {
  const oracles = await readContract(ctx.publicClient, {
    address: ctx.addresses.controller,
    abi: controllerOraclesAbi,
    functionName: 'getOracles',
  })
  if (oracles.length === 0) throw new DeeployFailure('No oracles found - this is a critical issue!')
  if (!oracles.includes(sender)) throw new DeeployFailure(`Sender ${sender} is not an oracle`)
  const jobId = parseJobId(request.job_id)
  if (jobId === undefined) throw new DeeployFailure('ERR22_REQUEST11: Job ID is required.')
  const stored = ctx.store.getJob(jobId)
  if (!stored || stored.deleted)
    throw new DeeployFailure(`ERR23_REQUEST12: Job with ID ${jobId} not found.`)
  const job = await readChainJob(ctx, jobId)
  const specs = isRecord(stored.pipeline.deeploy_specs) ? stored.pipeline.deeploy_specs : {}
  return {
    status: 'success',
    job_id: Number(jobId),
    project_name: typeof specs.project_name === 'string' ? specs.project_name : null,
    job_name: stored.appId,
    job_type: Number(job.jobType),
  }
}

/** `/node_specs` (§3.11, unauthenticated): capacity of the given nodes. */
export async function nodeSpecs(ctx: ServerContext, request: Record<string, unknown>) {
  const list = request.target_nodes ?? request.nodes
  if (!Array.isArray(list) || !list.every((n) => typeof n === 'string'))
    throw new DeeployFailure("'target_nodes' must be a list of node addresses.")
  const [nodes, workloads] = await Promise.all([ctx.fleet.listNodes(), ctx.fleet.listWorkloads()])
  const specs: Record<string, unknown> = {}
  for (const raw of new Set(list as string[])) {
    const address = raw.startsWith('0xai_') ? raw : `0xai_${raw}`
    const node = nodes.find((n) => n.address === address)
    if (!node) {
      specs[address] = { error: `Node ${address} is not known to this oracle` }
      continue
    }
    const used = workloads.filter((w) => w.node === node.address).length
    const { cpu, memoryMb, storageMb } = node.resources
    specs[address] = {
      node_alias: node.alias,
      node_is_online: node.online,
      cpu: { total: cpu, available: Math.max(0, cpu - used) },
      memory: {
        total: Math.round(memoryMb / 1024),
        available: Math.max(0, Math.round(memoryMb / 1024) - used),
      },
      disk: { total: Math.round(storageMb / 1024), available: Math.round(storageMb / 1024) },
    }
  }
  return { status: 'success', node_specs: specs }
}
