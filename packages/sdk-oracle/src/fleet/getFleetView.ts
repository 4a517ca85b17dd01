import type { FleetView } from '../loops/types.js'
import type { Fleet, FleetNode, PlacedWorkload } from './types.js'

/**
 * Reads a fleet into the view the loop decisions take: nodes with health and load, and which node
 * runs which job.
 *
 * @example
 * ```ts
 * import { createSimulatedFleet, getFleetView } from '@ratio1/sdk-oracle'
 * const view = await getFleetView(createSimulatedFleet())
 * ```
 */
export async function getFleetView(fleet: Fleet): Promise<FleetView> {
  const [nodes, workloads] = await Promise.all([fleet.listNodes(), fleet.listWorkloads()])
  return toFleetView(nodes, workloads)
}

/** @internal The view of already-read nodes and workloads. */
export function toFleetView(nodes: FleetNode[], workloads: PlacedWorkload[]): FleetView {
  const load = new Map<string, number>()
  for (const w of workloads) load.set(w.node, (load.get(w.node) ?? 0) + 1)
  return {
    nodes: nodes.map((n) => ({
      address: n.address,
      ethAddress: n.ethAddress,
      online: n.online,
      load: load.get(n.address) ?? 0,
    })),
    workloads: workloads.map((w) => ({ node: w.node, jobId: w.jobId })),
  }
}
