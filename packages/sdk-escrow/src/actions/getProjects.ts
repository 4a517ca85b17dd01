import type { JobDetails } from '@ratio1/sdk-core'
import type { Account, Address, Hex } from 'viem'
import { multicall } from 'viem/actions'
import { cspEscrowAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { toJob } from '../internal/jobs.js'
import { resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, JobWithEscrow, ManagerParameters } from '../internal/types.js'

export type GetProjectsParameters = ManagerParameters & {
  /** Default: the escrow the account owns or is a delegate of. */
  escrow?: Address | undefined
  account?: Account | Address | undefined
}
/** A project: the jobs of one escrow sharing a `projectHash`. */
export type EscrowProject = {
  projectHash: Hex
  /** Active jobs first (escrow order), then closed ones. */
  jobs: JobWithEscrow[]
  /** How many of the jobs are still active (pending or running). */
  activeJobs: number
}
export type GetProjectsReturnType = EscrowProject[]
export type GetProjectsErrorType = EscrowReadErrorType

/**
 * A CSP's projects, rebuilt from chain: its escrow's active and closed jobs grouped by `projectHash`, in
 * order of first appearance. Redeemed jobs are deleted by the escrow and so do not appear.
 *
 * @example
 * ```ts
 * import { getProjects } from '@ratio1/sdk-escrow'
 * for (const project of await getProjects(publicClient, { escrow }))
 *   console.log(project.projectHash, project.jobs.length)
 * ```
 */
export async function getProjects(
  client: EscrowClient,
  parameters: GetProjectsParameters = {},
): Promise<GetProjectsReturnType> {
  const escrow = await resolveEscrow(client, parameters)
  const [owner, active, closed] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { address: escrow, abi: cspEscrowAbi, functionName: 'cspOwner' },
      { address: escrow, abi: cspEscrowAbi, functionName: 'getActiveJobs' },
      { address: escrow, abi: cspEscrowAbi, functionName: 'getClosedJobs' },
    ],
  })
  const projects = new Map<Hex, EscrowProject>()
  const add = (jobs: readonly JobDetails[], isActive: boolean) => {
    for (const raw of jobs) {
      let project = projects.get(raw.projectHash)
      if (!project) {
        project = { projectHash: raw.projectHash, jobs: [], activeJobs: 0 }
        projects.set(raw.projectHash, project)
      }
      // A closed job that oracles reopened and closed again appears twice in Ratio1's history.
      if (project.jobs.some((job) => job.id === raw.id)) continue
      project.jobs.push(toJob(raw, escrow, owner))
      if (isActive) project.activeJobs++
    }
  }
  add(active, true)
  add(closed, false)
  return [...projects.values()]
}
