import type { Address } from 'viem'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetJobActiveNodesParameters = ManagerParameters & {
  jobId: bigint
  /** Ask this escrow directly; default: find the job through the PoAIManager. */
  escrow?: Address | undefined
}
export type GetJobActiveNodesReturnType = Address[]
export type GetJobActiveNodesErrorType = EscrowReadErrorType

/**
 * The nodes the oracles agreed run a job (empty while pending or once closed).
 *
 * @example
 * ```ts
 * import { getJobActiveNodes } from '@ratio1/sdk-escrow'
 * const nodes = await getJobActiveNodes(publicClient, { manager, jobId: 1n })
 * ```
 */
export async function getJobActiveNodes(
  client: EscrowClient,
  parameters: GetJobActiveNodesParameters,
): Promise<GetJobActiveNodesReturnType> {
  const { jobId } = parameters
  let escrow = parameters.escrow
  if (!escrow) {
    const manager = resolveManager(client, parameters)
    const job = await read<{ escrowAddress: Address }>(
      client,
      { address: manager, abi: poaiManagerAbi, functionName: 'getJobDetails', args: [jobId] },
      { jobId },
    )
    escrow = job.escrowAddress
  }
  const nodes = await read<readonly Address[]>(
    client,
    { address: escrow, abi: cspEscrowAbi, functionName: 'getJobActiveNodes', args: [jobId] },
    { jobId },
  )
  return [...nodes]
}
