import { describeValue, docsAnchor } from '../internal/describe.js'
import { BaseError } from './base.js'

/** @see UnknownJobTypeError */
export type UnknownJobTypeErrorType = UnknownJobTypeError & { name: 'UnknownJobTypeError' }

/**
 * The job type id is not in the on-chain catalogue (valid ids: 1–9, 16–40, 50–54); the escrow would revert
 * with "Invalid job type".
 *
 * @example
 * ```ts
 * import { UnknownJobTypeError } from '@ratio1/sdk-core'
 * throw new UnknownJobTypeError({ jobType: 99 })
 * ```
 */
export class UnknownJobTypeError extends BaseError {
  override name = 'UnknownJobTypeError' as const
  readonly jobType: unknown
  constructor({ jobType }: { jobType: unknown }) {
    super(
      `Unknown job type ${describeValue(jobType)}: valid ids are 1–9, 16–40 and 50–54 (the escrow reverts with "Invalid job type").`,
      {
        docsPath: docsAnchor('UnknownJobTypeError'),
        metaMessages: [
          'List the catalogue with `jobTypes`, or pick one by resources with `findJobType`.',
        ],
      },
    )
    this.jobType = jobType
  }
}

/** @see DeprecatedJobTypeError */
export type DeprecatedJobTypeErrorType = DeprecatedJobTypeError & { name: 'DeprecatedJobTypeError' }

/**
 * The job type was retired on chain (ids 10–15, the old database tiers); the escrow reverts with
 * "Deprecated job type". The message names the type that replaced it.
 *
 * @example
 * ```ts
 * import { DeprecatedJobTypeError } from '@ratio1/sdk-core'
 * throw new DeprecatedJobTypeError({ jobType: 10, name: 'PGSQL_LOW', replacement: 50, replacementName: 'SERVICE_ENTRY' })
 * ```
 */
export class DeprecatedJobTypeError extends BaseError {
  override name = 'DeprecatedJobTypeError' as const
  readonly jobType: number
  readonly replacement: number
  constructor({
    jobType,
    name,
    replacement,
    replacementName,
  }: { jobType: number; name: string; replacement: number; replacementName: string }) {
    super(
      `Job type ${jobType} (${name}) is deprecated and cannot be bought; use job type ${replacement} (${replacementName}) instead.`,
      { docsPath: docsAnchor('DeprecatedJobTypeError') },
    )
    this.jobType = jobType
    this.replacement = replacement
  }
}

/** @see NoMatchingJobTypeError */
export type NoMatchingJobTypeErrorType = NoMatchingJobTypeError & { name: 'NoMatchingJobTypeError' }

/**
 * No tier of the catalogue grants the requested resources.
 *
 * @example
 * ```ts
 * import { NoMatchingJobTypeError } from '@ratio1/sdk-core'
 * throw new NoMatchingJobTypeError({ requirements: { cpu: 64 } })
 * ```
 */
export class NoMatchingJobTypeError extends BaseError {
  override name = 'NoMatchingJobTypeError' as const
  readonly requirements: unknown
  constructor({ requirements }: { requirements: unknown }) {
    super(
      `No job type grants ${describeValue(requirements)}: the largest tiers offer 22 cores and 124 GiB (ULTRA2 / N_ULTRA).`,
      {
        docsPath: docsAnchor('NoMatchingJobTypeError'),
        metaMessages: ['Lower the requirements or split the workload over more nodes.'],
      },
    )
    this.requirements = requirements
  }
}
