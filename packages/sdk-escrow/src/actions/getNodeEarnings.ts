import { type JobDetails, type NodeEarningsForJob, projectNodeEarnings } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { multicall } from 'viem/actions'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, MulticallParameters } from '../internal/types.js'

export type GetNodeEarningsParameters = ManagerParameters &
  MulticallParameters & {
    /** The operator's nodes (EVM addresses). */
    nodes: readonly Address[]
    /**
     * Also project what the active jobs will still credit each node (sdk-core's `projectNodeEarnings`
     * over `getAllActiveJobs`, read in the same round trip). Costs one large view call on big networks.
     */
    project?: boolean | undefined
  }

/** One node's earnings. */
export type NodeEarnings = {
  node: Address
  /** Unclaimed USDC across escrows (paid out as R1 on claim). */
  claimable: bigint
  /** The R1 that `claimable` would swap to now (0 when the router cannot quote). */
  claimableR1: bigint
  /** Where the unclaimed USDC sits. */
  escrows: { escrow: Address; usdc: bigint }[]
  /** With `project`: USDC the node will still be credited by the jobs it runs. */
  projected?: { net: bigint; burn: bigint; jobs: NodeEarningsForJob[] } | undefined
}

export type GetNodeEarningsReturnType = {
  nodes: NodeEarnings[]
  /** Sum of `claimable` over the nodes. */
  claimable: bigint
  claimableR1: bigint
  /** With `project`: the sum of the nodes' projected net credits. */
  projected?: bigint | undefined
}
export type GetNodeEarningsErrorType = EscrowReadErrorType

/**
 * A node operator's earnings across every escrow in **two** RPC round trips, whatever the number of
 * escrows: one multicall finds the escrows that owe each node (and the R1 quotes), a second reads every
 * (escrow, node) balance.
 *
 * @example
 * ```ts
 * import { getNodeEarnings } from '@ratio1/sdk-escrow'
 * const { claimable, nodes } = await getNodeEarnings(publicClient, { manager, nodes: [nodeA, nodeB] })
 * ```
 */
export async function getNodeEarnings(
  client: EscrowClient,
  parameters: GetNodeEarningsParameters,
): Promise<GetNodeEarningsReturnType> {
  const { nodes, project, multicallAddress } = parameters
  const manager = resolveManager(client, parameters)
  const first = await multicall(client, {
    allowFailure: false,
    batchSize: 0,
    multicallAddress,
    contracts: [
      ...nodes.map(
        (node) =>
          ({
            address: manager,
            abi: poaiManagerAbi,
            functionName: 'getEscrowsWithRewardsForNode',
            args: [node],
          }) as const,
      ),
      ...nodes.map(
        (node) =>
          ({
            address: manager,
            abi: poaiManagerAbi,
            functionName: 'getNodePoAIRewards',
            args: [node],
          }) as const,
      ),
      ...(project
        ? [{ address: manager, abi: poaiManagerAbi, functionName: 'getAllActiveJobs' } as const]
        : []),
    ],
  })
  const escrowsOf = first.slice(0, nodes.length) as (readonly Address[])[]
  const quotes = first.slice(nodes.length, 2 * nodes.length) as (readonly [bigint, bigint])[]
  const activeJobs = project ? (first[2 * nodes.length] as readonly JobDetails[]) : undefined

  const pairs = nodes.flatMap((node, index) =>
    (escrowsOf[index] ?? []).map((escrow) => ({ node, escrow })),
  )
  const balances = pairs.length
    ? await multicall(client, {
        allowFailure: false,
        batchSize: 0,
        multicallAddress,
        contracts: pairs.map(
          ({ node, escrow }) =>
            ({
              address: escrow,
              abi: cspEscrowAbi,
              functionName: 'virtualWalletBalance',
              args: [node],
            }) as const,
        ),
      })
    : []

  let claimable = 0n
  let claimableR1 = 0n
  let projected = 0n
  const result = nodes.map((node, index): NodeEarnings => {
    const escrows = pairs
      .map((pair, i) => ({ ...pair, usdc: balances[i] ?? 0n }))
      .filter((pair) => pair.node === node)
      .map(({ escrow, usdc }) => ({ escrow, usdc }))
    const nodeClaimable = escrows.reduce((sum, entry) => sum + entry.usdc, 0n)
    const r1 = quotes[index]?.[1] ?? 0n
    claimable += nodeClaimable
    claimableR1 += r1
    const earnings: NodeEarnings = { node, claimable: nodeClaimable, claimableR1: r1, escrows }
    if (activeJobs) {
      const projection = projectNodeEarnings({ node, jobs: activeJobs })
      earnings.projected = { net: projection.net, burn: projection.burn, jobs: projection.jobs }
      projected += projection.net
    }
    return earnings
  })
  return { nodes: result, claimable, claimableR1, ...(project ? { projected } : {}) }
}
