/**
 * @internal Builds a value on first use. Schemas are created through this (with a pure annotation at
 * the call site) so a bundler drops the ones an app never uses.
 */
export function memo<T>(build: () => T): () => T {
  let value: T | undefined
  return () => {
    value ??= build()
    return value
  }
}
