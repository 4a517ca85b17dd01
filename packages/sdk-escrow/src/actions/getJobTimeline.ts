import { splitNodeReward } from '@ratio1/sdk-core'
import type { Address, BlockTag, Hash } from 'viem'
import { zeroAddress } from 'viem'
import { getBlock, multicall, readContract } from 'viem/actions'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'
import { JobNotFoundError } from '../errors/escrow.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import type { EscrowEvent } from '../events/types.js'
import { controllerScheduleAbi } from '../internal/controller.js'
import { fetchEvents } from '../internal/events.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'

export type GetJobTimelineParameters = ManagerParameters & {
  jobId: bigint
  /** The job's escrow. Default: looked up in the PoAIManager (needed for redeemed jobs, which it forgets). */
  escrow?: Address | undefined
  fromBlock?: bigint | BlockTag | undefined
  toBlock?: bigint | BlockTag | undefined
}

/** Where and when a timeline entry happened. */
export type JobTimelinePosition = {
  blockNumber: bigint
  logIndex: number
  transactionHash: Hash
  /** Block time (Unix seconds). */
  timestamp: bigint
  /** The epoch the block falls in. */
  epoch: bigint
}

/** One step of a job's history. */
export type JobTimelineEntry = JobTimelinePosition &
  (
    | { kind: 'created'; owner: Address; jobType: bigint; pricePerEpoch: bigint }
    | { kind: 'proposed'; oracle: Address; nodes?: readonly Address[] | undefined }
    | {
        kind: 'consensus'
        nodes: readonly Address[]
        participants?: readonly Address[] | undefined
      }
    | { kind: 'consensus-not-reached'; proposals: bigint; maxAgreement: bigint }
    | { kind: 'started' }
    | { kind: 'nodes-changed'; nodes: readonly Address[] }
    | { kind: 'extended-duration'; newLastExecutionEpoch: bigint; amount: bigint }
    | { kind: 'extended-nodes'; newNumberOfNodes: bigint; amount: bigint }
    | {
        kind: 'rewarded'
        /** The last epoch this allocation paid. */
        throughEpoch: bigint
        /** Epochs paid in this allocation (derived from the credit; undefined when it cannot be). */
        epochs: bigint | undefined
        credits: { node: Address; usdc: bigint }[]
        total: bigint
      }
    | { kind: 'withheld'; amount: bigint }
    | { kind: 'closed' }
    | { kind: 'redeemed'; recipient: Address; refund: bigint }
    | { kind: 'withdrawn'; recipient: Address; amount: bigint }
    | { kind: 'reconciled'; event: string }
  )

export type GetJobTimelineReturnType = JobTimelineEntry[]
export type GetJobTimelineErrorType = EscrowReadErrorType

/**
 * Rebuilds a job's history from its logs: created, proposals and consensus, started, node changes,
 * extensions, each allocation (with the epochs it paid and each node's credit), withheld rewards, closed,
 * redeemed or withdrawn. Reads the escrow's and the PoAIManager's events in one `eth_getLogs` filtered by
 * job id, plus the timestamps of the blocks involved. Historical event versions are understood too.
 *
 * @example
 * ```ts
 * import { getJobTimeline } from '@ratio1/sdk-escrow'
 * for (const step of await getJobTimeline(publicClient, { manager, jobId: 7n }))
 *   console.log(step.epoch, step.kind)
 * ```
 */
export async function getJobTimeline(
  client: EscrowClient,
  parameters: GetJobTimelineParameters,
): Promise<GetJobTimelineReturnType> {
  const { jobId } = parameters
  let manager: Address | undefined
  try {
    manager = resolveManager(client, parameters)
  } catch (error) {
    if (!parameters.escrow) throw error
  }
  let escrow = parameters.escrow
  if (!escrow && manager) {
    const found = await readContract(client, {
      address: manager,
      abi: poaiManagerAbi,
      functionName: 'jobIdToEscrow',
      args: [jobId],
    })
    if (found === zeroAddress) throw new JobNotFoundError({ jobId })
    escrow = found
  }
  if (!escrow) throw new JobNotFoundError({ jobId })
  const [events, [controller, current]] = await Promise.all([
    fetchEvents(client, {
      addresses: manager ? [escrow, manager] : [escrow],
      jobIds: [jobId],
      fromBlock: parameters.fromBlock ?? 0n,
      toBlock: parameters.toBlock ?? 'latest',
    }),
    multicall(client, {
      allowFailure: false,
      contracts: [
        { address: escrow, abi: cspEscrowAbi, functionName: 'controller' },
        { address: escrow, abi: cspEscrowAbi, functionName: 'getJobDetails', args: [jobId] },
      ],
    }),
  ])
  const [[genesis, length], blocks] = await Promise.all([
    multicall(client, {
      allowFailure: false,
      contracts: [
        { address: controller, abi: controllerScheduleAbi, functionName: 'startEpochTimestamp' },
        { address: controller, abi: controllerScheduleAbi, functionName: 'epochDuration' },
      ],
    }),
    Promise.all(
      [...new Set(events.map((event) => event.blockNumber))].map((blockNumber) =>
        getBlock(client, { blockNumber }).then((block) => [blockNumber, block.timestamp] as const),
      ),
    ),
  ])
  const timestamps = new Map(blocks)
  const position = (event: EscrowEvent): JobTimelinePosition => {
    const timestamp = timestamps.get(event.blockNumber) ?? 0n
    return {
      blockNumber: event.blockNumber,
      logIndex: event.logIndex,
      transactionHash: event.transactionHash,
      timestamp,
      epoch: timestamp >= genesis ? (timestamp - genesis) / length : 0n,
    }
  }

  const timeline: JobTimelineEntry[] = []
  let price = 0n
  // An allocation pays up to the job's end; a started job cannot be extended once ended, so its final end
  // (0 once redeemed) bounds every allocation.
  const lastExecutionEpoch = current.id === 0n ? undefined : current.lastExecutionEpoch
  for (const event of events) {
    const at = position(event)
    switch (event.eventName) {
      case 'JobCreated':
        price = event.args.pricePerEpoch
        timeline.push({ ...at, kind: 'created', ...event.args })
        break
      case 'NodeUpdateSubmittedV2':
        timeline.push({
          ...at,
          kind: 'proposed',
          oracle: event.args.oracle,
          nodes: event.args.newActiveNodes,
        })
        break
      case 'NodeUpdateSubmitted':
        timeline.push({ ...at, kind: 'proposed', oracle: event.args.oracle })
        break
      case 'ConsensusReachedV2':
        timeline.push({
          ...at,
          kind: 'consensus',
          nodes: event.args.activeNodes,
          participants: event.args.participants,
        })
        break
      case 'ConsensusReached':
        timeline.push({ ...at, kind: 'consensus', nodes: event.args.activeNodes })
        break
      case 'ConsensusNotReached':
        timeline.push({
          ...at,
          kind: 'consensus-not-reached',
          proposals: event.args.proposalsCount,
          maxAgreement: event.args.maxAgreementCount,
        })
        break
      case 'JobStarted':
        timeline.push({ ...at, kind: 'started' })
        break
      case 'NodesUpdated':
        timeline.push({ ...at, kind: 'nodes-changed', nodes: event.args.activeNodes })
        break
      case 'JobDurationExtended':
        timeline.push({
          ...at,
          kind: 'extended-duration',
          newLastExecutionEpoch: event.args.newLastExecutionEpoch,
          amount: event.args.additionalAmount,
        })
        break
      case 'JobNodesExtended':
        timeline.push({
          ...at,
          kind: 'extended-nodes',
          newNumberOfNodes: event.args.newNumberOfNodesRequested,
          amount: event.args.additionalAmount,
        })
        break
      case 'RewardsAllocatedV3':
      case 'RewardsAllocatedV2': {
        const credit = { node: event.args.nodeAddress, usdc: event.args.usdcAmount }
        const previous = timeline.at(-1)
        if (previous?.kind === 'rewarded' && previous.transactionHash === event.transactionHash) {
          previous.credits.push(credit)
          previous.total += credit.usdc
          break
        }
        const through = at.epoch - 1n
        timeline.push({
          ...at,
          kind: 'rewarded',
          throughEpoch:
            lastExecutionEpoch !== undefined && lastExecutionEpoch - 1n < through
              ? lastExecutionEpoch - 1n
              : through,
          epochs: epochsPaid(price, credit.usdc),
          credits: [credit],
          total: credit.usdc,
        })
        break
      }
      case 'RewardsAllocated':
        timeline.push({
          ...at,
          kind: 'rewarded',
          throughEpoch: at.epoch - 1n,
          epochs: undefined,
          credits: [],
          total: event.args.totalAmount,
        })
        break
      case 'RewardsWithheld':
        timeline.push({ ...at, kind: 'withheld', amount: event.args.withheldAmount })
        break
      case 'JobClosed':
        timeline.push({ ...at, kind: 'closed' })
        break
      case 'JobRedeemed':
        timeline.push({
          ...at,
          kind: 'redeemed',
          recipient: event.args.owner,
          refund: event.args.refundAmount,
        })
        break
      case 'ClosedJobBalanceWithdrawn':
        timeline.push({
          ...at,
          kind: 'withdrawn',
          recipient: event.args.recipient,
          amount: event.args.amount,
        })
        break
      case 'DeprecatedJobMigrated':
        price = event.args.newPricePerEpoch
        timeline.push({ ...at, kind: 'reconciled', event: event.eventName })
        break
      case 'JobLastExecutionEpochReconciled':
        timeline.push({ ...at, kind: 'reconciled', event: event.eventName })
        break
      case 'JobBalanceReconciled':
        timeline.push({ ...at, kind: 'reconciled', event: event.eventName })
        break
    }
  }
  return timeline
}

/** The number of epochs k whose 85 % node share (sdk-core's split) equals the credit, if any. */
function epochsPaid(price: bigint, credit: bigint): bigint | undefined {
  if (price === 0n || credit === 0n) return undefined
  const guess = (credit * 100n) / (price * 85n)
  for (const k of [guess, guess + 1n, guess - 1n])
    if (k > 0n && splitNodeReward(price * k).node === credit) return k
  return undefined
}
