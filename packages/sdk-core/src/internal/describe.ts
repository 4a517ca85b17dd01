/** Renders a user-supplied value for an error message, keeping its type visible (`5n`, `"5"`, `5`). */
export function describeValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'number' || value === undefined) return String(value)
  try {
    return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value)
  } catch {
    return String(value)
  }
}

/** The anchor of an error class in the errors guide. */
export function docsAnchor(name: string): string {
  return `#${name.toLowerCase()}`
}
