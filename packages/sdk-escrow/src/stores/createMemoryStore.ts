import type { KeyValueStore } from './types.js'

/**
 * A `KeyValueStore` in memory. It survives nothing but the object itself: use it in tests, or to share
 * state between calls within one process. Values are copied in and out, like a real store.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from '@ratio1/sdk-escrow'
 * const journal = createMemoryStore()
 * await client.createJobsIdempotent({ key: 'order-17', journal, jobs })
 * ```
 */
export function createMemoryStore<value = unknown>(): KeyValueStore<value> {
  const entries = new Map<string, value>()
  return {
    get: (key) => {
      const value = entries.get(key)
      return value === undefined ? undefined : structuredClone(value)
    },
    set: (key, value) => {
      entries.set(key, structuredClone(value))
    },
    delete: (key) => {
      entries.delete(key)
    },
  }
}
