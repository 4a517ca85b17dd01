import { join } from 'node:path'
import type * as Sqlite from 'node:sqlite'
import { DeeployApiError, signRequest, verifyResponseSignature } from '@ratio1/sdk-deeploy'
import type { Address } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createStateStore, type StateStore } from '../src/store/createStateStore.js'
import { createManualClock, type ManualClock } from '../src/utils/clock.js'
import { clientFor, createHarness, type Harness, type ServeParameters } from './harness.js'

let h: Harness
let clock: ManualClock
let sharedPath: string
let storeA: StateStore
let storeB: StateStore
let urlA: string
let urlB: string

const sqlite = () => process.getBuiltinModule('node:sqlite') as typeof Sqlite

beforeAll(async () => {
  h = await createHarness()
  // Ahead of the wall clock, so the clients' nonces are in the past, and still: timestamps are exact.
  clock = createManualClock(Math.floor(Date.now() / 1000) * 1000 + 3_600_000)
  sharedPath = join(h.dir, 'shared.db')
  storeA = createStateStore({ path: join(h.dir, 'api-a.db'), sharedPath })
  storeB = createStateStore({ path: join(h.dir, 'api-b.db'), sharedPath })
  urlA = await serve()
  urlB = await serve({ store: storeB, privateKey: h.devnet.oracles[1]!.privateKey })
})
afterAll(async () => {
  await h?.stop()
  storeA?.close()
  storeB?.close()
})

/** The first oracle's API on `storeA` and this file's clock; its URL. */
const serve = async (overrides: ServeParameters = {}) =>
  (await h.serve({ store: storeA, clock, ...overrides })).url
const asCsp = (url = urlA) => clientFor(url, h.devnet.csp.privateKey)
const csp = () => privateKeyToAccount(h.devnet.csp.privateKey)
const node = (i: number) => h.fleet.keys[i]!.address
const short = (address: string) => `${address.slice(0, 12)}...${address.slice(-6)}`
const iso = (ms: number) => new Date(ms).toISOString()

const post = async (url: string, path: string, request: object) => {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ request }),
  })
  const text = await response.text()
  expect(verifyResponseSignature({ body: text }).valid).toBe(true)
  return JSON.parse(text).result as Record<string, unknown>
}
/** A save the client would refuse to send: signed by the CSP and posted as is. */
const rawSave = async (payload: Record<string, unknown>) =>
  post(
    urlA,
    '/save_preferred_nodes',
    await signRequest({ account: csp(), requestType: 'save preferred nodes', payload }),
  )
const apiError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeeployApiError)
  return (error as DeeployApiError).oracleMessage
}

describe('preferred nodes through the sdk-deeploy client', () => {
  test('round trip: normalized, stored as sorted compact JSON under the lower-cased owner, served by a second oracle on the shared database', async () => {
    const cspClient = asCsp()
    const empty = await cspClient.getPreferredNodes()
    expect(empty).toMatchObject({
      status: 'success',
      plus_level: 1,
      preferred_nodes: [],
      auth: { sender: h.devnet.csp.address, escrow_owner: h.devnet.csp.address },
    })
    expect(empty.auth?.sender_escrow?.toLowerCase()).toBe(h.devnet.csp.escrow.toLowerCase())

    const t0 = clock.now()
    const saved = await cspClient.savePreferredNodes({
      preferredNodes: [
        { address: `  ${node(0)} `, alias: '  gpu-1 ', description: ' first ' },
        { address: node(1) },
        // The dApp's older entries name the alias `label`.
        { address: node(2), label: '  legacy ' } as never,
        // A duplicate: its values win, the first entry's position stays.
        { address: node(0), alias: 'gpu-1b', description: 'replaced' },
      ],
    })
    const expected = [
      {
        address: node(0),
        alias: 'gpu-1b',
        createdAt: iso(t0),
        updatedAt: iso(t0),
        description: 'replaced',
      },
      { address: node(1), alias: short(node(1)), createdAt: iso(t0), updatedAt: iso(t0) },
      { address: node(2), alias: 'legacy', createdAt: iso(t0), updatedAt: iso(t0) },
    ]
    expect(saved.status).toBe('success')
    expect(saved.plus_level).toBe(1)
    expect(saved.preferred_nodes).toEqual(expected)

    // The stored value, byte for byte: keys sorted, no whitespace.
    const entry = (n: (typeof expected)[number]) =>
      `{"address":"${n.address}","alias":"${n.alias}","createdAt":"${n.createdAt}",${
        'description' in n ? `"description":"${n.description}",` : ''
      }"updatedAt":"${n.updatedAt}"}`
    expect(storeB.getPreferredNodes(h.devnet.csp.address)).toBe(
      `{"nodes":[${expected.map(entry).join(',')}],"updated_at":"${iso(t0)}","updated_by":"${h.devnet.csp.address}","version":1}`,
    )
    const db = new (sqlite().DatabaseSync)(sharedPath, { readOnly: true })
    expect(db.prepare('SELECT owner FROM preferred_nodes').all()).toEqual([
      { owner: h.devnet.csp.address.toLowerCase() },
    ])
    db.close()

    // The other oracle reads the same list from the shared database.
    expect((await asCsp(urlB).getPreferredNodes()).preferred_nodes).toEqual(expected)

    // A later save replaces the list; a node saved again keeps its createdAt.
    clock.advance(60_000)
    const resaved = await asCsp(urlB).savePreferredNodes({
      preferredNodes: [
        { address: node(3), alias: 'new' },
        { address: node(1), alias: 'renamed' },
      ],
    })
    expect(resaved.preferred_nodes).toEqual([
      {
        address: node(3),
        alias: 'new',
        createdAt: iso(t0 + 60_000),
        updatedAt: iso(t0 + 60_000),
      },
      { address: node(1), alias: 'renamed', createdAt: iso(t0), updatedAt: iso(t0 + 60_000) },
    ])
    expect((await cspClient.getPreferredNodes()).preferred_nodes).toEqual(resaved.preferred_nodes)
    expect(JSON.parse(storeA.getPreferredNodes(h.devnet.csp.address)!)).toMatchObject({
      updated_at: iso(t0 + 60_000),
      version: 1,
    })

    // Given timestamps are kept (normalized to ISO with milliseconds).
    const dated = await rawSave({
      preferred_nodes: [
        {
          address: node(4),
          createdAt: '2026-01-02T03:04:05Z',
          updatedAt: '2026-02-03T04:05:06.789Z',
        },
      ],
    })
    expect(dated.preferred_nodes).toEqual([
      {
        address: node(4),
        alias: short(node(4)),
        createdAt: '2026-01-02T03:04:05.000Z',
        updatedAt: '2026-02-03T04:05:06.789Z',
      },
    ])

    // An empty list clears it.
    expect((await cspClient.savePreferredNodes({ preferredNodes: [] })).preferred_nodes).toEqual([])
    expect((await cspClient.getPreferredNodes()).preferred_nodes).toEqual([])
  })

  test('one CSP neither sees nor changes another CSP’s list', async () => {
    // The stranger gets an escrow of its own.
    await h.escrowForStranger()

    const mine = asCsp()
    const theirs = clientFor(urlB, h.devnet.stranger.privateKey)
    await mine.savePreferredNodes({ preferredNodes: [{ address: node(0), alias: 'csp' }] })
    expect((await theirs.getPreferredNodes()).preferred_nodes).toEqual([])
    await theirs.savePreferredNodes({ preferredNodes: [{ address: node(5), alias: 'stranger' }] })
    expect((await mine.getPreferredNodes()).preferred_nodes.map((n) => n.alias)).toEqual(['csp'])
    expect((await theirs.getPreferredNodes()).preferred_nodes.map((n) => n.alias)).toEqual([
      'stranger',
    ])
    expect(JSON.parse(storeA.getPreferredNodes(h.devnet.stranger.address)!).updated_by).toBe(
      h.devnet.stranger.address,
    )
  })

  test('every refusal of §3.9 is a fail result with its message, and leaves the stored list alone', async () => {
    const cspClient = asCsp()
    await cspClient.savePreferredNodes({ preferredNodes: [{ address: node(0), alias: 'kept' }] })
    const before = storeA.getPreferredNodes(h.devnet.csp.address)

    // Plus level: asked for the sender's escrow; 0 refuses both endpoints, a failing lookup says so.
    const asked: Address[] = []
    const noPlus = await serve({
      plusLevel: (escrow) => {
        asked.push(escrow)
        return 0
      },
    })
    const brokenPlus = await serve({
      plusLevel: async () => {
        throw new Error('plus registry unreachable')
      },
    })
    const noPlusClient = asCsp(noPlus)
    const plusRefusal = `Plus+ access is required for Preferred Nodes. Escrow ${h.devnet.csp.escrow} has Plus level 0; upgrade it to Plus to keep a preferred-node list.`
    expect(await apiError(noPlusClient.getPreferredNodes())).toBe(plusRefusal)
    expect(
      await apiError(noPlusClient.savePreferredNodes({ preferredNodes: [{ address: node(1) }] })),
    ).toBe(plusRefusal)
    expect(asked.map((a) => a.toLowerCase())).toEqual([
      h.devnet.csp.escrow.toLowerCase(),
      h.devnet.csp.escrow.toLowerCase(),
    ])
    expect(await apiError(asCsp(brokenPlus).getPreferredNodes())).toBe(
      `Could not read the Plus level of escrow ${h.devnet.csp.escrow}: plus registry unreachable. Retry later.`,
    )

    const refusals: [Record<string, unknown>, string][] = [
      [
        {},
        "'preferred_nodes' is required for save_preferred_nodes. Send the full list (an empty list clears it).",
      ],
      [
        { preferred_nodes: 'gpu-1' },
        `'preferred_nodes' must be a list. Got string; send a list of {"address": "0xai_…", "alias": "…"} objects.`,
      ],
      [
        { preferred_nodes: null },
        `'preferred_nodes' must be a list. Got null; send a list of {"address": "0xai_…", "alias": "…"} objects.`,
      ],
      [
        { preferred_nodes: { address: node(0) } },
        `'preferred_nodes' must be a list. Got object; send a list of {"address": "0xai_…", "alias": "…"} objects.`,
      ],
      [
        { preferred_nodes: Array.from({ length: 101 }, (_, i) => ({ address: `0xai_n${i}` })) },
        'too many preferred nodes: 101 > 100',
      ],
      [
        { preferred_nodes: [{ address: node(0) }, { address: '0xai_not valid' }] },
        "Invalid preferred node address: 0xai_not valid. A node address is 0xai_ followed by letters, digits, '_' or '-' (entry 1).",
      ],
      [
        { preferred_nodes: [{ address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }] },
        "Invalid preferred node address: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8. A node address is 0xai_ followed by letters, digits, '_' or '-' (entry 0).",
      ],
      [
        { preferred_nodes: [{ alias: 'no address' }] },
        "Invalid preferred node address: (missing). A node address is 0xai_ followed by letters, digits, '_' or '-' (entry 0).",
      ],
      [
        { preferred_nodes: [node(0)] },
        `Invalid preferred node address: ${node(0)}. Each entry must be an object such as {"address": "0xai_…", "alias": "gpu-1"} (entry 0).`,
      ],
      [
        { preferred_nodes: [{ address: node(0), alias: 'a'.repeat(129) }] },
        `Preferred node alias is too long. The alias of ${node(0)} has 129 characters; at most 128 are allowed.`,
      ],
      [
        { preferred_nodes: [{ address: node(0), label: 'l'.repeat(130) }] },
        `Preferred node alias is too long. The alias of ${node(0)} has 130 characters; at most 128 are allowed.`,
      ],
      [
        { preferred_nodes: [{ address: node(0), alias: 7 }] },
        'Preferred node alias must be a string (entry 0 has 7).',
      ],
      [
        { preferred_nodes: [{ address: node(0), description: 'd'.repeat(513) }] },
        `Preferred node description is too long. The description of ${node(0)} has 513 characters; at most 512 are allowed.`,
      ],
      [
        { preferred_nodes: [{ address: node(0), createdAt: 'yesterday' }] },
        'Preferred node createdAt must be an ISO 8601 date such as 2026-01-31T12:00:00.000Z (entry 0 has yesterday).',
      ],
    ]
    for (const [payload, message] of refusals) {
      const result = await rawSave(payload)
      expect(result, JSON.stringify(payload).slice(0, 80)).toMatchObject({
        status: 'fail',
        error: message,
      })
    }
    // Within every per-entry limit, the stored JSON would pass 32 KiB.
    const bulky = Array.from({ length: 60 }, (_, i) => ({
      address: `0xai_node${i}`,
      alias: `node-${i}`,
      description: 'x'.repeat(500),
    }))
    expect(await apiError(cspClient.savePreferredNodes({ preferredNodes: bulky }))).toMatch(
      /^Preferred Nodes payload is too large\. The stored list would take 3\d{4} bytes; at most 32768 are allowed, so shorten descriptions or drop entries\.$/,
    )
    // Replaying a signed save is refused like any other write.
    const signed = await signRequest({
      account: csp(),
      requestType: 'save preferred nodes',
      payload: { preferred_nodes: [{ address: node(0), alias: 'kept' }] },
    })
    expect((await post(urlA, '/save_preferred_nodes', signed)).status).toBe('success')
    expect((await post(urlA, '/save_preferred_nodes', signed)).error).toBe(
      'Replayed request: this signed request was already processed. Sign a new request with a fresh nonce.',
    )
    // A wallet with no escrow has no list to read.
    const nobodyKey = generatePrivateKey()
    const nobody = privateKeyToAccount(nobodyKey)
    expect(await apiError(clientFor(urlA, nobodyKey).getPreferredNodes())).toBe(
      `Wallet ${nobody.address} has no active escrow`,
    )
    expect(storeA.getPreferredNodes(h.devnet.csp.address)).toBe(before)
  })

  test('a database that refuses the write, a missing table and an unreadable stored list are reported; a save repairs the list', async () => {
    const cspClient = asCsp()
    await cspClient.savePreferredNodes({ preferredNodes: [{ address: node(0), alias: 'kept' }] })
    const before = storeA.getPreferredNodes(h.devnet.csp.address)
    // The shared database itself refuses: a trigger, added by another connection, aborts writes.
    const admin = new (sqlite().DatabaseSync)(sharedPath)
    admin.exec(`CREATE TRIGGER refuse_update BEFORE UPDATE ON preferred_nodes
      BEGIN SELECT RAISE(ABORT, 'disk quota exceeded'); END`)
    try {
      expect(
        await apiError(cspClient.savePreferredNodes({ preferredNodes: [{ address: node(1) }] })),
      ).toBe(
        "Failed to save Preferred Nodes to CStore. The oracle's shared state database answered: disk quota exceeded. Retry; if it persists, the oracle's operator must check that database.",
      )
    } finally {
      admin.exec('DROP TRIGGER refuse_update')
      admin.close()
    }
    expect(storeA.getPreferredNodes(h.devnet.csp.address)).toBe(before)

    // The table is gone (another process dropped it): reads say so; opening a store recreates it.
    const dropper = new (sqlite().DatabaseSync)(sharedPath)
    dropper.exec('DROP TABLE preferred_nodes')
    dropper.close()
    expect(await apiError(cspClient.getPreferredNodes())).toBe(
      "Failed to load Preferred Nodes from CStore. The oracle's shared state database answered: no such table: preferred_nodes. Retry; if it persists, the oracle's operator must check that database.",
    )
    createStateStore({ path: join(h.dir, 'api-c.db'), sharedPath }).close()
    expect((await cspClient.getPreferredNodes()).preferred_nodes).toEqual([])

    storeA.savePreferredNodes(h.devnet.csp.address, '{"nodes": "truncated', clock.now())
    expect(await apiError(cspClient.getPreferredNodes())).toMatch(
      new RegExp(
        `^The stored Preferred Nodes of ${h.devnet.csp.address} are unreadable \\(.+\\)\\. Save the list again to replace them\\.$`,
      ),
    )
    const repaired = await cspClient.savePreferredNodes({
      preferredNodes: [{ address: node(2), alias: 'fresh' }],
    })
    expect(repaired.preferred_nodes.map((n) => n.alias)).toEqual(['fresh'])
    expect((await cspClient.getPreferredNodes()).preferred_nodes.map((n) => n.alias)).toEqual([
      'fresh',
    ])
  })
})
