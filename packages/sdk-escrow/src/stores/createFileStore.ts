import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { KeyValueStore } from './types.js'

const bigintTag = '$bigint'

function replacer(_: string, value: unknown): unknown {
  return typeof value === 'bigint' ? { [bigintTag]: value.toString() } : value
}

function reviver(_: string, value: unknown): unknown {
  if (value && typeof value === 'object' && bigintTag in value) {
    const text = (value as Record<string, unknown>)[bigintTag]
    if (typeof text === 'string' && Object.keys(value).length === 1) return BigInt(text)
  }
  return value
}

/**
 * A `KeyValueStore` in one JSON file (Node.js only; from `@ratio1/sdk-escrow/node`). Every write replaces
 * the file atomically (write to a temporary file, then rename), so a process killed mid-write leaves the
 * previous state intact. Suits one process per file.
 *
 * @example
 * ```ts
 * import { createFileStore } from '@ratio1/sdk-escrow/node'
 * const journal = createFileStore('./payments.json')
 * await client.createJobsIdempotent({ key: 'order-17', journal, jobs })
 * ```
 */
export function createFileStore<value = unknown>(path: string): KeyValueStore<value> {
  let queue: Promise<unknown> = Promise.resolve()
  const load = async (): Promise<Record<string, value>> => {
    try {
      return JSON.parse(await readFile(path, 'utf8'), reviver) as Record<string, value>
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return {}
      throw error
    }
  }
  const save = async (entries: Record<string, value>) => {
    await mkdir(dirname(path), { recursive: true })
    const temporary = `${path}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(entries, replacer, 2))
    await rename(temporary, path)
  }
  // Writes are serialised so two concurrent `set`s cannot lose each other's update.
  const exclusive = <result>(run: () => Promise<result>): Promise<result> => {
    const next = queue.then(run, run)
    queue = next.catch(() => undefined)
    return next
  }
  return {
    get: async (key) => (await load())[key],
    set: (key, value) =>
      exclusive(async () => {
        const entries = await load()
        entries[key] = JSON.parse(JSON.stringify(value, replacer), reviver) as value
        await save(entries)
      }),
    delete: (key) =>
      exclusive(async () => {
        const entries = await load()
        delete entries[key]
        await save(entries)
      }),
  }
}
