/** What a delegate may do in an escrow. The CSP owner may do everything. */
export type DelegatePermissions = {
  /** `createJobs` (bit 0). */
  createJobs: boolean
  /** `extendJobDuration` (bit 1). */
  extendDuration: boolean
  /** `extendJobNodes` (bit 2). */
  extendNodes: boolean
  /** `redeemUnusedJob` and, on our contracts, `withdrawClosedJobBalance` (bit 3). */
  redeemUnusedJob: boolean
}

const bits = {
  createJobs: 1n,
  extendDuration: 2n,
  extendNodes: 4n,
  redeemUnusedJob: 8n,
} as const satisfies Record<keyof DelegatePermissions, bigint>

/**
 * Turns a permission set into the escrow's bitmask (`PERMISSION_*` constants of CspEscrow).
 *
 * @example
 * ```ts
 * import { encodeDelegatePermissions } from '@ratio1/sdk-escrow'
 * encodeDelegatePermissions({ createJobs: true, redeemUnusedJob: true }) // 9n
 * ```
 */
export function encodeDelegatePermissions(permissions: Partial<DelegatePermissions>): bigint {
  let mask = 0n
  for (const key of Object.keys(bits) as (keyof DelegatePermissions)[])
    if (permissions[key]) mask |= bits[key]
  return mask
}

/**
 * Reads the escrow's permission bitmask as a permission set (bits above 3 mean nothing and are ignored).
 *
 * @example
 * ```ts
 * import { decodeDelegatePermissions } from '@ratio1/sdk-escrow'
 * decodeDelegatePermissions(6n) // { createJobs: false, extendDuration: true, extendNodes: true, redeemUnusedJob: false }
 * ```
 */
export function decodeDelegatePermissions(mask: bigint): DelegatePermissions {
  return {
    createJobs: (mask & bits.createJobs) !== 0n,
    extendDuration: (mask & bits.extendDuration) !== 0n,
    extendNodes: (mask & bits.extendNodes) !== 0n,
    redeemUnusedJob: (mask & bits.redeemUnusedJob) !== 0n,
  }
}
