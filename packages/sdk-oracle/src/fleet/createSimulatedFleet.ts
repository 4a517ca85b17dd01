import { nodeAddressToEthAddress, publicKeyToNodeAddress } from '@ratio1/sdk-core'
import { type Hex, keccak256, stringToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { FleetNodeError } from '../errors/oracle.js'
import type { NodeAddress } from '../loops/types.js'
import { type Clock, systemClock } from '../utils/clock.js'
import type {
  Fleet,
  FleetCommand,
  FleetNode,
  NodeResources,
  PlacedWorkload,
  Workload,
} from './types.js'

export type CreateSimulatedFleetParameters = {
  /** Number of worker nodes. @default 6 */
  size?: number | undefined
  /** Seed of the nodes' private keys: the same seed gives the same node addresses. @default 'ratio1-devnet' */
  seed?: string | undefined
  /** Capacity of every node. @default 16 cores, 64 GiB memory, 512 GiB disk */
  resources?: NodeResources | undefined
  clock?: Clock | undefined
}

/** A command a simulated node received, with the fleet clock's time of delivery (ms). */
export type DeliveredCommand = FleetCommand & { deliveredAt: number }

/** A simulated fleet: the `Fleet` interface plus failure injection and a record of commands. */
export type SimulatedFleet = Fleet & {
  sendCommand(parameters: FleetCommand): Promise<void>
  /** The nodes with their private keys (devnet only: they never hold funds). */
  readonly keys: ReadonlyArray<{ address: NodeAddress; ethAddress: Hex; privateKey: Hex }>
  /** Takes a node offline: its workloads disappear, as when a machine dies. */
  failNode(node: NodeAddress): void
  /** Brings a node back online, empty. */
  recoverNode(node: NodeAddress): void
  /** Synchronous snapshot, for tests and the devnet's status page. */
  snapshot(): { nodes: FleetNode[]; workloads: PlacedWorkload[] }
  /** The commands the nodes received, oldest first (the most recent 10,000). */
  commands(): DeliveredCommand[]
}

// Bounds the record of a long-running devnet; tests see far fewer.
const maxRecordedCommands = 10_000

/**
 * Creates an in-memory fleet of worker nodes, each with a real secp256k1 key so its `0xai_…` address
 * converts to the ETH address the manager records. Nodes fail and recover on command. Commands sent
 * to a workload are recorded (`commands()`); a `'RESTART'` restarts the workload (`startedAt` moves
 * to the clock's now).
 *
 * @example
 * ```ts
 * import { createSimulatedFleet } from '@ratio1/sdk-oracle'
 * const fleet = createSimulatedFleet({ size: 6 })
 * const [node] = await fleet.listNodes()
 * fleet.failNode(node.address)
 * ```
 */
export function createSimulatedFleet(
  parameters: CreateSimulatedFleetParameters = {},
): SimulatedFleet {
  const size = parameters.size ?? 6
  const seed = parameters.seed ?? 'ratio1-devnet'
  const clock = parameters.clock ?? systemClock
  const resources = parameters.resources ?? { cpu: 16, memoryMb: 65_536, storageMb: 524_288 }
  const keys = Array.from({ length: size }, (_, index) => {
    const privateKey = keccak256(stringToHex(`${seed}:node:${index}`))
    const account = privateKeyToAccount(privateKey)
    const address = publicKeyToNodeAddress(account.publicKey) as NodeAddress
    return { address, ethAddress: nodeAddressToEthAddress(address), privateKey }
  })
  const nodes = new Map<NodeAddress, FleetNode>(
    keys.map((key, index) => [
      key.address,
      {
        address: key.address,
        ethAddress: key.ethAddress,
        alias: `sim-node-${index + 1}`,
        online: true,
        resources: { ...resources },
      },
    ]),
  )
  // node → jobId (as string) → workload
  const workloads = new Map<NodeAddress, Map<string, PlacedWorkload>>()
  const delivered: DeliveredCommand[] = []

  const require = (node: NodeAddress, mustBeOnline: boolean) => {
    const entry = nodes.get(node)
    if (!entry) throw new FleetNodeError({ node, reason: 'unknown' })
    if (mustBeOnline && !entry.online) throw new FleetNodeError({ node, reason: 'offline' })
    return entry
  }
  const snapshot = () => ({
    nodes: [...nodes.values()].map((n) => ({ ...n, resources: { ...n.resources } })),
    workloads: [...workloads.values()].flatMap((m) => [...m.values()]),
  })

  return {
    keys,
    snapshot,
    async listNodes() {
      return snapshot().nodes
    },
    async listWorkloads() {
      return snapshot().workloads
    },
    async startWorkload({ node, workload }: { node: NodeAddress; workload: Workload }) {
      require(node, true)
      const onNode = workloads.get(node) ?? new Map<string, PlacedWorkload>()
      workloads.set(node, onNode)
      onNode.set(workload.jobId.toString(), { ...workload, node, startedAt: clock.now() })
    },
    async stopWorkload({ node, jobId }) {
      require(node, false)
      workloads.get(node)?.delete(jobId.toString())
    },
    failNode(node) {
      require(node, false).online = false
      workloads.delete(node)
    },
    recoverNode(node) {
      require(node, false).online = true
    },
    async sendCommand(parameters: FleetCommand) {
      const { node, jobId, appId } = parameters
      require(node, true)
      const onNode = workloads.get(node)
      const workload = onNode?.get(jobId.toString())
      if (!onNode || !workload || workload.appId !== appId)
        throw new FleetNodeError({ node, reason: 'not-running', jobId, appId })
      const deliveredAt = clock.now()
      delivered.push({
        node,
        jobId,
        appId,
        // A copy: the caller's value may change after delivery, what the node got may not.
        command: structuredClone(parameters.command),
        ...(parameters.pluginSignature === undefined
          ? {}
          : { pluginSignature: parameters.pluginSignature }),
        ...(parameters.instanceId === undefined ? {} : { instanceId: parameters.instanceId }),
        deliveredAt,
      })
      if (delivered.length > maxRecordedCommands) delivered.shift()
      // A new object: workloads already handed out by listWorkloads() keep their old start time.
      if (parameters.command === 'RESTART')
        onNode.set(jobId.toString(), { ...workload, startedAt: deliveredAt })
    },
    commands() {
      return delivered.map((c) => ({ ...c, command: structuredClone(c.command) }))
    },
  }
}
