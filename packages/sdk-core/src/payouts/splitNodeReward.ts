import type { BigIntExpectedErrorType, InvalidParameterErrorType } from '../errors/parameters.js'
import { toNonNegativeAmount } from '../internal/integers.js'
import { burnPercentage } from '../pricing/constants.js'

/** @see splitNodeReward */
export type SplitNodeRewardReturnType = {
  /** Swapped to R1 and burned: floor(15 %). */
  burn: bigint
  /** Credited to the node's virtual wallet: the rest, rounding remainder included. */
  node: bigint
}

/** @see splitNodeReward */
export type SplitNodeRewardErrorType = BigIntExpectedErrorType | InvalidParameterErrorType

/**
 * Splits one node's gross reward exactly as the escrow does when it allocates: the burn is
 * `amount × 15 / 100` rounded down, and the node keeps everything else, so `burn + node === amount`.
 *
 * @param amount - the node's gross reward in USDC base units (`pricePerEpoch × epochs`).
 * @example
 * ```ts
 * import { splitNodeReward } from '@ratio1/sdk-core'
 * splitNodeReward(375_000n) // { burn: 56_250n, node: 318_750n }
 * splitNodeReward(166_666n) // { burn: 24_999n, node: 141_667n }
 * ```
 */
export function splitNodeReward(amount: bigint): SplitNodeRewardReturnType {
  return splitValidatedReward(toNonNegativeAmount('amount', amount))
}

/** The split itself, for callers whose amount is already a checked bigint. */
export function splitValidatedReward(amount: bigint): SplitNodeRewardReturnType {
  const burn = (amount * burnPercentage) / 100n
  return { burn, node: amount - burn }
}
