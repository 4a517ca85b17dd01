// `/send_instance_command` and `/send_app_command` (deeploy-api.md §3.6, §3.7).
import { BaseError } from '@ratio1/sdk-core'
import type { Fleet, FleetCommand, FleetNode, PlacedWorkload } from '../fleet/types.js'
import type { NodeAddress } from '../loops/types.js'
import { type Auth, authObject } from './handlers.js'
import { DeeployFailure, instanceIdOf, isRecord, parseJobId } from './internal.js'
import type { ServerContext } from './types.js'

/** One plugin instance of a live workload: what a command is addressed to. */
type LiveInstance = {
  node: NodeAddress
  jobId: bigint
  appId: string
  pluginSignature: string
  instanceId: string
}

/** Which app a command is for: by app id, by job id, or both (then both must match). */
type AppSelector = { appId: string | undefined; jobId: bigint | undefined }

// The oracles test these fields with Python truthiness: null, false, 0, "", [] and {} count as
// "not provided", so a command of `false` or `{}` is refused there and here alike.
function isProvided(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '')
    return false
  if (Array.isArray(value)) return value.length > 0
  if (isRecord(value)) return Object.keys(value).length > 0
  return true
}

function readSelector(request: Record<string, unknown>): AppSelector {
  const rawApp = request.app_id
  const rawJob = request.job_id
  const appGiven = isProvided(rawApp)
  const jobGiven = isProvided(rawJob)
  if (!appGiven && !jobGiven)
    throw new DeeployFailure("ERR16_REQUEST8. 'app_id' or 'job_id' should be provided.")
  if (appGiven && typeof rawApp !== 'string')
    throw new DeeployFailure(
      "ERR16_REQUEST8. 'app_id' must be a string: the app id /create_pipeline returned.",
    )
  const jobId = jobGiven ? parseJobId(rawJob) : undefined
  if (jobGiven && jobId === undefined)
    throw new DeeployFailure(
      `ERR16_REQUEST8. 'job_id' must be a positive integer (the on-chain job id), got ${JSON.stringify(rawJob).slice(0, 80)}.`,
    )
  return { appId: appGiven ? (rawApp as string) : undefined, jobId }
}

/** `"app_1a2b3c4"`, or `"of job 7"` when the request named only the job. */
const appLabel = (selector: AppSelector) => selector.appId ?? `of job ${selector.jobId}`

// Instance ids follow the rule get_apps and delete_pipeline show: the stored plugin's `instance_id`,
// else `<app_id>_<index in plugins>`; entries without a signature are not instances anyone can see.
function instancesOf(workload: PlacedWorkload): LiveInstance[] {
  const plugins = Array.isArray(workload.pipeline.plugins) ? workload.pipeline.plugins : []
  const out: LiveInstance[] = []
  for (const [index, plugin] of plugins.entries()) {
    if (!isRecord(plugin) || typeof plugin.plugin_signature !== 'string') continue
    out.push({
      node: workload.node,
      jobId: workload.jobId,
      appId: workload.appId,
      pluginSignature: plugin.plugin_signature,
      instanceId: instanceIdOf(plugin, workload.appId, index),
    })
  }
  return out
}

/**
 * The requester's live instances of the selected app, in fleet order. Only workloads owned by the
 * escrow owner count, so another CSP's app is indistinguishable from one that does not exist.
 */
function discover(
  nodes: readonly FleetNode[],
  workloads: readonly PlacedWorkload[],
  auth: Auth,
  selector: AppSelector,
): LiveInstance[] {
  const online = new Set(nodes.filter((n) => n.online).map((n) => n.address))
  const owner = auth.owner.toLowerCase()
  return workloads
    .filter(
      (w) =>
        online.has(w.node) &&
        w.owner.toLowerCase() === owner &&
        (selector.appId === undefined || w.appId === selector.appId) &&
        (selector.jobId === undefined || w.jobId === selector.jobId),
    )
    .flatMap(instancesOf)
}

function commandSender(fleet: Fleet): NonNullable<Fleet['sendCommand']> {
  const send = fleet.sendCommand
  if (!send)
    throw new DeeployFailure(
      'ERR01_DEEPLOY_GENERIC_ERROR: The fleet this oracle is configured with cannot deliver commands (it does not implement sendCommand). Run the oracle with a fleet that implements Fleet.sendCommand, or command the nodes directly.',
    )
  return (command) => send.call(fleet, command)
}

/** Delivers in order; a failure names how far delivery got, since earlier commands already landed. */
async function deliver(
  send: NonNullable<Fleet['sendCommand']>,
  commands: readonly FleetCommand[],
): Promise<void> {
  for (const [index, command] of commands.entries()) {
    try {
      await send(command)
    } catch (error) {
      const reason = error instanceof BaseError ? error.shortMessage : (error as Error).message
      throw new DeeployFailure(
        `ERR01_DEEPLOY_GENERIC_ERROR: The command reached ${index} of ${commands.length} instances, then delivery to node ${command.node} failed: ${reason} Check the app's nodes with /get_apps and send a new signed request for the instances that missed it.`,
      )
    }
  }
}

/**
 * `/send_instance_command` (§3.6): delivers `instance_command` to one plugin instance of the
 * requester's app on every node of `target_nodes`. The instance must run on each of those nodes, or
 * nothing is sent.
 */
export async function sendInstanceCommand(
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) {
  const selector = readSelector(request)
  const targets = request.target_nodes
  if (!isProvided(targets))
    throw new DeeployFailure("ERR16_REQUEST8. 'target_nodes' are not provided.")
  if (
    !Array.isArray(targets) ||
    !targets.every((node) => typeof node === 'string' && node.length > 0)
  )
    throw new DeeployFailure(
      "ERR05_DEEPLOY_NODES4: 'target_nodes' must be a list of node addresses (0xai_… or the node's ETH address).",
    )
  const signature = request.plugin_signature
  if (!isProvided(signature))
    throw new DeeployFailure("ERR15_REQUEST7. 'plugin_signature' not provided.")
  if (typeof signature !== 'string')
    throw new DeeployFailure(
      "ERR15_REQUEST7. 'plugin_signature' must be a string, e.g. CONTAINER_APP_RUNNER.",
    )
  const instanceId = request.instance_id
  if (!isProvided(instanceId))
    throw new DeeployFailure("ERR18_REQUEST10. 'instance_id' not provided.")
  if (typeof instanceId !== 'string')
    throw new DeeployFailure(
      "ERR18_REQUEST10. 'instance_id' must be a string: an instance id /get_apps lists.",
    )
  const command = request.instance_command
  if (!isProvided(command))
    throw new DeeployFailure("ERR17_REQUEST9. 'instance_command' not provided.")
  const send = commandSender(ctx.fleet)

  const [nodes, workloads] = await Promise.all([ctx.fleet.listNodes(), ctx.fleet.listWorkloads()])
  // ETH addresses name nodes too; an address the fleet does not know simply runs nothing.
  const wanted = [
    ...new Set(
      (targets as string[]).map(
        (raw) =>
          nodes.find((n) => n.address === raw || n.ethAddress.toLowerCase() === raw.toLowerCase())
            ?.address ?? raw,
      ),
    ),
  ]
  const matches = discover(nodes, workloads, auth, selector).filter(
    (i) => i.pluginSignature === signature && i.instanceId === instanceId,
  )
  const missing = wanted.filter((node) => !matches.some((m) => m.node === node))
  if (missing.length > 0)
    throw new DeeployFailure(
      `ERR07_DEEPLOY_PLUGIN_INSTANCE1: Plugin instance ${signature} with ID ${instanceId} not found in app ${appLabel(selector)} for owner ${auth.owner}. It does not run on ${missing.join(', ')}: check target_nodes, plugin_signature and instance_id against /get_apps.`,
    )
  const deliveries = wanted.flatMap((node) =>
    matches
      .filter((m) => m.node === node)
      .map(
        (m): FleetCommand => ({
          node: m.node,
          jobId: m.jobId,
          appId: m.appId,
          command,
          pluginSignature: m.pluginSignature,
          instanceId: m.instanceId,
        }),
      ),
  )
  await deliver(send, deliveries)
  ctx.logger.info('instance command delivered', {
    appId: matches[0]!.appId,
    instanceId,
    nodes: wanted,
  })
  return {
    request: {
      status: 'command_delivered',
      app_id: selector.appId ?? matches[0]!.appId,
      target_nodes: wanted,
    },
    auth: authObject(auth),
  }
}

/**
 * `/send_app_command` (§3.7): delivers `command` to every live instance of the requester's app or
 * job, optionally only to instances of `plugin_signature`.
 */
export async function sendAppCommand(
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) {
  const selector = readSelector(request)
  const command = request.command
  if (!isProvided(command)) throw new DeeployFailure("ERR17_REQUEST9. 'command' not provided.")
  const filter = request.plugin_signature
  if (isProvided(filter) && typeof filter !== 'string')
    throw new DeeployFailure(
      "ERR15_REQUEST7. 'plugin_signature' must be a string, e.g. CONTAINER_APP_RUNNER (or left out for every instance).",
    )
  const signature = isProvided(filter) ? (filter as string) : undefined
  const send = commandSender(ctx.fleet)

  const [nodes, workloads] = await Promise.all([ctx.fleet.listNodes(), ctx.fleet.listWorkloads()])
  const instances = discover(nodes, workloads, auth, selector).filter(
    (i) => signature === undefined || i.pluginSignature === signature,
  )
  if (instances.length === 0)
    throw new DeeployFailure(
      `ERR08_DEEPLOY_APP1: App ${appLabel(selector)} not found on any node${signature === undefined ? '' : ` with a ${signature} instance`}. Only running apps of owner ${auth.owner} take commands: check app_id, job_id and plugin_signature against /get_apps.`,
    )
  await deliver(
    send,
    instances.map((i) => ({
      node: i.node,
      jobId: i.jobId,
      appId: i.appId,
      command,
      pluginSignature: i.pluginSignature,
      instanceId: i.instanceId,
    })),
  )
  ctx.logger.info('app command delivered', {
    appId: instances[0]!.appId,
    instances: instances.length,
  })
  return {
    request: {
      status: 'command_delivered',
      ...(selector.jobId !== undefined
        ? { job_id: Number(selector.jobId) }
        : { app_id: selector.appId }),
    },
    targets: instances.map((i) => [i.node, i.appId, i.pluginSignature, i.instanceId]),
    auth: authObject(auth),
  }
}
