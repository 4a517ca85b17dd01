import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'

export type FormatMemoryParameters = number
/** `"<n>g"` for whole GiB, else `"<n>m"`. */
export type FormatMemoryReturnType = `${number}g` | `${number}m`
export type FormatMemoryErrorType = InvalidParameterErrorType

/**
 * Writes a size in MiB the way the oracle parses it without loss: `"<n>g"` for whole GiB, `"<n>m"`
 * otherwise (as the dApp does).
 *
 * @example
 * ```ts
 * import { formatMemory } from '@ratio1/sdk-deeploy'
 * formatMemory(2048) // '2g'
 * formatMemory(512) // '512m'
 * ```
 */
export function formatMemory(mib: FormatMemoryParameters): FormatMemoryReturnType {
  if (!Number.isInteger(mib) || mib <= 0)
    throw new InvalidParameterError({
      field: 'memory',
      value: mib,
      rule: 'a positive whole number of MiB',
    })
  return mib % 1024 === 0 ? `${mib / 1024}g` : `${mib}m`
}
