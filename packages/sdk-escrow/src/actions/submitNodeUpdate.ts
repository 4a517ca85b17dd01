import { canonicalNodeSet } from '@ratio1/sdk-core'
import type { Address, Hex } from 'viem'
import { parseEventLogs } from 'viem'
import { managerCallAbi, poaiManagerAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'

export type SubmitNodeUpdateParameters = ManagerParameters &
  TransactionParameters & {
    jobId: bigint
    /** The node set the oracle observed; empty to close the job. */
    nodes: readonly (Address | string)[]
    /**
     * Put the list in the order every oracle submits (sdk-core's `canonicalNodeSet`: EIP-55 addresses,
     * sorted). The consensus hash is order-sensitive. Default `true`.
     */
    canonical?: boolean | undefined
  }
export type SubmitNodeUpdateReturnType = TransactionResult & {
  /**
   * `'unchanged'`: no round was open and the list equals the job's nodes (silently ignored);
   * `'proposed'`: stored, quorum not reached yet; `'not-reached'`: quorum reached without agreement;
   * `'reached'`: consensus, applied to the escrow if it differs.
   */
  outcome: 'unchanged' | 'proposed' | 'not-reached' | 'reached'
  /** The submitted list's hash, when stored. */
  nodesHash?: Hex | undefined
  /** When reached: the agreed nodes and the oracles that proposed them. */
  consensus?: { nodes: Address[]; participants: Address[] } | undefined
}
export type SubmitNodeUpdateErrorType = EscrowWriteErrorType

/**
 * An oracle's proposal for a job's node set (`submitNodeUpdate`), with what it caused read from the
 * receipt.
 *
 * @example
 * ```ts
 * import { submitNodeUpdate } from '@ratio1/sdk-escrow'
 * const { outcome } = await submitNodeUpdate(oracleClient, { manager, jobId: 1n, nodes: [nodeA, nodeB] })
 * ```
 */
export async function submitNodeUpdate(
  client: EscrowClient,
  parameters: SubmitNodeUpdateParameters,
): Promise<SubmitNodeUpdateReturnType> {
  const { jobId } = parameters
  const nodes =
    parameters.canonical === false
      ? (parameters.nodes as Address[])
      : canonicalNodeSet(parameters.nodes)
  const result = await sendAndWait(
    client,
    {
      address: resolveManager(client, parameters),
      abi: managerCallAbi,
      functionName: 'submitNodeUpdate',
      args: [jobId, nodes],
    },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account), jobId },
  )
  const logs = parseEventLogs({ abi: poaiManagerAbi, logs: result.receipt.logs })
  const submitted = logs.find((log) => log.eventName === 'NodeUpdateSubmittedV2')
  const reached = logs.find((log) => log.eventName === 'ConsensusReachedV2')
  const notReached = logs.find((log) => log.eventName === 'ConsensusNotReached')
  const nodesHash =
    submitted?.eventName === 'NodeUpdateSubmittedV2' ? submitted.args.nodesHash : undefined
  if (reached?.eventName === 'ConsensusReachedV2')
    return {
      ...result,
      outcome: 'reached',
      nodesHash,
      consensus: {
        nodes: [...reached.args.activeNodes],
        participants: [...reached.args.participants],
      },
    }
  return {
    ...result,
    outcome: notReached ? 'not-reached' : submitted ? 'proposed' : 'unchanged',
    nodesHash,
  }
}
