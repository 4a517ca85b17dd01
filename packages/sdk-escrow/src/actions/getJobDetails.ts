import type { JobDetails } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { multicall } from 'viem/actions'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'
import { JobNotFoundError } from '../errors/escrow.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { toJob } from '../internal/jobs.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, JobWithEscrow, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetJobDetailsParameters = ManagerParameters & {
  jobId: bigint
  /** Read from this escrow directly (works for closed jobs too); default: ask the PoAIManager. */
  escrow?: Address | undefined
}
export type GetJobDetailsReturnType = JobWithEscrow
export type GetJobDetailsErrorType = EscrowReadErrorType

/**
 * Reads one job with its escrow and CSP owner. Through the PoAIManager by default (`getJobDetails`,
 * which reverts for unknown ids); with `escrow`, from that escrow (which returns an empty job instead).
 * Either way an unknown or redeemed id throws `JobNotFoundError`.
 *
 * @example
 * ```ts
 * import { getJobDetails } from '@ratio1/sdk-escrow'
 * const job = await getJobDetails(publicClient, { manager, jobId: 1n })
 * console.log(job.balance, job.activeNodes, job.escrowAddress)
 * ```
 */
export async function getJobDetails(
  client: EscrowClient,
  parameters: GetJobDetailsParameters,
): Promise<GetJobDetailsReturnType> {
  const { jobId, escrow } = parameters
  if (escrow) {
    const [raw, owner] = await multicall(client, {
      allowFailure: false,
      contracts: [
        { address: escrow, abi: cspEscrowAbi, functionName: 'getJobDetails', args: [jobId] },
        { address: escrow, abi: cspEscrowAbi, functionName: 'cspOwner' },
      ],
    })
    if (raw.id === 0n) throw new JobNotFoundError({ jobId, escrow })
    return toJob(raw, escrow, owner)
  }
  const manager = resolveManager(client, parameters)
  const raw = await read<JobDetails & { escrowAddress: Address; escrowOwner: Address }>(
    client,
    { address: manager, abi: poaiManagerAbi, functionName: 'getJobDetails', args: [jobId] },
    { jobId },
  )
  return toJob(raw, raw.escrowAddress, raw.escrowOwner)
}
