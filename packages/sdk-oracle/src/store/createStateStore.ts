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
}

/** The oracle's persistent state: submission ledger, schedules, job specs, replay store. */
export type StateStore = SubmissionLedger & {
  readonly path: string
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
  getJob(jobId: bigint): StoredJob | undefined
  listJobs(): StoredJob[]
  markJobDeleted(jobId: bigint): void
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
  return new sqlite.DatabaseSync(path)
}

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
  let db: Sqlite.DatabaseSync
  try {
    db = openDatabase(path)
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;')
    db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS submissions (
        job_id TEXT NOT NULL, epoch TEXT NOT NULL, nodes_hash TEXT NOT NULL, nodes TEXT NOT NULL,
        loop TEXT NOT NULL, status TEXT NOT NULL, tx_hash TEXT, detail TEXT, at INTEGER NOT NULL,
        PRIMARY KEY (job_id, epoch, nodes_hash));
      CREATE TABLE IF NOT EXISTS schedule (key TEXT PRIMARY KEY, at INTEGER NOT NULL, done INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS jobs (
        job_id TEXT PRIMARY KEY, app_id TEXT NOT NULL, owner TEXT NOT NULL, escrow TEXT NOT NULL,
        pipeline TEXT NOT NULL, target_nodes TEXT NOT NULL, created_at INTEGER NOT NULL,
        deleted INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS nonces (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS allocations (
        tx_hash TEXT PRIMARY KEY, epoch TEXT NOT NULL, completed INTEGER NOT NULL, at INTEGER NOT NULL);
    `)
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get('schema') as
      | { value: string }
      | undefined
    if (!row)
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema', String(schemaVersion))
    else if (Number(row.value) !== schemaVersion)
      throw new StateStoreError({
        path,
        reason: `schema version ${row.value}, expected ${schemaVersion}`,
      })
  } catch (cause) {
    if (cause instanceof StateStoreError) throw cause
    throw new StateStoreError({ path, cause, reason: (cause as Error).message })
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
    saveJob: db.prepare(
      `INSERT INTO jobs (job_id, app_id, owner, escrow, pipeline, target_nodes, created_at, deleted)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(job_id) DO UPDATE SET app_id = excluded.app_id, owner = excluded.owner,
         escrow = excluded.escrow, pipeline = excluded.pipeline, target_nodes = excluded.target_nodes,
         deleted = excluded.deleted`,
    ),
    getJob: db.prepare('SELECT * FROM jobs WHERE job_id = ?'),
    listJobs: db.prepare('SELECT * FROM jobs ORDER BY CAST(job_id AS INTEGER)'),
    deleteJob: db.prepare('UPDATE jobs SET deleted = 1 WHERE job_id = ?'),
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
    },
  }
}
