import { canonicalNodeSet, hashNodeSet } from '@ratio1/sdk-core'
import fc from 'fast-check'
import type { Address } from 'viem'
import { describe, expect, test } from 'vitest'
import { createSimulatedFleet } from '../fleet/createSimulatedFleet.js'
import { getFleetView } from '../fleet/getFleetView.js'
import { createStateStore } from '../store/createStateStore.js'
import { createSeededRng } from '../utils/rng.js'
import { decideAvailability, repairKey } from './decideAvailability.js'
import { closureKey, decideClosure } from './decideClosure.js'
import { decideRewards, rewardsKey } from './decideRewards.js'
import { decideValidation } from './decideValidation.js'
import type { ChainJob, ChainView, FleetView } from './types.js'

const oracles: Address[] = [
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
]
const fleet = createSimulatedFleet({ size: 6, seed: 'loops-test' })
const [n0, n1, n2, n3] = fleet.keys

function job(id: bigint, overrides: Partial<ChainJob> = {}): ChainJob {
  return {
    id,
    projectHash: `0x${'11'.repeat(32)}`,
    requestTimestamp: 1_000n,
    startTimestamp: 2_000n,
    lastNodesChangeTimestamp: 2_000n,
    jobType: 1n,
    pricePerEpoch: 375_000n,
    lastExecutionEpoch: 40n,
    numberOfNodesRequested: 2n,
    balance: 1n,
    lastAllocatedEpoch: 9n,
    activeNodes: [],
    escrowAddress: '0x0000000000000000000000000000000000000e5c',
    escrowOwner: '0x00000000000000000000000000000000000000a1',
    ...overrides,
  }
}

function chain(overrides: Partial<ChainView> = {}): ChainView {
  return {
    oracle: oracles[0]!,
    oracles,
    currentEpoch: 10n,
    blockTimestamp: 100_000n,
    unvalidatedJobIds: [],
    openRoundJobIds: [],
    firstClosableJobId: 0n,
    lastEpochAllocated: true,
    jobs: [],
    balance: 10n ** 18n,
    ...overrides,
  }
}

const emptyLedger = { hasSubmitted: () => false }
const emptySchedule = { get: () => undefined }

function view(placements: [number, bigint][], offline: number[] = []): FleetView {
  return {
    nodes: fleet.keys.map((k, i) => ({
      address: k.address,
      ethAddress: k.ethAddress,
      online: !offline.includes(i),
      load: placements.filter(([n]) => n === i).length,
    })),
    workloads: placements.map(([n, jobId]) => ({ node: fleet.keys[n]!.address, jobId })),
  }
}

describe('decideValidation', () => {
  test('votes the observed set, in canonical order, for each unvalidated job', () => {
    const actions = decideValidation({
      chain: chain({ unvalidatedJobIds: [5n, 6n] }),
      fleet: view([
        [2, 5n],
        [0, 5n],
        [1, 7n],
      ]),
      ledger: emptyLedger,
    })
    const nodes = canonicalNodeSet([n0!.ethAddress, n2!.ethAddress])
    expect(actions).toEqual([
      {
        type: 'submitNodeUpdate',
        jobId: 5n,
        nodes,
        nodesHash: hashNodeSet(nodes),
        epoch: 10n,
        loop: 'validation',
      },
    ])
  })

  test('the closable job is voted empty only once nothing runs it', () => {
    const running = decideValidation({
      chain: chain({ unvalidatedJobIds: [5n], firstClosableJobId: 5n }),
      fleet: view([[0, 5n]]),
      ledger: emptyLedger,
    })
    expect(running).toEqual([])
    const stopped = decideValidation({
      chain: chain({ unvalidatedJobIds: [5n], firstClosableJobId: 5n }),
      fleet: view([]),
      ledger: emptyLedger,
    })
    expect(stopped.map((a) => a.type === 'submitNodeUpdate' && a.nodes)).toEqual([[]])
  })

  test('offline nodes do not count, and a ledger entry prevents a second submission', () => {
    const actions = decideValidation({
      chain: chain({ unvalidatedJobIds: [5n] }),
      fleet: view(
        [
          [0, 5n],
          [1, 5n],
        ],
        [1],
      ),
      ledger: emptyLedger,
    })
    expect(actions[0]!.nodes).toEqual([n0!.ethAddress])
    const again = decideValidation({
      chain: chain({ unvalidatedJobIds: [5n] }),
      fleet: view([[0, 5n]]),
      ledger: { hasSubmitted: (j, e, h) => j === 5n && e === 10n && h === actions[0]!.nodesHash },
    })
    expect(again).toEqual([])
  })

  test('property: every vote is canonical, de-duplicated and made only for unvalidated jobs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.bigInt({ min: 1n, max: 6n })), {
          maxLength: 30,
        }),
        fc.uniqueArray(fc.bigInt({ min: 1n, max: 6n }), { maxLength: 6 }),
        fc.bigInt({ min: 0n, max: 6n }),
        (placements, unvalidated, closable) => {
          const actions = decideValidation({
            chain: chain({ unvalidatedJobIds: unvalidated, firstClosableJobId: closable }),
            fleet: view(placements),
            ledger: emptyLedger,
          })
          for (const action of actions) {
            expect(unvalidated).toContain(action.jobId)
            expect(action.nodes).toEqual(canonicalNodeSet(action.nodes))
            expect(new Set(action.nodes).size).toBe(action.nodes.length)
            expect(action.nodesHash).toBe(hashNodeSet(action.nodes))
            if (action.jobId === closable) expect(action.nodes).toEqual([])
            else expect(action.nodes.length).toBeGreaterThan(0)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('decideClosure', () => {
  test('schedules a seeded backoff, then tears down and proposes the empty set once', () => {
    const rng = createSeededRng(3)
    const base = { chain: chain({ firstClosableJobId: 4n }), ledger: emptyLedger, rng }
    const [scheduled] = decideClosure({ ...base, fleet: view([]), schedule: emptySchedule, now: 0 })
    expect(scheduled).toMatchObject({ type: 'schedule', key: closureKey(4n) })
    const at = (scheduled as { at: number }).at
    expect(at).toBeGreaterThanOrEqual(1_000)
    expect(at).toBeLessThanOrEqual(250_000)
    // Same seed, same delay.
    expect(
      decideClosure({
        ...base,
        rng: createSeededRng(3),
        fleet: view([]),
        schedule: emptySchedule,
        now: 0,
      }),
    ).toEqual([scheduled])

    const schedule = { get: () => ({ at, done: false }) }
    expect(decideClosure({ ...base, fleet: view([[1, 4n]]), schedule, now: at - 1 })).toEqual([])
    const due = decideClosure({
      ...base,
      fleet: view([
        [1, 4n],
        [3, 4n],
      ]),
      schedule,
      now: at,
    })
    expect(due.map((a) => a.type)).toEqual([
      'stopWorkload',
      'stopWorkload',
      'submitNodeUpdate',
      'complete',
    ])
    expect(due[2]).toMatchObject({ nodes: [], nodesHash: hashNodeSet([]), loop: 'closure' })
    expect(
      decideClosure({
        ...base,
        fleet: view([]),
        schedule: { get: () => ({ at, done: true }) },
        now: at,
      }),
    ).toEqual([])
  })
})

describe('decideRewards', () => {
  test('staggers, allocates once due, and stands down when another oracle allocated', () => {
    const rng = createSeededRng(9)
    const key = rewardsKey(9n)
    const unallocated = chain({ lastEpochAllocated: false })
    const [first] = decideRewards({ chain: unallocated, schedule: emptySchedule, now: 0, rng })
    expect(first).toMatchObject({ type: 'schedule', key })
    const at = (first as { at: number }).at
    const schedule = { get: () => ({ at, done: false }) }
    expect(decideRewards({ chain: unallocated, schedule, now: at - 1, rng })).toEqual([])
    expect(decideRewards({ chain: unallocated, schedule, now: at, rng })).toEqual([
      { type: 'allocateRewards', epoch: 9n, pageSize: undefined, scheduleKey: key },
      { type: 'complete', key },
    ])
    expect(decideRewards({ chain: chain(), schedule, now: at, rng })).toEqual([
      { type: 'complete', key },
    ])
    expect(decideRewards({ chain: chain({ currentEpoch: 0n }), schedule, now: at, rng })).toEqual(
      [],
    )
  })

  test('paginates on large networks', () => {
    const jobs = Array.from({ length: 201 }, (_, i) => job(BigInt(i + 1)))
    const actions = decideRewards({
      chain: chain({ lastEpochAllocated: false, jobs }),
      schedule: { get: () => ({ at: 0, done: false }) },
      now: 1,
      rng: createSeededRng(1),
      pageSize: 50,
    })
    expect(actions[0]).toEqual({
      type: 'allocateRewards',
      epoch: 9n,
      pageSize: 50,
      scheduleKey: rewardsKey(9n),
    })
  })
})

describe('decideAvailability', () => {
  const roster = canonicalNodeSet([n0!.ethAddress, n1!.ethAddress])
  const paid = job(3n, { activeNodes: roster })

  test('stops workloads of unpaid jobs and surplus replicas of fully running ones', () => {
    const actions = decideAvailability({
      chain: chain({ jobs: [paid] }),
      fleet: view([
        [0, 3n],
        [1, 3n],
        [2, 3n],
        [3, 99n],
      ]),
      schedule: emptySchedule,
      ledger: emptyLedger,
      deployable: new Set([3n]),
      now: 0,
    })
    expect(actions).toEqual([
      { type: 'stopWorkload', jobId: 99n, node: n3!.address, loop: 'availability' },
      { type: 'stopWorkload', jobId: 3n, node: n2!.address, loop: 'availability' },
    ])
  })

  test('a dead worker is replaced on the least-loaded healthy node and the new set proposed', () => {
    const fleetView = view(
      [
        [1, 3n],
        [2, 8n],
      ],
      [0],
    )
    const jobs = [paid, job(8n, { startTimestamp: 0n })]
    const key = repairKey(3n, roster)
    // Oracle rank for job 3 with 3 oracles: oracle index 0 → (0 - 0 + 3) % 3 = 0, acts at once.
    const first = decideAvailability({
      chain: chain({ jobs }),
      fleet: fleetView,
      schedule: emptySchedule,
      ledger: emptyLedger,
      deployable: new Set([3n]),
      now: 500,
    })
    expect(first).toEqual([{ type: 'schedule', key, at: 500 }])
    const second = decideAvailability({
      chain: chain({ jobs }),
      fleet: fleetView,
      schedule: { get: () => ({ at: 500, done: false }) },
      ledger: emptyLedger,
      deployable: new Set([3n]),
      now: 500,
    })
    // Least loaded first (nodes 3–5 run nothing), then the lowest address.
    const replacement = [...fleet.keys.slice(3)].sort((a, b) =>
      a.address < b.address ? -1 : 1,
    )[0]!
    const nodes = canonicalNodeSet([n1!.ethAddress, replacement.ethAddress])
    expect(second).toEqual([
      { type: 'startWorkload', jobId: 3n, node: replacement.address, loop: 'availability' },
      {
        type: 'submitNodeUpdate',
        jobId: 3n,
        nodes,
        nodesHash: hashNodeSet(nodes),
        epoch: 10n,
        loop: 'availability',
        scheduleKey: key,
      },
      { type: 'complete', key },
    ])
  })

  test('a fully deployed job that was never proposed is proposed; a partial or open one is not', () => {
    const unstarted = job(4n, { startTimestamp: 0n })
    const base = { schedule: emptySchedule, ledger: emptyLedger, deployable: new Set([4n]), now: 0 }
    const full = decideAvailability({
      ...base,
      chain: chain({ jobs: [unstarted] }),
      fleet: view([
        [0, 4n],
        [1, 4n],
      ]),
    })
    const nodes = canonicalNodeSet([n0!.ethAddress, n1!.ethAddress])
    expect(full).toEqual([
      {
        type: 'submitNodeUpdate',
        jobId: 4n,
        nodes,
        nodesHash: hashNodeSet(nodes),
        epoch: 10n,
        loop: 'availability',
      },
    ])
    expect(
      decideAvailability({ ...base, chain: chain({ jobs: [unstarted] }), fleet: view([[0, 4n]]) }),
    ).toEqual([])
    expect(
      decideAvailability({
        ...base,
        chain: chain({ jobs: [unstarted], openRoundJobIds: [4n] }),
        fleet: view([
          [0, 4n],
          [1, 4n],
        ]),
      }),
    ).toEqual([])
  })

  test('a job with no replica left is not redeployed (its owner deleted it)', () => {
    expect(
      decideAvailability({
        chain: chain({ jobs: [paid] }),
        fleet: view([]),
        schedule: { get: () => ({ at: 0, done: false }) },
        ledger: emptyLedger,
        deployable: new Set([3n]),
        now: 0,
      }),
    ).toEqual([])
  })

  test('later oracles in the rotation wait; jobs with an open round or in cooldown are left alone', () => {
    const other = chain({ jobs: [paid], oracle: oracles[1]! })
    const [scheduled] = decideAvailability({
      chain: other,
      fleet: view([[1, 3n]], [0]),
      schedule: emptySchedule,
      ledger: emptyLedger,
      deployable: new Set([3n]),
      now: 0,
      stepMs: 10_000,
    })
    expect(scheduled).toMatchObject({ type: 'schedule', at: 10_000 })
    expect(
      decideAvailability({
        chain: chain({ jobs: [paid], openRoundJobIds: [3n] }),
        fleet: view([[1, 3n]], [0]),
        schedule: { get: () => ({ at: 0, done: false }) },
        ledger: emptyLedger,
        deployable: new Set([3n]),
        now: 0,
      }),
    ).toEqual([])
    const cooling = decideAvailability({
      chain: chain({ jobs: [paid], blockTimestamp: paid.lastNodesChangeTimestamp + 10n }),
      fleet: view([[1, 3n]], [0]),
      schedule: { get: () => ({ at: 0, done: false }) },
      ledger: emptyLedger,
      deployable: new Set([3n]),
      now: 0,
    })
    expect(cooling.map((a) => a.type)).toEqual(['startWorkload'])
  })
})

describe('simulated fleet', () => {
  test('node addresses come from real keys and convert to their ETH addresses', async () => {
    const nodes = await fleet.listNodes()
    expect(nodes).toHaveLength(6)
    for (const node of nodes) expect(node.address).toMatch(/^0xai_[A-Za-z0-9_-]{44}$/)
    expect(new Set(nodes.map((n) => n.ethAddress)).size).toBe(6)
    expect(createSimulatedFleet({ size: 6, seed: 'loops-test' }).keys).toEqual(fleet.keys)
  })

  test('a failed node loses its workloads, rejects new ones and comes back empty', async () => {
    const local = createSimulatedFleet({ size: 2, seed: 'fail' })
    const [a, b] = local.keys
    const workload = { jobId: 1n, appId: 'x_1', owner: oracles[0]!, pipeline: {} }
    await local.startWorkload({ node: a!.address, workload })
    await local.startWorkload({ node: b!.address, workload })
    local.failNode(a!.address)
    expect((await getFleetView(local)).workloads).toEqual([{ node: b!.address, jobId: 1n }])
    await expect(local.startWorkload({ node: a!.address, workload })).rejects.toThrow(/offline/)
    await expect(local.stopWorkload({ node: '0xai_unknown', jobId: 1n })).rejects.toMatchObject({
      name: 'FleetNodeError',
      reason: 'unknown',
    })
    local.recoverNode(a!.address)
    const view = await getFleetView(local)
    expect(view.nodes.map((n) => n.online)).toEqual([true, true])
    expect(view.workloads).toHaveLength(1)
  })
})

describe('state store', () => {
  test('claims a submission once, keeps schedules, jobs and nonces across reopen', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const path = join(mkdtempSync(join(tmpdir(), 'oracle-store-')), 'state.db')
    const store = createStateStore({ path })
    const entry = {
      jobId: 1n,
      epoch: 2n,
      nodesHash: hashNodeSet([]),
      nodes: [],
      loop: 'closure',
      at: 5,
    }
    expect(store.claimSubmission(entry)).toBe(true)
    expect(store.claimSubmission(entry)).toBe(false)
    store.updateSubmission(entry, { status: 'mined', txHash: `0x${'ab'.repeat(32)}` })
    store.schedule.set('closure:1', 99)
    store.saveJob({
      jobId: 1n,
      appId: 'a_1',
      owner: oracles[0]!,
      escrow: oracles[1]!,
      pipeline: { plugins: [] },
      targetNodes: [n0!.address],
      createdAt: 1,
      deleted: false,
    })
    expect(store.claimNonce('sig', 1_000, 0)).toBe(true)
    expect(store.claimNonce('sig', 1_000, 1)).toBe(false)
    store.close()

    const reopened = createStateStore({ path })
    expect(reopened.hasSubmitted(1n, 2n, hashNodeSet([]))).toBe(true)
    expect(reopened.claimSubmission(entry)).toBe(false)
    expect(reopened.listSubmissions()[0]).toMatchObject({ status: 'mined', loop: 'closure' })
    expect(reopened.schedule.get('closure:1')).toEqual({ at: 99, done: false })
    reopened.schedule.complete('closure:1')
    expect(reopened.schedule.get('closure:1')).toEqual({ at: 99, done: true })
    expect(reopened.getJob(1n)).toMatchObject({ appId: 'a_1', targetNodes: [n0!.address] })
    expect(reopened.claimNonce('sig', 1_000, 2)).toBe(false)
    reopened.close()
  })
})

describe('state store: preferred-node lists', () => {
  const owner = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' as Address
  const next = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address
  const third = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as Address
  const tempDir = async () => {
    const { mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'oracle-preferred-'))
    return (name: string) => join(dir, name)
  }

  test('saves, replaces and reads a list by owner, whatever the address case, across reopen', async () => {
    const file = await tempDir()
    const store = createStateStore({ path: file('state.db') })
    expect(store.getPreferredNodes(owner)).toBeUndefined()
    store.savePreferredNodes(owner, '{"nodes":[],"version":1}', 1)
    store.savePreferredNodes(owner.toLowerCase() as Address, '{"nodes":[1],"version":1}', 2)
    expect(store.getPreferredNodes(owner)).toBe('{"nodes":[1],"version":1}')
    expect(store.getPreferredNodes(owner.toUpperCase().replace('0X', '0x') as Address)).toBe(
      '{"nodes":[1],"version":1}',
    )
    expect(store.getPreferredNodes(next)).toBeUndefined()
    store.close()
    const reopened = createStateStore({ path: file('state.db') })
    expect(reopened.getPreferredNodes(owner)).toBe('{"nodes":[1],"version":1}')
    reopened.close()
  })

  test('moves a list to a new owner: moved, then already current; missing; the new owner’s own list wins', async () => {
    const file = await tempDir()
    const store = createStateStore({ path: file('state.db') })
    store.savePreferredNodes(owner, 'A', 1)
    expect(store.movePreferredNodes(owner, next)).toBe('moved')
    expect(store.getPreferredNodes(next)).toBe('A')
    expect(store.getPreferredNodes(owner)).toBeUndefined()
    expect(store.movePreferredNodes(owner, next)).toBe('already_current')
    expect(store.getPreferredNodes(next)).toBe('A')
    expect(store.movePreferredNodes(third, owner)).toBe('missing')
    expect(store.getPreferredNodes(owner)).toBeUndefined()
    // Same owner on both sides (another case): nothing moves.
    expect(store.movePreferredNodes(next, next.toLowerCase() as Address)).toBe('already_current')
    expect(store.movePreferredNodes(third, third)).toBe('missing')
    // Both have a list: the new owner's stays, the previous owner's copy goes.
    store.savePreferredNodes(third, 'C', 3)
    expect(store.movePreferredNodes(third, next)).toBe('already_current')
    expect(store.getPreferredNodes(next)).toBe('A')
    expect(store.getPreferredNodes(third)).toBeUndefined()
    store.close()
  })

  test('a failed move rolls back whole and leaves the store usable', async () => {
    const file = await tempDir()
    const store = createStateStore({ path: file('state.db') })
    store.savePreferredNodes(owner, 'A', 1)
    store.savePreferredNodes(next, 'B', 1)
    // A second connection makes the database itself refuse the delete half of the move.
    const sqlite = process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite')
    const admin = new sqlite.DatabaseSync(file('state.db'))
    admin.exec(`CREATE TRIGGER refuse BEFORE DELETE ON preferred_nodes
      BEGIN SELECT RAISE(ABORT, 'deletes refused'); END`)
    expect(() => store.movePreferredNodes(owner, next)).toThrow(/deletes refused/)
    expect(store.getPreferredNodes(owner)).toBe('A')
    expect(store.getPreferredNodes(next)).toBe('B')
    admin.exec('DROP TRIGGER refuse')
    admin.close()
    expect(store.movePreferredNodes(owner, next)).toBe('already_current')
    expect(store.getPreferredNodes(owner)).toBeUndefined()
    store.savePreferredNodes(owner, 'A2', 2)
    expect(store.getPreferredNodes(owner)).toBe('A2')
    store.close()
  })

  test('two stores on one shared file see each other’s lists and moves; private files stay apart', async () => {
    const file = await tempDir()
    const a = createStateStore({ path: file('a.db'), sharedPath: file('shared.db') })
    const b = createStateStore({ path: file('b.db'), sharedPath: file('shared.db') })
    const alone = createStateStore({ path: file('alone.db') })
    a.savePreferredNodes(owner, 'from a', 1)
    expect(b.getPreferredNodes(owner)).toBe('from a')
    b.savePreferredNodes(owner, 'from b', 2)
    expect(a.getPreferredNodes(owner)).toBe('from b')
    expect(b.movePreferredNodes(owner, next)).toBe('moved')
    expect(a.getPreferredNodes(next)).toBe('from b')
    expect(a.getPreferredNodes(owner)).toBeUndefined()
    expect(a.movePreferredNodes(owner, next)).toBe('already_current')
    expect(alone.getPreferredNodes(next)).toBeUndefined()
    for (const store of [a, b, alone]) store.close()
  })
})
