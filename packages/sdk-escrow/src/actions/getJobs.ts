import type { JobDetails } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { multicall } from 'viem/actions'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { toJob } from '../internal/jobs.js'
import { resolveManager } from '../internal/resolve.js'
import type {
  EscrowClient,
  JobWithEscrow,
  ManagerParameters,
  MulticallParameters,
} from '../internal/types.js'

export type GetJobsParameters = ManagerParameters &
  MulticallParameters & {
    jobIds: readonly bigint[]
    /** Read every job from this escrow (cheaper per job); default: through the PoAIManager. */
    escrow?: Address | undefined
  }
/** One entry per requested id, in order; `null` where the job does not exist (or was redeemed). */
export type GetJobsReturnType = (JobWithEscrow | null)[]
export type GetJobsErrorType = EscrowReadErrorType

/**
 * Reads many jobs in **one** `eth_call` through Multicall3 (no calldata chunking): 500 jobs are one RPC
 * round trip. Missing ids come back as `null` instead of failing the batch.
 *
 * @example
 * ```ts
 * import { getJobs } from '@ratio1/sdk-escrow'
 * const jobs = await getJobs(publicClient, { manager, jobIds: [1n, 2n, 3n] })
 * ```
 */
export async function getJobs(
  client: EscrowClient,
  parameters: GetJobsParameters,
): Promise<GetJobsReturnType> {
  const { jobIds, escrow, multicallAddress } = parameters
  if (jobIds.length === 0) return []
  if (escrow) {
    // The owner read rides in the same multicall as the jobs: still one round trip.
    const results = (await multicall(client, {
      allowFailure: true,
      batchSize: 0,
      multicallAddress,
      contracts: [
        { address: escrow, abi: cspEscrowAbi, functionName: 'cspOwner' },
        ...jobIds.map((jobId) => ({
          address: escrow,
          abi: cspEscrowAbi,
          functionName: 'getJobDetails',
          args: [jobId],
        })),
      ] as never,
    })) as { status: 'success' | 'failure'; result?: unknown; error?: Error }[]
    const [owner, ...jobs] = results
    if (owner?.status !== 'success') throw owner?.error
    return jobs.map((entry) => {
      const raw = entry.status === 'success' ? (entry.result as JobDetails) : undefined
      return raw && raw.id !== 0n ? toJob(raw, escrow, owner.result as Address) : null
    })
  }
  const manager = resolveManager(client, parameters)
  const results = await multicall(client, {
    allowFailure: true,
    batchSize: 0,
    multicallAddress,
    contracts: jobIds.map(
      (jobId) =>
        ({
          address: manager,
          abi: poaiManagerAbi,
          functionName: 'getJobDetails',
          args: [jobId],
        }) as const,
    ),
  })
  return results.map((result) => {
    if (result.status !== 'success' || result.result.id === 0n) return null
    return toJob(result.result, result.result.escrowAddress, result.result.escrowOwner)
  })
}
