import { InvalidParameterError } from '@ratio1/sdk-core'

/** @internal Job ids are uint256 on-chain but JSON integers on the wire; refuse ids JSON cannot carry. */
export function toWireJobId(value: bigint | number, field = 'jobId'): number {
  const n = typeof value === 'bigint' ? Number(value) : value
  if (!Number.isSafeInteger(n) || n <= 0 || (typeof value === 'bigint' && BigInt(n) !== value))
    throw new InvalidParameterError({ field, value, rule: 'a positive job id below 2^53' })
  return n
}

/** @internal */
export function requireNonEmpty(field: string, value: readonly unknown[] | undefined): void {
  if (!value || value.length === 0)
    throw new InvalidParameterError({ field, value, rule: 'a non-empty list' })
}
