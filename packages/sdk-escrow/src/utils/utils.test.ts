import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  createMemoryStore,
  decodeDelegatePermissions,
  encodeDelegatePermissions,
  generateProjectHash,
} from '../index.js'
import { createFileStore } from '../node.js'

describe('delegate permissions', () => {
  test('vectors: the bits of CspEscrow', () => {
    expect(encodeDelegatePermissions({ createJobs: true })).toBe(1n)
    expect(encodeDelegatePermissions({ extendDuration: true })).toBe(2n)
    expect(encodeDelegatePermissions({ extendNodes: true })).toBe(4n)
    expect(encodeDelegatePermissions({ redeemUnusedJob: true })).toBe(8n)
    expect(encodeDelegatePermissions({})).toBe(0n)
    expect(decodeDelegatePermissions(2n ** 200n + 5n)).toEqual({
      createJobs: true,
      extendDuration: false,
      extendNodes: true,
      redeemUnusedJob: false,
    })
  })

  test('decode(encode(p)) = p, and decode ignores bits above 3', () => {
    fc.assert(
      fc.property(
        fc.record({
          createJobs: fc.boolean(),
          extendDuration: fc.boolean(),
          extendNodes: fc.boolean(),
          redeemUnusedJob: fc.boolean(),
        }),
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        (permissions, noise) => {
          const mask = encodeDelegatePermissions(permissions)
          expect(decodeDelegatePermissions(mask)).toEqual(permissions)
          expect(decodeDelegatePermissions((noise & ~15n) | mask)).toEqual(permissions)
        },
      ),
    )
  })
})

test('project hashes are fresh 32-byte values', () => {
  const hashes = new Set(Array.from({ length: 100 }, generateProjectHash))
  expect(hashes.size).toBe(100)
  for (const hash of hashes) expect(hash).toMatch(/^0x[0-9a-f]{64}$/)
})

describe('stores', () => {
  const value = { status: 'sent', total: 2n ** 80n, ids: [1n, 2n], nested: { at: -3n } }

  test('the memory store copies values in and out', async () => {
    const store = createMemoryStore<typeof value>()
    await store.set('a', value)
    const read = await store.get('a')
    expect(read).toEqual(value)
    read!.ids.push(9n)
    expect((await store.get('a'))?.ids).toEqual([1n, 2n])
    await store.delete('a')
    expect(await store.get('a')).toBeUndefined()
  })

  test('the file store keeps bigints across processes and writes atomically', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sdk-escrow-')), 'deep', 'journal.json')
    const store = createFileStore<typeof value>(path)
    expect(await store.get('a')).toBeUndefined()
    await Promise.all([store.set('a', value), store.set('b', { ...value, status: 'b' })])
    const reopened = createFileStore<typeof value>(path)
    expect(await reopened.get('a')).toEqual(value)
    expect((await reopened.get('b'))?.status).toBe('b')
    expect(JSON.parse(readFileSync(path, 'utf8')).a.total).toEqual({ $bigint: `${2n ** 80n}` })
    await reopened.delete('a')
    expect(await store.get('a')).toBeUndefined()
  })

  test('round trip through the file store for any JSON value with bigints', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sdk-escrow-')), 'prop.json')
    const store = createFileStore<unknown>(path)
    await fc.assert(
      fc.asyncProperty(
        // JSON has no negative zero, so -0 is normalised to 0 before it is stored.
        fc
          .jsonValue()
          .map((json) => ({ json: JSON.parse(JSON.stringify(json)) as unknown, amount: 17n })),
        fc.bigInt(),
        async (entry, amount) => {
          const stored = { ...entry, amount }
          await store.set('k', stored)
          expect(await store.get('k')).toEqual(stored)
        },
      ),
      { numRuns: 30 },
    )
  })
})
