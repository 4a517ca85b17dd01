import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'

export type ParseMemoryParameters = string | number
/** Mebibytes (the oracle's `m` unit). */
export type ParseMemoryReturnType = number
export type ParseMemoryErrorType = InvalidParameterErrorType

const factors: Record<string, number> = {
  b: 1 / 1024 / 1024,
  k: 1 / 1024,
  m: 1,
  g: 1024,
  t: 1024 * 1024,
}

/**
 * Parses a memory size into MiB. Accepts what people write (`512m`, `512mb`, `512M`, `16GiB`, `2 GB`,
 * `1.5g`, `1t`; a bare number means MiB) and treats k/m/g/t as binary multiples like the oracle does.
 * The oracle itself only understands `"<n>m"`/`"<n>g"` and silently reads `"512mb"` as 0, so templates
 * parse here and send {@link formatMemory}'s canonical form.
 *
 * @throws {InvalidParameterError} for anything else, or a size that is not a whole number of MiB.
 *
 * @example
 * ```ts
 * import { parseMemory } from '@ratio1/sdk-deeploy'
 * parseMemory('16GiB') // 16384
 * parseMemory('512mb') // 512
 * ```
 */
export function parseMemory(value: ParseMemoryParameters): ParseMemoryReturnType {
  let mib: number | undefined
  if (typeof value === 'number') mib = value
  else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(?:([bkmgt])(?:i?b)?)?\s*$/i.exec(value)
    if (match) mib = Number(match[1]) * factors[(match[2] ?? 'm').toLowerCase()]!
  }
  if (mib === undefined || !Number.isFinite(mib) || mib <= 0 || !Number.isInteger(mib))
    throw new InvalidParameterError({
      field: 'memory',
      value,
      rule: "a positive size in whole MiB such as '512m', '512mb', '2g' or '16GiB'",
    })
  return mib
}
