import type { DeprecatedJobTypeErrorType, UnknownJobTypeErrorType } from '../errors/jobType.js'
import { DeprecatedJobTypeError, UnknownJobTypeError } from '../errors/jobType.js'
import { deprecatedJobTypes, type JobType, jobTypes } from './catalogue.js'

/** @see getJobType */
export type GetJobTypeErrorType = UnknownJobTypeErrorType | DeprecatedJobTypeErrorType

let index: Map<number, JobType> | undefined

/**
 * Looks up a job type by its on-chain id (a number or the bigint a contract read returns).
 *
 * @throws {DeprecatedJobTypeError} for the retired ids 10–15, naming the replacement.
 * @throws {UnknownJobTypeError} for any other id outside the catalogue.
 * @example
 * ```ts
 * import { getJobType } from '@ratio1/sdk-core'
 * const entry = getJobType(1)
 * entry.pricePerEpoch // 375_000n (0.375 USDC per node per epoch)
 * entry.resources // { cpu: 1, memoryMb: 2048, storageMb: 8192 }
 * ```
 */
export function getJobType(id: number | bigint): JobType {
  const numeric = typeof id === 'bigint' && id <= 1000n && id >= 0n ? Number(id) : id
  if (typeof numeric === 'number' && Number.isInteger(numeric)) {
    index ??= new Map(jobTypes.map((type) => [type.id, type]))
    const type = index.get(numeric)
    if (type) return type
    const deprecated = deprecatedJobTypes.find((entry) => entry.id === numeric)
    if (deprecated) {
      const replacement = index.get(deprecated.replacement)!
      throw new DeprecatedJobTypeError({
        jobType: deprecated.id,
        name: deprecated.name,
        replacement: replacement.id,
        replacementName: replacement.name,
      })
    }
  }
  throw new UnknownJobTypeError({ jobType: id })
}
