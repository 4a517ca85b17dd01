import type { Address } from 'viem'
import type { FleetNodeErrorType } from '../errors/oracle.js'
import { getFleetView } from '../fleet/getFleetView.js'
import type { Fleet } from '../fleet/types.js'
import { leastLoaded } from '../loops/internal.js'
import type { NodeAddress } from '../loops/types.js'
import type { StateStore } from '../store/createStateStore.js'
import type { Clock } from '../utils/clock.js'
import type { ActionResult, Oracle } from './createOracle.js'

export type DeployWorkloadParameters = {
  oracle: Oracle
  fleet: Fleet
  store: StateStore
  clock: Clock
  jobId: bigint
  appId: string
  owner: Address
  escrow: Address
  pipeline: Record<string, unknown>
  /** Explicit nodes; when empty, `count` healthy nodes with the fewest workloads are chosen. */
  targetNodes?: readonly NodeAddress[] | undefined
  count: number
}
/** Fleet failures, or the chain read/transaction errors of the proposal (which viem types as `Error`). */
export type DeployWorkloadErrorType = FleetNodeErrorType | Error
export type DeployWorkloadReturnType = {
  nodes: NodeAddress[]
  proposal: ActionResult
}

/**
 * Deploys a paid job: stores its spec (so it survives restarts and can be redeployed), starts the
 * workload on the chosen nodes and proposes that node set on chain, which the other oracles' validation
 * loops then confirm.
 *
 * @example
 * ```ts
 * import { deployWorkload } from '@ratio1/sdk-oracle'
 * const { nodes } = await deployWorkload({ oracle, fleet, store, clock, jobId: 1n, appId, owner, escrow, pipeline, count: 2 })
 * ```
 */
export async function deployWorkload(
  parameters: DeployWorkloadParameters,
): Promise<DeployWorkloadReturnType> {
  const { oracle, fleet, store, clock, jobId } = parameters
  const view = await getFleetView(fleet)
  const ethOf = new Map(view.nodes.map((n) => [n.address, n.ethAddress]))
  const nodes: NodeAddress[] =
    parameters.targetNodes && parameters.targetNodes.length > 0
      ? [...new Set(parameters.targetNodes)]
      : leastLoaded(view)
          .slice(0, parameters.count)
          .map((n) => n.address)
  store.saveJob({
    jobId,
    appId: parameters.appId,
    owner: parameters.owner,
    escrow: parameters.escrow,
    pipeline: parameters.pipeline,
    targetNodes: nodes,
    createdAt: clock.now(),
    deleted: false,
  })
  const workload = {
    jobId,
    appId: parameters.appId,
    owner: parameters.owner,
    pipeline: parameters.pipeline,
  }
  for (const node of nodes) await fleet.startWorkload({ node, workload })
  const proposal = await oracle.proposeNodeSet({
    jobId,
    nodes: nodes.map((n) => ethOf.get(n)!),
    loop: 'deployment',
  })
  return { nodes, proposal }
}
