/**
 * A small persistence hook: where idempotent payments keep their journal and event watchers their cursor.
 * Values are plain data with bigints. Use `createMemoryStore()`, `createFileStore(path)` from
 * `@ratio1/sdk-escrow/node`, or adapt a database/`localStorage` in a few lines.
 */
export type KeyValueStore<value = unknown> = {
  get(key: string): Promise<value | undefined> | value | undefined
  set(key: string, value: value): Promise<void> | void
  delete(key: string): Promise<void> | void
}
