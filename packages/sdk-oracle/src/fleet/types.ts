import type { Address } from 'viem'
import type { NodeAddress } from '../loops/types.js'

/** Capacity of a node: cores, MiB of memory and MiB of disk. */
export type NodeResources = { cpu: number; memoryMb: number; storageMb: number }

/** A worker node of the fleet. */
export type FleetNode = {
  address: NodeAddress
  /** The node's ETH address (`nodeAddressToEthAddress(address)`), used on chain. */
  ethAddress: Address
  alias: string
  online: boolean
  resources: NodeResources
}

/** A job's workload (its pipeline) on one node. */
export type Workload = {
  jobId: bigint
  /** Deeploy app id, e.g. `my_app_1a2b3c4`. */
  appId: string
  /** Escrow owner the workload belongs to. */
  owner: Address
  /** The pipeline as deployed: plugins and their configuration. */
  pipeline: Record<string, unknown>
}

/** A workload placed on a node. */
export type PlacedWorkload = Workload & {
  node: NodeAddress
  /** Clock time (ms) at which it started. */
  startedAt: number
}

/**
 * A command for the plugin instances of a workload on one node, as the Deeploy API's
 * `/send_instance_command` and `/send_app_command` deliver it (deeploy-api.md §3.6, §3.7).
 */
export type FleetCommand = {
  node: NodeAddress
  jobId: bigint
  /** The workload's app id: a command for another app of the same job must not land. */
  appId: string
  /** Any JSON value the plugin understands, e.g. `'RESTART'` or `'STOP'`. */
  command: unknown
  /** The plugin the command is for; absent: every plugin of the workload. */
  pluginSignature?: string | undefined
  /** The instance the command is for; absent: every instance (of `pluginSignature`). */
  instanceId?: string | undefined
}

/**
 * What an oracle needs from the compute network: which nodes exist and are healthy, which nodes run
 * which job, and starting and stopping a workload on a node. The simulated fleet implements it in
 * memory; a real network adapter (heartbeats, pipeline commands) implements the same methods.
 */
export type Fleet = {
  listNodes(): Promise<FleetNode[]>
  listWorkloads(): Promise<PlacedWorkload[]>
  /** Starts (or replaces) `workload` on `node`. */
  startWorkload(parameters: { node: NodeAddress; workload: Workload }): Promise<void>
  /** Stops job `jobId`'s workload on `node`; stopping what does not run is not an error. */
  stopWorkload(parameters: { node: NodeAddress; jobId: bigint }): Promise<void>
  /**
   * Delivers a command to the plugin instances of job `jobId`'s workload on `node`. Optional: a fleet
   * without it runs workloads but cannot take Deeploy commands (the API then answers ERR01).
   * Throws `FleetNodeError` when the node is unknown, offline, or does not run the job as `appId`.
   */
  sendCommand?(parameters: FleetCommand): Promise<void>
}
