import type { NoMatchingJobTypeErrorType } from '../errors/jobType.js'
import { NoMatchingJobTypeError } from '../errors/jobType.js'
import type { InvalidParameterErrorType } from '../errors/parameters.js'
import { InvalidParameterError } from '../errors/parameters.js'
import { type GpuTier, type JobType, jobTypes } from './catalogue.js'
import { getJobType } from './getJobType.js'

/** What a node of the job must offer at least. */
export type FindJobTypeParameters = {
  /** Minimum vCPU cores. */
  cpu?: number | undefined
  /** Minimum memory in MiB (8 GiB = 8192). */
  memoryMb?: number | undefined
  /** Minimum container storage in MiB (native tiers, which use the node's full storage, always qualify). */
  storageMb?: number | undefined
  /** The kind of app. Defaults to `'generic'` (container apps). */
  category?: 'generic' | 'native' | 'service' | undefined
  /**
   * Ask for a GPU: `true` for any, or the lowest acceptable GPU tier. The result is then a combined CPU+GPU
   * job type (21–40), which is the id that must be paid on chain.
   */
  gpu?: boolean | GpuTier['id'] | undefined
}

/** @see findJobType */
export type FindJobTypeReturnType = JobType

/** @see findJobType */
export type FindJobTypeErrorType = NoMatchingJobTypeErrorType | InvalidParameterErrorType

function checkMinimum(field: string, value: unknown): number {
  if (value === undefined) return 0
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new InvalidParameterError({ field, value, rule: 'a non-negative number' })
  return value
}

/**
 * Finds the cheapest job type whose nodes grant at least the requested resources. With `gpu` it returns
 * the combined CPU+GPU type (ids 21–40), since that is what the escrow charges for.
 *
 * @throws {NoMatchingJobTypeError} when no tier is large enough.
 * @example
 * ```ts
 * import { findJobType } from '@ratio1/sdk-core'
 * findJobType({ cpu: 4, memoryMb: 8 * 1024 }).name // 'MED2' (6 cores, 14 GiB)
 * findJobType({ cpu: 4, memoryMb: 8 * 1024, gpu: true }).name // 'G_ENTRY_MED2'
 * ```
 */
export function findJobType(parameters: FindJobTypeParameters): FindJobTypeReturnType {
  const cpu = checkMinimum('cpu', parameters.cpu)
  const memoryMb = checkMinimum('memoryMb', parameters.memoryMb)
  const storageMb = checkMinimum('storageMb', parameters.storageMb)
  const category = parameters.category ?? 'generic'
  if (!['generic', 'native', 'service'].includes(category))
    throw new InvalidParameterError({
      field: 'category',
      value: category,
      rule: '"generic", "native" or "service"',
    })
  const minimumGpuRank =
    parameters.gpu === undefined || parameters.gpu === false
      ? 0
      : parameters.gpu === true
        ? 1
        : rankOf(parameters.gpu)

  let best: JobType | undefined
  for (const type of jobTypes) {
    const baseCategory =
      type.baseJobType === undefined ? type.category : getJobType(type.baseJobType).category
    if (baseCategory !== category) continue
    const gpuRank = type.resources.gpu?.rank ?? 0
    if (minimumGpuRank === 0 ? gpuRank !== 0 : gpuRank < minimumGpuRank) continue
    const { resources } = type
    if (resources.cpu < cpu || resources.memoryMb < memoryMb) continue
    if (resources.storageMb !== undefined && resources.storageMb < storageMb) continue
    if (!best || type.pricePerEpoch < best.pricePerEpoch) best = type
  }
  if (!best) throw new NoMatchingJobTypeError({ requirements: parameters })
  return best
}

function rankOf(tier: unknown): number {
  const ranks: Record<string, number> = { G_ENTRY: 1, G_MED: 2, G_HIGH: 3, G_ULTRA: 4 }
  const rank = typeof tier === 'string' ? ranks[tier] : undefined
  if (rank === undefined)
    throw new InvalidParameterError({
      field: 'gpu',
      value: tier,
      rule: 'true or one of "G_ENTRY", "G_MED", "G_HIGH", "G_ULTRA"',
    })
  return rank
}
