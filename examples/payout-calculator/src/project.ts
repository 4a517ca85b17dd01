import { readFileSync } from 'node:fs'
import { formatUsdc, projectNodeEarnings } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { UsageError } from './jobTypeOption.js'
import type { Report } from './report.js'

/** Options of the `project` command. */
export type ProjectOptions = {
  /** The node: an EVM address or a `0xai_` address. */
  node?: string | undefined
  /** A JSON file with the jobs (as `getJobDetails` returns them, integers as strings). */
  jobs?: string | undefined
  throughEpoch?: string | undefined
}

type JobInput = {
  id: bigint
  pricePerEpoch: bigint
  lastExecutionEpoch: bigint
  lastAllocatedEpoch: bigint
  activeNodes: Address[]
}

function toBigInt(value: unknown, where: string): bigint {
  if (
    (typeof value === 'string' && /^\d+$/.test(value)) ||
    (typeof value === 'number' && Number.isSafeInteger(value))
  )
    return BigInt(value)
  throw new UsageError(`${where} must be a whole number in base units (a string such as "375000").`)
}

/** Reads a jobs file: an array of `{ id, pricePerEpoch, lastExecutionEpoch, lastAllocatedEpoch, activeNodes }`. */
export function readJobs(path: string): JobInput[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UsageError(`Cannot read jobs from ${path}: ${(error as Error).message}`)
  }
  if (!Array.isArray(parsed)) throw new UsageError(`${path} must hold a JSON array of jobs.`)
  return parsed.map((job: Record<string, unknown>, index) => {
    const where = `jobs[${index}]`
    if (!Array.isArray(job.activeNodes))
      throw new UsageError(`${where}.activeNodes must be an array of addresses.`)
    return {
      id: toBigInt(job.id, `${where}.id`),
      pricePerEpoch: toBigInt(job.pricePerEpoch, `${where}.pricePerEpoch`),
      lastExecutionEpoch: toBigInt(job.lastExecutionEpoch, `${where}.lastExecutionEpoch`),
      lastAllocatedEpoch: toBigInt(job.lastAllocatedEpoch, `${where}.lastAllocatedEpoch`),
      activeNodes: job.activeNodes as Address[],
    }
  })
}

/** What a node will still be credited by a set of jobs if their node sets stay as they are. */
export function projectReport(options: ProjectOptions): Report {
  if (!options.node || !options.jobs)
    throw new UsageError('project needs --node and --jobs <file.json>.')
  const projection = projectNodeEarnings({
    node: options.node,
    jobs: readJobs(options.jobs),
    throughEpoch: options.throughEpoch === undefined ? undefined : BigInt(options.throughEpoch),
  })
  return {
    title: `Projected earnings of ${projection.node}`,
    tables: [
      {
        headers: ['job', 'slots', 'epochs', 'credited (USDC)', 'burned (USDC)'],
        rows: projection.jobs.map((job) => [
          `${job.jobId}`,
          `${job.slots}`,
          `${job.epochs}`,
          formatUsdc(job.net),
          formatUsdc(job.burn),
        ]),
      },
    ],
    notes: [
      `Total: ${formatUsdc(projection.net)} USDC credited (claimable as R1), ${formatUsdc(projection.burn)} USDC burned.`,
    ],
    data: projection,
  }
}
