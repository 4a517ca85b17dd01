import { canonicalNodeSet } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import type { FleetNodeView, FleetView, NodeAddress } from './types.js'

/**
 * The online nodes `accept` lets through, the least loaded first; ties go by address so that every
 * oracle ranks the same fleet the same way.
 */
export function leastLoaded(
  fleet: FleetView,
  accept: (node: FleetNodeView) => boolean = () => true,
): FleetNodeView[] {
  return fleet.nodes
    .filter((n) => n.online && accept(n))
    .sort((a, b) => a.load - b.load || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
}

/** ETH addresses of the online nodes running `jobId`, de-duplicated (the manager rejects duplicates). */
export function runningNodes(fleet: FleetView, jobId: bigint): Address[] {
  const eth = new Map(fleet.nodes.filter((n) => n.online).map((n) => [n.address, n.ethAddress]))
  const set = new Set<Address>()
  for (const workload of fleet.workloads) {
    if (workload.jobId !== jobId) continue
    const address = eth.get(workload.node)
    if (address) set.add(address)
  }
  return canonicalNodeSet([...set])
}

/** Node addresses (any state) running `jobId`. */
export function workloadNodes(fleet: FleetView, jobId: bigint): NodeAddress[] {
  const nodes = new Set<NodeAddress>()
  for (const workload of fleet.workloads) if (workload.jobId === jobId) nodes.add(workload.node)
  return [...nodes].sort()
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a.map((x) => x.toLowerCase()))
  return b.every((x) => set.has(x.toLowerCase()))
}
