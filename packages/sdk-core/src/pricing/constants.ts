/**
 * The fewest epochs a new job can be paid for; the escrow rejects fewer
 * ("Number of epochs must be greater than 30", although exactly 30 is accepted).
 *
 * @example
 * ```ts
 * import { minimumJobEpochs } from '@ratio1/sdk-core'
 * minimumJobEpochs // 30n
 * ```
 */
export const minimumJobEpochs = 30n

/**
 * The share of every allocated node reward that is swapped to R1 and burned, in percent.
 *
 * @example
 * ```ts
 * import { burnPercentage } from '@ratio1/sdk-core'
 * burnPercentage // 15n
 * ```
 */
export const burnPercentage = 15n

/**
 * Seconds after payment before a job that never started may be redeemed.
 *
 * @example
 * ```ts
 * import { redemptionCooldown } from '@ratio1/sdk-core'
 * redemptionCooldown // 3600n
 * ```
 */
export const redemptionCooldown = 3_600n
