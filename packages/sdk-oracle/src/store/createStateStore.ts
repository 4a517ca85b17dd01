import type * as Sqlite from 'node:sqlite'
import type { Address, Hex } from 'viem'
import { StateStoreError, type StateStoreErrorType } from '../errors/oracle.js'
import type { NodeAddress, ScheduleView, SubmissionLedger } from '../loops/types.js'

/** A job the oracle deployed: its spec, kept so it can be redeployed and served by `get_apps`. */
export type StoredJob = {
  jobId: bigint
  appId: string
  owner: Address
  escrow: Address
  /** The pipeline as stored (the original's R1FS copy). */
  pipeline: Record<string, unknown>
  /** Nodes chosen at deployment. */
  targetNodes: NodeAddress[]
  createdAt: number
  /** Set when `delete_pipeline` stopped it. */
  deleted: boolean
}

/** One submission this oracle made (or started to make). */
export type StoredSubmission = {
  jobId: bigint
  epoch: bigint
  nodesHash: Hex
  nodes: Address[]
  loop: string
  status: 'pending' | 'sent' | 'mined' | 'reverted' | 'skipped'
  txHash: Hex | undefined
  detail: string | undefined
  at: number
}

export type CreateStateStoreParameters = {
  /** SQLite file, or `':memory:'`. */
  path: string
  /**
   * SQLite file for what every oracle of a network must see alike: the job specs and the CSPs'
   * preferred-node lists (the original oracles keep them in ChainStore and R1FS). Oracles on one
   * machine share it (SQLite's WAL mode makes concurrent processes safe). @default `path` (specs
   * stay private to this oracle)
   */
  sharedPath?: string | undefined
}

/**
 * The oracle's persistent state: submission ledger, schedules, job specs, CSPs' preferred-node lists,
 * replay store.
 */
export type StateStore = SubmissionLedger & {
  readonly path: string
  /** Where the job specs and preferred-node lists live: `sharedPath`, else `path`. */
  readonly sharedPath: string
  /**
   * Claims `(jobId, epoch, nodesHash)` before sending: returns `false` when it was already claimed
   * (by this oracle, now or before a restart), in which case nothing must be sent.
   */
  claimSubmission(submission: Omit<StoredSubmission, 'status' | 'txHash' | 'detail'>): boolean
  updateSubmission(
    key: { jobId: bigint; epoch: bigint; nodesHash: Hex },
    update: {
      status: StoredSubmission['status']
      txHash?: Hex | undefined
      detail?: string | undefined
    },
  ): void
  /** Drops a claim whose transaction was never sent (its simulation reverted for a passing reason). */
  releaseSubmission(key: { jobId: bigint; epoch: bigint; nodesHash: Hex }): void
  listSubmissions(): StoredSubmission[]
  schedule: ScheduleView & {
    set(key: string, at: number): void
    complete(key: string): void
  }
  saveJob(job: StoredJob): void
  /**
   * Records a new job spec unless a live (not deleted) spec for the same job exists: returns `false`
   * then. Atomic across processes sharing the database, so two oracles never both deploy one job.
   */
  claimJob(job: StoredJob): boolean
  getJob(jobId: bigint): StoredJob | undefined
  listJobs(): StoredJob[]
  markJobDeleted(jobId: bigint): void
  /**
   * The preferred-node list of an escrow owner as saved: the compact JSON text of deeploy-api.md §3.9
   * (`{"nodes":[…],"updated_at":…,"updated_by":…,"version":1}`), or `undefined` when the owner has
   * none. Kept in the shared database, so every oracle of the network answers alike. Owner keys are
   * compared lower-cased, as the original's ChainStore field is.
   *
   * @example
   * ```ts
   * const text = store.getPreferredNodes('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
   * const nodes = text === undefined ? [] : JSON.parse(text).nodes
   * ```
   */
  getPreferredNodes(owner: Address): string | undefined
  /**
   * Replaces the owner's preferred-node list with `value` (the JSON text to keep); `at` is the save
   * time in ms.
   *
   * @example
   * ```ts
   * store.savePreferredNodes(owner, '{"nodes":[],"updated_at":"…","updated_by":"0x…","version":1}', Date.now())
   * ```
   */
  savePreferredNodes(owner: Address, value: string, at: number): void
  /**
   * Hands an escrow's preferred-node list from its previous owner to its new owner, in one
   * transaction (other oracles on the shared database see the list under one key, never both or
   * neither). Answers `'moved'`; `'already_current'` when the new owner already has a list, which is
   * kept as the newer intent while the previous owner's copy is dropped (it no longer owns the
   * escrow); `'missing'` when neither owner has one.
   *
   * @example
   * ```ts
   * const outcome = store.movePreferredNodes(oldOwner, newOwner) // 'moved' | 'already_current' | 'missing'
   * ```
   */
  movePreferredNodes(from: Address, to: Address): 'moved' | 'already_current' | 'missing'
  /** Records a used request signature; `false` when it was seen before and has not expired. */
  claimNonce(key: string, expiresAt: number, now: number): boolean
  recordAllocation(entry: { epoch: bigint; txHash: Hex; completed: boolean; at: number }): void
  listAllocations(): { epoch: bigint; txHash: Hex; completed: boolean; at: number }[]
  close(): void
}

export type CreateStateStoreErrorType = StateStoreErrorType

const schemaVersion = 1

// Loaded at run time: bundlers rewrite `node:` imports to bare names, and `sqlite` exists only as
// `node:sqlite` (Node ≥ 22.13 without a flag).
function openDatabase(path: string): Sqlite.DatabaseSync {
  const sqlite = process.getBuiltinModule('node:sqlite') as typeof Sqlite | undefined
  if (!sqlite) throw new Error('node:sqlite is not available: run on Node 22.13 or later')
  const db = new sqlite.DatabaseSync(path)
  // The busy timeout comes first so that switching to WAL waits for the other processes opening
  // the same (shared) file instead of failing with "database is locked".
  db.exec('PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;')
  return db
}

/**
 * Runs schema setup under the write lock taken up front (`BEGIN IMMEDIATE` waits for it): processes
 * creating the same tables at once then take turns instead of deadlocking on a read-to-write upgrade.
 */
function migrate(db: Sqlite.DatabaseSync, setup: () => void) {
  db.exec('BEGIN IMMEDIATE')
  try {
    setup()
    db.exec('COMMIT')
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
}

function checkSchema(db: Sqlite.DatabaseSync, path: string) {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema') as
    | { value: string }
    | undefined
  if (!row)
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(
      'schema',
      String(schemaVersion),
    )
  else if (Number(row.value) !== schemaVersion)
    throw new StateStoreError({
      path,
      reason: `schema version ${row.value}, expected ${schemaVersion}`,
    })
}

const sharedSchema = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS jobs (
    job_id TEXT PRIMARY KEY, app_id TEXT NOT NULL, owner TEXT NOT NULL, escrow TEXT NOT NULL,
    pipeline TEXT NOT NULL, target_nodes TEXT NOT NULL, created_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS preferred_nodes (
    owner TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL);
`

/**
 * Opens (or creates) the oracle's state database with Node's built-in SQLite (`node:sqlite`, Node ≥
 * 22.13): no native addon to download. Everything the oracle must not forget across a restart lives
 * here: which submissions it made, its backoff schedules, the job specs it deployed and the request
 * signatures it has already accepted.
 *
 * @example
 * ```ts
 * import { createStateStore } from '@ratio1/sdk-oracle'
 * const store = createStateStore({ path: './oracle-1.db' })
 * store.claimSubmission({ jobId: 1n, epoch: 5n, nodesHash, nodes, loop: 'validation', at: Date.now() })
 * ```
 */
export function createStateStore(parameters: CreateStateStoreParameters): StateStore {
  const { path } = parameters
  const sharedPath = parameters.sharedPath ?? path
  let db: Sqlite.DatabaseSync
  let shared: Sqlite.DatabaseSync
  let own: Sqlite.DatabaseSync | undefined
  try {
    own = openDatabase(path)
    db = own
    migrate(db, () => {
      db.exec(sharedSchema)
      db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS submissions (
        job_id TEXT NOT NULL, epoch TEXT NOT NULL, nodes_hash TEXT NOT NULL, nodes TEXT NOT NULL,
        loop TEXT NOT NULL, status TEXT NOT NULL, tx_hash TEXT, detail TEXT, at INTEGER NOT NULL,
        PRIMARY KEY (job_id, epoch, nodes_hash));
      CREATE TABLE IF NOT EXISTS schedule (key TEXT PRIMARY KEY, at INTEGER NOT NULL, done INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS nonces (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS allocations (
        tx_hash TEXT PRIMARY KEY, epoch TEXT NOT NULL, completed INTEGER NOT NULL, at INTEGER NOT NULL);
    `)
      checkSchema(db, path)
    })
  } catch (cause) {
    if (own?.isOpen) own.close()
    if (cause instanceof StateStoreError) throw cause
    throw new StateStoreError({ path, cause, reason: (cause as Error).message })
  }
  if (sharedPath === path) shared = db
  else {
    let opened: Sqlite.DatabaseSync | undefined
    try {
      const connection = openDatabase(sharedPath)
      opened = connection
      migrate(connection, () => {
        connection.exec(sharedSchema)
        checkSchema(connection, sharedPath)
      })
      shared = connection
    } catch (cause) {
      if (db.isOpen) db.close()
      if (opened?.isOpen) opened.close()
      if (cause instanceof StateStoreError) throw cause
      throw new StateStoreError({ path: sharedPath, cause, reason: (cause as Error).message })
    }
  }

  const statements = {
    hasSubmitted: db.prepare(
      'SELECT 1 FROM submissions WHERE job_id = ? AND epoch = ? AND nodes_hash = ?',
    ),
    claim: db.prepare(
      `INSERT OR IGNORE INTO submissions (job_id, epoch, nodes_hash, nodes, loop, status, at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    ),
    update: db.prepare(
      `UPDATE submissions SET status = ?, tx_hash = COALESCE(?, tx_hash), detail = COALESCE(?, detail)
       WHERE job_id = ? AND epoch = ? AND nodes_hash = ?`,
    ),
    release: db.prepare(
      'DELETE FROM submissions WHERE job_id = ? AND epoch = ? AND nodes_hash = ?',
    ),
    listSubmissions: db.prepare('SELECT * FROM submissions ORDER BY at, job_id'),
    getSchedule: db.prepare('SELECT at, done FROM schedule WHERE key = ?'),
    setSchedule: db.prepare(
      'INSERT INTO schedule (key, at, done) VALUES (?, ?, 0) ON CONFLICT(key) DO UPDATE SET at = excluded.at',
    ),
    completeSchedule: db.prepare(
      'INSERT INTO schedule (key, at, done) VALUES (?, 0, 1) ON CONFLICT(key) DO UPDATE SET done = 1',
    ),
    saveJob: shared.prepare(
      `INSERT INTO jobs (job_id, app_id, owner, escrow, pipeline, target_nodes, created_at, deleted)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(job_id) DO UPDATE SET app_id = excluded.app_id, owner = excluded.owner,
         escrow = excluded.escrow, pipeline = excluded.pipeline, target_nodes = excluded.target_nodes,
         deleted = excluded.deleted`,
    ),
    claimJob: shared.prepare(
      `INSERT INTO jobs (job_id, app_id, owner, escrow, pipeline, target_nodes, created_at, deleted)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0)
       ON CONFLICT(job_id) DO UPDATE SET app_id = excluded.app_id, owner = excluded.owner,
         escrow = excluded.escrow, pipeline = excluded.pipeline, target_nodes = excluded.target_nodes,
         created_at = excluded.created_at, deleted = 0
       WHERE jobs.deleted = 1`,
    ),
    getJob: shared.prepare('SELECT * FROM jobs WHERE job_id = ?'),
    listJobs: shared.prepare('SELECT * FROM jobs ORDER BY CAST(job_id AS INTEGER)'),
    deleteJob: shared.prepare('UPDATE jobs SET deleted = 1 WHERE job_id = ?'),
    getPreferredNodes: shared.prepare('SELECT value FROM preferred_nodes WHERE owner = ?'),
    savePreferredNodes: shared.prepare(
      `INSERT INTO preferred_nodes (owner, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(owner) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    movePreferredNodes: shared.prepare(
      `UPDATE preferred_nodes SET owner = ? WHERE owner = ?
       AND NOT EXISTS (SELECT 1 FROM preferred_nodes WHERE owner = ?)`,
    ),
    deletePreferredNodes: shared.prepare('DELETE FROM preferred_nodes WHERE owner = ?'),
    pruneNonces: db.prepare('DELETE FROM nonces WHERE expires_at <= ?'),
    claimNonce: db.prepare('INSERT OR IGNORE INTO nonces (key, expires_at) VALUES (?, ?)'),
    recordAllocation: db.prepare(
      'INSERT OR REPLACE INTO allocations (tx_hash, epoch, completed, at) VALUES (?, ?, ?, ?)',
    ),
    listAllocations: db.prepare('SELECT * FROM allocations ORDER BY at'),
  }
  let lastPrune = 0

  const toJob = (row: Record<string, unknown>): StoredJob => ({
    jobId: BigInt(row.job_id as string),
    appId: row.app_id as string,
    owner: row.owner as Address,
    escrow: row.escrow as Address,
    pipeline: JSON.parse(row.pipeline as string),
    targetNodes: JSON.parse(row.target_nodes as string),
    createdAt: Number(row.created_at),
    deleted: Number(row.deleted) === 1,
  })

  return {
    path,
    sharedPath,
    hasSubmitted(jobId, epoch, nodesHash) {
      return statements.hasSubmitted.get(String(jobId), String(epoch), nodesHash) !== undefined
    },
    claimSubmission(s) {
      const result = statements.claim.run(
        String(s.jobId),
        String(s.epoch),
        s.nodesHash,
        JSON.stringify(s.nodes),
        s.loop,
        s.at,
      )
      return Number(result.changes) === 1
    },
    updateSubmission(key, update) {
      statements.update.run(
        update.status,
        update.txHash ?? null,
        update.detail ?? null,
        String(key.jobId),
        String(key.epoch),
        key.nodesHash,
      )
    },
    releaseSubmission(key) {
      statements.release.run(String(key.jobId), String(key.epoch), key.nodesHash)
    },
    listSubmissions() {
      return (statements.listSubmissions.all() as Record<string, unknown>[]).map((row) => ({
        jobId: BigInt(row.job_id as string),
        epoch: BigInt(row.epoch as string),
        nodesHash: row.nodes_hash as Hex,
        nodes: JSON.parse(row.nodes as string),
        loop: row.loop as string,
        status: row.status as StoredSubmission['status'],
        txHash: (row.tx_hash as Hex | null) ?? undefined,
        detail: (row.detail as string | null) ?? undefined,
        at: Number(row.at),
      }))
    },
    schedule: {
      get(key) {
        const row = statements.getSchedule.get(key) as { at: number; done: number } | undefined
        return row ? { at: Number(row.at), done: Number(row.done) === 1 } : undefined
      },
      set(key, at) {
        statements.setSchedule.run(key, Math.floor(at))
      },
      complete(key) {
        statements.completeSchedule.run(key)
      },
    },
    saveJob(job) {
      statements.saveJob.run(
        String(job.jobId),
        job.appId,
        job.owner,
        job.escrow,
        JSON.stringify(job.pipeline),
        JSON.stringify(job.targetNodes),
        job.createdAt,
        job.deleted ? 1 : 0,
      )
    },
    claimJob(job) {
      const result = statements.claimJob.run(
        String(job.jobId),
        job.appId,
        job.owner,
        job.escrow,
        JSON.stringify(job.pipeline),
        JSON.stringify(job.targetNodes),
        job.createdAt,
      )
      return Number(result.changes) === 1
    },
    getJob(jobId) {
      const row = statements.getJob.get(String(jobId)) as Record<string, unknown> | undefined
      return row ? toJob(row) : undefined
    },
    listJobs() {
      return (statements.listJobs.all() as Record<string, unknown>[]).map(toJob)
    },
    markJobDeleted(jobId) {
      statements.deleteJob.run(String(jobId))
    },
    getPreferredNodes(owner) {
      const row = statements.getPreferredNodes.get(owner.toLowerCase()) as
        | { value: string }
        | undefined
      return row?.value
    },
    savePreferredNodes(owner, value, at) {
      statements.savePreferredNodes.run(owner.toLowerCase(), value, Math.floor(at))
    },
    movePreferredNodes(from, to) {
      const source = from.toLowerCase()
      const target = to.toLowerCase()
      const has = (key: string) => statements.getPreferredNodes.get(key) !== undefined
      if (source === target) return has(target) ? 'already_current' : 'missing'
      // IMMEDIATE takes the write lock first, so a concurrent save on another oracle waits (busy
      // timeout) instead of failing the upgrade from a read lock halfway through.
      shared.exec('BEGIN IMMEDIATE')
      try {
        let outcome: 'moved' | 'already_current' | 'missing'
        if (Number(statements.movePreferredNodes.run(target, source, target).changes) === 1)
          outcome = 'moved'
        else if (has(target)) {
          statements.deletePreferredNodes.run(source)
          outcome = 'already_current'
        } else outcome = 'missing'
        shared.exec('COMMIT')
        return outcome
      } catch (error) {
        // Some errors (SQLITE_FULL, SQLITE_IOERR) end the transaction themselves; then ROLLBACK
        // has nothing to undo and throws, which must not hide the original error.
        try {
          shared.exec('ROLLBACK')
        } catch {}
        throw error
      }
    },
    claimNonce(key, expiresAt, now) {
      if (now - lastPrune > 60_000) {
        statements.pruneNonces.run(now)
        lastPrune = now
      }
      return Number(statements.claimNonce.run(key, expiresAt).changes) === 1
    },
    recordAllocation(entry) {
      statements.recordAllocation.run(
        entry.txHash,
        String(entry.epoch),
        entry.completed ? 1 : 0,
        entry.at,
      )
    },
    listAllocations() {
      return (statements.listAllocations.all() as Record<string, unknown>[]).map((row) => ({
        epoch: BigInt(row.epoch as string),
        txHash: row.tx_hash as Hex,
        completed: Number(row.completed) === 1,
        at: Number(row.at),
      }))
    },
    close() {
      if (db.isOpen) db.close()
      if (shared.isOpen) shared.close()
    },
  }
}
