import { poaiManagerAbi } from '@ratio1/contracts/abis'
import { canonicalNodeSet } from '@ratio1/sdk-core'
import { readContract } from 'viem/actions'
import { toFleetView } from '../fleet/getFleetView.js'
import type { FleetNode, PlacedWorkload } from '../fleet/types.js'
import { leastLoaded } from '../loops/internal.js'
import type { NodeAddress } from '../loops/types.js'
import type { StoredJob } from '../store/createStateStore.js'
import {
  type Auth,
  authObject,
  checkResources,
  parseMemoryMb,
  readOwnedJob,
  readPlugins,
  resolveNodes,
} from './handlers.js'
import { DeeployFailure, formatTime, instanceIdOf, isRecord, parseJobId } from './internal.js'
import type { ServerContext } from './types.js'

/** The payment check of an existing job (`is_create=False`): the requester's, and not ended. */
async function readRunningJob(ctx: ServerContext, jobId: bigint, auth: Auth) {
  const [job, epoch] = await Promise.all([
    readOwnedJob(ctx, jobId, auth),
    readContract(ctx.publicClient, {
      address: ctx.addresses.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'getCurrentEpoch',
    }),
  ])
  if (job.lastExecutionEpoch <= epoch)
    throw new DeeployFailure(
      `ERR08_DEEPLOY_PAYMENT1: Job ${jobId} ended at epoch ${job.lastExecutionEpoch} (now ${epoch}). Extend it on chain (CspEscrow.extendJobDuration) or buy a new job.`,
    )
  return job
}

/**
 * The manager refuses a new node set for 300 s after the last change. Checked before anything is
 * touched, so a refused request changes nothing.
 */
async function requireNoCooldown(ctx: ServerContext, jobId: bigint) {
  const remaining = await readContract(ctx.publicClient, {
    address: ctx.addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'getRemainingCooldownTime',
    args: [jobId],
  })
  if (remaining > 0n)
    throw new DeeployFailure(
      `ERR03_DEEPLOY_NODES2: The node set of job ${jobId} changed recently; the chain accepts a new one in ${remaining} s. Retry after that.`,
    )
}

/** Live workloads of one of the owner's jobs, one per node, in discovery order. */
function liveWorkloads(
  workloads: readonly PlacedWorkload[],
  filter: { jobId: bigint; owner: string; appId?: string | undefined },
) {
  const seen = new Set<NodeAddress>()
  return workloads.filter((w) => {
    if (w.jobId !== filter.jobId || w.owner !== filter.owner) return false
    if (filter.appId !== undefined && w.appId !== filter.appId) return false
    if (seen.has(w.node)) return false
    seen.add(w.node)
    return true
  })
}

function appTypeOf(pipeline: Record<string, unknown>) {
  const specs = isRecord(pipeline.deeploy_specs) ? pipeline.deeploy_specs : {}
  return typeof specs.job_app_type === 'string' ? specs.job_app_type : 'generic'
}

/**
 * The instances after an update: an entry with `instance_id` replaces that live instance; one without
 * replaces the only live instance of its signature (containerized apps), else it is a new instance;
 * live instances the request leaves out are kept. Every instance gets its id written out so that ids
 * stay stable across later updates.
 */
function mergeInstances(
  previous: readonly Record<string, unknown>[],
  requested: readonly Record<string, unknown>[],
  context: { appId: string; owner: string; native: boolean },
) {
  const merged: Record<string, unknown>[] = previous.map((plugin, index) => ({
    ...plugin,
    instance_id: instanceIdOf(plugin, context.appId, index),
  }))
  const replaced = new Set<number>()
  let next = merged.length
  const freshId = () => {
    while (merged.some((p) => p.instance_id === `${context.appId}_${next}`)) next++
    return `${context.appId}_${next++}`
  }
  for (const plugin of requested) {
    const signature = String(plugin.plugin_signature)
    if (typeof plugin.instance_id === 'string') {
      const at = merged.findIndex(
        (p) => p.instance_id === plugin.instance_id && p.plugin_signature === signature,
      )
      if (at < 0)
        throw new DeeployFailure(
          `ERR07_DEEPLOY_PLUGIN_INSTANCE1: Plugin instance ${signature} with ID ${plugin.instance_id} not found in app ${context.appId} for owner ${context.owner}.`,
        )
      merged[at] = { ...plugin, instance_id: plugin.instance_id }
      replaced.add(at)
      continue
    }
    const candidates = merged
      .map((p, at) => ({ p, at }))
      .filter(({ p, at }) => p.plugin_signature === signature && !replaced.has(at))
    if (!context.native && candidates.length === 1) {
      const { p, at } = candidates[0]!
      merged[at] = { ...plugin, instance_id: p.instance_id }
      replaced.add(at)
      continue
    }
    merged.push({ ...plugin, instance_id: freshId() })
    replaced.add(merged.length - 1)
  }
  return merged
}

/** Puts `previous` back on `nodes` after a failed switch, so a refused update leaves the job as it was. */
async function restore(
  ctx: ServerContext,
  started: readonly NodeAddress[],
  previous: readonly PlacedWorkload[],
  stored: StoredJob | undefined,
) {
  for (const node of started)
    await ctx.fleet.stopWorkload({ node, jobId: previous[0]!.jobId }).catch(() => {})
  for (const w of previous)
    await ctx.fleet
      .startWorkload({
        node: w.node,
        workload: { jobId: w.jobId, appId: w.appId, owner: w.owner, pipeline: w.pipeline },
      })
      .catch((error: unknown) =>
        ctx.logger.warn('could not restore a workload', { jobId: w.jobId, node: w.node, error }),
      )
  if (stored) ctx.store.saveJob(stored)
}

function sameNodes(a: readonly NodeAddress[], b: readonly NodeAddress[]) {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join()
}

/**
 * `/update_pipeline` (§3.3): stops the running app and starts it again under the same `app_id` with
 * the new configuration, on the same nodes unless `target_nodes` moves it; a changed node set is
 * proposed on chain. `job_app_type` cannot change.
 */
export async function updatePipeline(
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) {
  const appId = request.app_id
  if (typeof appId !== 'string' || appId.length === 0)
    throw new DeeployFailure('ERR24_REQUEST13: App ID is required.')
  const jobId = parseJobId(request.job_id)
  if (jobId === undefined)
    throw new DeeployFailure(
      'ERR08_DEEPLOY_PAYMENT1: job_id is required: the positive integer id of the running on-chain job.',
    )
  const plugins = readPlugins(request)
  const job = await readRunningJob(ctx, jobId, auth)
  const [nodes, workloads] = await Promise.all([ctx.fleet.listNodes(), ctx.fleet.listWorkloads()])
  const live = liveWorkloads(workloads, { jobId, owner: auth.owner, appId })
  if (live.length === 0)
    throw new DeeployFailure(
      `ERR04_DEEPLOY_NODES3: No running workers found for app_id '${appId}' (job ${jobId}) and owner '${auth.owner}'.`,
    )
  const stored = ctx.store.getJob(jobId)
  const previous = stored && !stored.deleted ? stored.pipeline : live[0]!.pipeline
  const previousType = appTypeOf(previous)
  const requestedType =
    typeof request.job_app_type === 'string' ? request.job_app_type.toLowerCase() : undefined
  if (requestedType !== undefined && requestedType !== previousType)
    throw new DeeployFailure(
      `ERR11_REQUEST3. job_app_type cannot be changed (from ${previousType} to ${requestedType}); deploy a new job instead.`,
    )
  const instances = mergeInstances(
    Array.isArray(previous.plugins) ? previous.plugins.filter(isRecord) : [],
    plugins,
    { appId, owner: auth.owner, native: previousType === 'native' },
  )
  if (previousType !== 'native') checkResources(instances, job.jobType)

  const current = live.map((w) => w.node)
  const explicit =
    Array.isArray(request.target_nodes) && request.target_nodes.length > 0
      ? (() => {
          if (!request.target_nodes.every((n) => typeof n === 'string'))
            throw new DeeployFailure(
              'ERR05_DEEPLOY_NODES4: target_nodes must be a list of node addresses.',
            )
          return resolveNodes(nodes, request.target_nodes as string[])
        })()
      : undefined
  const targets = explicit ?? current
  const count = request.target_nodes_count
  if (count !== undefined && count !== null && count !== 0 && Number(count) !== targets.length)
    throw new DeeployFailure(
      `ERR03_DEEPLOY_NODES2: target_nodes_count ${String(count)} differs from the ${targets.length} nodes the app will run on.`,
    )
  if (explicit && explicit.length !== Number(job.numberOfNodesRequested))
    throw new DeeployFailure(
      `ERR03_DEEPLOY_NODES2: ${explicit.length} target nodes given, job ${jobId} pays for ${job.numberOfNodesRequested}.`,
    )
  const moved = !sameNodes(targets, current)
  if (moved) await requireNoCooldown(ctx, jobId)

  const previousSpecs = isRecord(previous.deeploy_specs) ? previous.deeploy_specs : {}
  const pipeline: Record<string, unknown> = {
    ...previous,
    NAME: appId,
    OWNER: auth.owner,
    TYPE:
      typeof request.pipeline_input_type === 'string'
        ? request.pipeline_input_type
        : (previous.TYPE ?? 'void'),
    plugins: instances,
    deeploy_specs: {
      ...previousSpecs,
      job_id: Number(jobId),
      job_app_type: previousType,
      ...(typeof request.project_name === 'string' ? { project_name: request.project_name } : {}),
      date_updated: formatTime(ctx.clock.now()),
    },
  }
  const workload = { jobId, appId, owner: auth.owner, pipeline }
  const started: NodeAddress[] = []
  try {
    for (const w of live) await ctx.fleet.stopWorkload({ node: w.node, jobId })
    for (const node of targets) {
      await ctx.fleet.startWorkload({ node, workload })
      started.push(node)
    }
  } catch (error) {
    await restore(ctx, started, live, stored)
    throw error
  }
  ctx.store.saveJob({
    jobId,
    appId,
    owner: auth.owner,
    escrow: job.escrowAddress,
    pipeline,
    targetNodes: targets,
    createdAt: stored?.createdAt ?? ctx.clock.now(),
    deleted: false,
  })
  const proposal = moved ? await proposeNodes(ctx, jobId, nodes, targets) : undefined
  ctx.logger.info('pipeline updated', {
    jobId,
    appId,
    nodes: targets,
    proposal: proposal?.outcome ?? 'unchanged',
  })
  return {
    status: 'command_delivered',
    status_details: {},
    app_id: appId,
    request: {
      app_alias: typeof request.app_alias === 'string' ? request.app_alias : appId,
      target_nodes: targets,
      target_nodes_count: targets.length,
      job_app_type: previousType,
      plugins_count: instances.length,
    },
    auth: authObject(auth),
  }
}

function proposeNodes(
  ctx: ServerContext,
  jobId: bigint,
  nodes: readonly FleetNode[],
  targets: readonly NodeAddress[],
) {
  const ethOf = new Map(nodes.map((n) => [n.address, n.ethAddress]))
  return ctx.oracle.proposeNodeSet({
    jobId,
    nodes: canonicalNodeSet(targets.map((n) => ethOf.get(n)!)),
    loop: 'deployment',
  })
}

/**
 * `/scale_up_job_workers` (§3.4): starts the running app on more nodes (given, or the least-loaded
 * healthy ones that meet `node_res_req`) and proposes the enlarged node set. The job must already be
 * paid for them (`CspEscrow.extendJobNodes`): unlike the original, an oracle here refuses to run more
 * nodes than the chain pays for.
 */
export async function scaleUpJobWorkers(
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) {
  const jobId = parseJobId(request.job_id)
  if (jobId === undefined) throw new DeeployFailure('ERR24_REQUEST13: Job ID is required.')
  const job = await readRunningJob(ctx, jobId, auth)
  const [nodes, workloads] = await Promise.all([ctx.fleet.listNodes(), ctx.fleet.listWorkloads()])
  const live = liveWorkloads(workloads, { jobId, owner: auth.owner })
  if (live.length === 0)
    throw new DeeployFailure(
      `ERR04_DEEPLOY_NODES3: No running workers found for job ${jobId} and owner '${auth.owner}'.`,
    )
  const current = live.map((w) => w.node)
  let added: NodeAddress[]
  if (Array.isArray(request.target_nodes) && request.target_nodes.length > 0) {
    if (!request.target_nodes.every((n) => typeof n === 'string'))
      throw new DeeployFailure(
        'ERR05_DEEPLOY_NODES4: target_nodes must be a list of node addresses.',
      )
    added = resolveNodes(nodes, request.target_nodes as string[])
    const already = added.filter((n) => current.includes(n))
    if (already.length > 0)
      throw new DeeployFailure(
        `ERR03_DEEPLOY_NODES2: Job ${jobId} already runs on ${already.join(', ')}; give only new nodes.`,
      )
  } else {
    const wanted = Number(request.target_nodes_count ?? 0)
    if (!Number.isSafeInteger(wanted) || wanted <= 0)
      throw new DeeployFailure(
        'ERR04_DEEPLOY_NODES3: Give the new nodes (target_nodes) or how many to add (target_nodes_count ≥ 1).',
      )
    const need = isRecord(request.node_res_req) ? request.node_res_req : {}
    const minCpu = typeof need.cpu === 'number' ? need.cpu : 0
    const minMemory = parseMemoryMb(need.memory)
    const fits = new Set(
      nodes
        .filter((n) => n.resources.cpu >= minCpu && n.resources.memoryMb >= minMemory)
        .map((n) => n.address),
    )
    const candidates = leastLoaded(
      toFleetView(nodes, workloads),
      (n) => fits.has(n.address) && !current.includes(n.address),
    )
    if (candidates.length < wanted)
      throw new DeeployFailure(
        `ERR09_DEEPLOY_NODES5: Not enough online nodes: ${wanted} more needed for job ${jobId}, ${candidates.length} available.`,
      )
    added = candidates.slice(0, wanted).map((n) => n.address)
  }
  const total = current.length + added.length
  if (BigInt(total) > job.numberOfNodesRequested)
    throw new DeeployFailure(
      `ERR08_DEEPLOY_PAYMENT1: Job ${jobId} pays for ${job.numberOfNodesRequested} nodes and runs on ${current.length}; ${added.length} more would make ${total}. Pay for them first (CspEscrow.extendJobNodes).`,
    )
  await requireNoCooldown(ctx, jobId)

  const stored = ctx.store.getJob(jobId)
  const base = live[0]!
  const workload = {
    jobId,
    appId: base.appId,
    owner: auth.owner,
    pipeline: stored && !stored.deleted ? stored.pipeline : base.pipeline,
  }
  const started: NodeAddress[] = []
  try {
    for (const node of added) {
      await ctx.fleet.startWorkload({ node, workload })
      started.push(node)
    }
  } catch (error) {
    for (const node of started) await ctx.fleet.stopWorkload({ node, jobId }).catch(() => {})
    throw error
  }
  const roster = [...current, ...added]
  ctx.store.saveJob({
    jobId,
    appId: base.appId,
    owner: auth.owner,
    escrow: job.escrowAddress,
    pipeline: workload.pipeline,
    targetNodes: roster,
    createdAt: stored?.createdAt ?? ctx.clock.now(),
    deleted: false,
  })
  const proposal = await proposeNodes(ctx, jobId, nodes, roster)
  ctx.logger.info('job scaled up', { jobId, added, proposal: proposal.outcome })
  return {
    status: 'command_delivered',
    status_details: {},
    job_id: Number(jobId),
    request: request.return_request === true ? request : null,
    auth: authObject(auth),
  }
}
