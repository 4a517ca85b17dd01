import { readFile, rename, writeFile } from 'node:fs/promises'
import { isNodeAddress, nodeAddressToEthAddress } from '@ratio1/sdk-core'
import {
  type Fleet,
  type FleetCommand,
  type FleetNode,
  FleetNodeError,
  type NodeResources,
  type PlacedWorkload,
} from '@ratio1/sdk-oracle'
import { type Address, isAddress } from 'viem'

type NodeAddress = FleetNode['address']

/** A node as the operator writes it in the fleet file (its ETH address is derived, not stored). */
export type FleetFileNode = {
  address: NodeAddress
  alias: string
  /** Set to `false` to take the node out: its workloads stop counting and nothing new lands on it. */
  online: boolean
  resources: NodeResources
}

/** A workload as stored in the fleet file: the job id is a decimal string (JSON has no bigint). */
export type FleetFileWorkload = {
  node: NodeAddress
  jobId: string
  appId: string
  owner: Address
  pipeline: Record<string, unknown>
  startedAt: number
}

/**
 * A command the oracle delivered (Deeploy `/send_instance_command`, `/send_app_command`), appended
 * for an external tool that applies it to the node and may then remove the entry.
 */
export type FleetFileCommand = {
  node: NodeAddress
  jobId: string
  appId: string
  pluginSignature?: string
  instanceId?: string
  /** Any JSON value the plugin understands, e.g. `"RESTART"`. */
  command: unknown
  /** When the oracle wrote it (ms). */
  sentAt: number
}

/** The whole fleet file; `commands` appears with the first delivered command. */
export type FleetFile = {
  nodes: FleetFileNode[]
  workloads: FleetFileWorkload[]
  commands?: FleetFileCommand[]
}

export type CreateJsonFileFleetParameters = {
  /** The fleet file; read on every call, so an operator's edits apply at the oracle's next tick. */
  path: string
  /** Clock for `startedAt`. @default Date.now */
  now?: (() => number) | undefined
}

/** The fleet file is missing, not JSON, or breaks the format (the message names the field). */
export class FleetFileError extends Error {
  override name = 'FleetFileError'
}

/**
 * A `Fleet` (the interface the reference oracle drives) backed by a JSON file: the nodes an operator
 * runs, their health, the workloads the oracle placed on them, and the commands it delivered to them
 * (appended to `commands` for an external tool to carry out). Writes go through a temporary file
 * and a rename, one at a time, so the file is never seen half-written and concurrent starts and stops
 * of one oracle do not lose each other's changes.
 *
 * @example
 * ```ts
 * import { createOracle, createStateStore } from '@ratio1/sdk-oracle'
 * const fleet = createJsonFileFleet({ path: './fleet.json' })
 * const oracle = createOracle({ publicClient, walletClient, addresses, fleet, store: createStateStore({ path: ':memory:' }) })
 * ```
 */
export function createJsonFileFleet(
  parameters: CreateJsonFileFleetParameters,
): Fleet & Required<Pick<Fleet, 'sendCommand'>> {
  const { path } = parameters
  const now = parameters.now ?? Date.now
  let queue: Promise<unknown> = Promise.resolve()

  const load = async (): Promise<FleetFile> => {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      throw new FleetFileError(`cannot read the fleet file ${path}: ${(error as Error).message}`)
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      throw new FleetFileError(`${path} is not JSON: ${(error as Error).message}`)
    }
    return parseFleetFile(data, path)
  }
  // Read-modify-write under one queue: the next change starts from what the previous one wrote.
  const update = (change: (file: FleetFile) => void): Promise<void> => {
    const run = queue.then(async () => {
      const file = await load()
      change(file)
      const temporary = `${path}.${process.pid}.tmp`
      await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`)
      await rename(temporary, path)
    })
    queue = run.catch(() => {})
    return run
  }
  const find = (file: FleetFile, node: NodeAddress, mustBeOnline: boolean) => {
    const entry = file.nodes.find((n) => n.address === node)
    if (!entry) throw new FleetNodeError({ node, reason: 'unknown' })
    if (mustBeOnline && !entry.online) throw new FleetNodeError({ node, reason: 'offline' })
    return entry
  }

  return {
    async listNodes() {
      const file = await load()
      return file.nodes.map((n) => ({
        address: n.address,
        ethAddress: nodeAddressToEthAddress(n.address),
        alias: n.alias,
        online: n.online,
        resources: { ...n.resources },
      }))
    },
    async listWorkloads() {
      const file = await load()
      // An offline machine runs nothing: its entries are history until it is back.
      const online = new Set(file.nodes.filter((n) => n.online).map((n) => n.address))
      return file.workloads
        .filter((w) => online.has(w.node))
        .map(
          (w): PlacedWorkload => ({
            node: w.node,
            jobId: BigInt(w.jobId),
            appId: w.appId,
            owner: w.owner,
            pipeline: w.pipeline,
            startedAt: w.startedAt,
          }),
        )
    },
    startWorkload({ node, workload }) {
      return update((file) => {
        find(file, node, true)
        const jobId = workload.jobId.toString()
        file.workloads = file.workloads.filter((w) => !(w.node === node && w.jobId === jobId))
        file.workloads.push({
          node,
          jobId,
          appId: workload.appId,
          owner: workload.owner,
          pipeline: workload.pipeline,
          startedAt: now(),
        })
      })
    },
    stopWorkload({ node, jobId }) {
      return update((file) => {
        find(file, node, false)
        const id = jobId.toString()
        file.workloads = file.workloads.filter((w) => !(w.node === node && w.jobId === id))
      })
    },
    sendCommand(parameters: FleetCommand) {
      return update((file) => {
        const { node, appId } = parameters
        find(file, node, true)
        const jobId = parameters.jobId.toString()
        if (!file.workloads.some((w) => w.node === node && w.jobId === jobId && w.appId === appId))
          throw new FleetNodeError({ node, reason: 'not-running', jobId: parameters.jobId, appId })
        file.commands = [
          ...(file.commands ?? []),
          {
            node,
            jobId,
            appId,
            ...(parameters.pluginSignature === undefined
              ? {}
              : { pluginSignature: parameters.pluginSignature }),
            ...(parameters.instanceId === undefined ? {} : { instanceId: parameters.instanceId }),
            command: parameters.command,
            sentAt: now(),
          },
        ]
      })
    },
  }
}

function parseFleetFile(data: unknown, path: string): FleetFile {
  const fail = (where: string, rule: string): never => {
    throw new FleetFileError(`${path}: ${where} ${rule}`)
  }
  if (typeof data !== 'object' || data === null) return fail('the file', 'must be a JSON object')
  const {
    nodes,
    workloads = [],
    commands,
  } = data as { nodes?: unknown; workloads?: unknown; commands?: unknown }
  if (!Array.isArray(nodes)) return fail('"nodes"', 'must be an array')
  if (!Array.isArray(workloads)) return fail('"workloads"', 'must be an array')
  if (commands !== undefined && !Array.isArray(commands))
    return fail('"commands"', 'must be an array')
  const seen = new Set<string>()
  for (const [i, node] of nodes.entries()) {
    const n = node as Partial<FleetFileNode>
    const at = `nodes[${i}]`
    if (typeof n.address !== 'string' || !isNodeAddress(n.address))
      fail(`${at}.address`, 'must be a Ratio1 node address (0xai_…)')
    if (seen.has(n.address!)) fail(`${at}.address`, `repeats ${n.address}`)
    seen.add(n.address!)
    if (typeof n.alias !== 'string') fail(`${at}.alias`, 'must be a string')
    if (typeof n.online !== 'boolean') fail(`${at}.online`, 'must be true or false')
    const r = n.resources as Partial<NodeResources> | undefined
    if (!r || ![r.cpu, r.memoryMb, r.storageMb].every((v) => typeof v === 'number' && v >= 0))
      fail(`${at}.resources`, 'must be { cpu, memoryMb, storageMb } with numbers ≥ 0')
  }
  for (const [i, workload] of workloads.entries()) {
    const w = workload as Partial<FleetFileWorkload>
    const at = `workloads[${i}]`
    if (typeof w.node !== 'string' || !seen.has(w.node)) fail(`${at}.node`, 'must be a listed node')
    if (typeof w.jobId !== 'string' || !/^\d+$/.test(w.jobId))
      fail(`${at}.jobId`, 'must be a decimal string')
    if (typeof w.appId !== 'string') fail(`${at}.appId`, 'must be a string')
    if (typeof w.owner !== 'string' || !isAddress(w.owner))
      fail(`${at}.owner`, 'must be an EVM address')
    if (typeof w.pipeline !== 'object' || w.pipeline === null)
      fail(`${at}.pipeline`, 'must be an object')
    if (typeof w.startedAt !== 'number') fail(`${at}.startedAt`, 'must be a number (ms)')
  }
  // Commands are history: a node removed from the file since does not invalidate its entries.
  for (const [i, entry] of (commands ?? []).entries()) {
    const c = entry as Partial<FleetFileCommand>
    const at = `commands[${i}]`
    if (typeof c !== 'object' || c === null) fail(at, 'must be an object')
    if (typeof c.node !== 'string') fail(`${at}.node`, 'must be a node address')
    if (typeof c.jobId !== 'string' || !/^\d+$/.test(c.jobId))
      fail(`${at}.jobId`, 'must be a decimal string')
    if (typeof c.appId !== 'string') fail(`${at}.appId`, 'must be a string')
    if (!('command' in c)) fail(`${at}.command`, 'is required')
    if (typeof c.sentAt !== 'number') fail(`${at}.sentAt`, 'must be a number (ms)')
  }
  return {
    nodes: nodes as FleetFileNode[],
    workloads: workloads as FleetFileWorkload[],
    ...(commands === undefined ? {} : { commands: commands as FleetFileCommand[] }),
  }
}
