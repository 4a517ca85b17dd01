import { poaiManagerAbi } from '@ratio1/contracts/abis'
import { canonicalNodeSet, hashNodeSet } from '@ratio1/sdk-core'
import type { Account, Address, Chain, Client, Hex, PublicClient, Transport } from 'viem'
import { getBalance, readContract } from 'viem/actions'
import {
  allocateRewardsAcrossAllEscrows,
  allocateRewardsPage,
  submitNodeUpdate,
  type WriteOutcome,
} from '../chain/escrowAdapter.js'
import { readChainView } from '../chain/readChainView.js'
import { toFleetView } from '../fleet/getFleetView.js'
import type { Fleet } from '../fleet/types.js'
import { decideAvailability } from '../loops/decideAvailability.js'
import { decideClosure } from '../loops/decideClosure.js'
import { decideRewards } from '../loops/decideRewards.js'
import { decideValidation } from '../loops/decideValidation.js'
import type { ChainView, OracleAction, SubmitNodeUpdateAction } from '../loops/types.js'
import type { StateStore } from '../store/createStateStore.js'
import { type Clock, systemClock } from '../utils/clock.js'
import { type Logger, silentLogger } from '../utils/logger.js'
import { createSeededRng, type Rng } from '../utils/rng.js'

/** Contract addresses the oracle talks to. */
export type OracleAddresses = {
  poaiManager: Address
  controller: Address
  /** @default the canonical Multicall3 address */
  multicall3?: Address | undefined
}

/** Timing of the loops' randomized and staggered waits, in ms. */
export type OracleTiming = {
  /** Closure backoff bounds. @default [1_000, 250_000] */
  closureBackoffMs?: readonly [number, number] | undefined
  /** Reward allocation stagger bounds. @default [1_000, 100_000] */
  rewardsStaggerMs?: readonly [number, number] | undefined
  /** Delay between oracles in a job's repair rotation. @default 30_000 */
  repairStepMs?: number | undefined
}

export type CreateOracleParameters = {
  publicClient: PublicClient
  /** Signs this oracle's transactions; its account is the oracle's ETH address. */
  walletClient: Client<Transport, Chain | undefined, Account>
  addresses: OracleAddresses
  fleet: Fleet
  store: StateStore
  clock?: Clock | undefined
  /** @default a generator seeded from the oracle address */
  rng?: Rng | undefined
  logger?: Logger | undefined
  /** Below this balance (wei) no transaction is sent and a warning is logged. @default 3 × 10^14 (0.0003 ETH) */
  minBalance?: bigint | undefined
  timing?: OracleTiming | undefined
  /** Above this many active jobs rewards are allocated in pages. @default 200 */
  paginateAbove?: number | undefined
  /** Jobs per allocation page. @default 100 */
  allocationPageSize?: number | undefined
  /** Jobs per `getAllActiveJobsPaginated` read. @default 250 */
  readPageSize?: number | undefined
}

/** What happened to one action in a tick. */
export type ActionResult = {
  action: OracleAction
  outcome: 'done' | 'skipped' | 'failed'
  detail?: string | undefined
  txHash?: Hex | undefined
}

/** The result of one tick. */
export type TickReport = {
  epoch: bigint
  actions: OracleAction[]
  results: ActionResult[]
  /** Set when the balance is below `minBalance` (no transaction was sent). */
  lowBalance: boolean
}

/** Counters for the metrics endpoint. */
export type OracleMetrics = {
  ticks: number
  tickErrors: number
  submissions: number
  submissionsSkipped: number
  allocations: number
  workloadsStarted: number
  workloadsStopped: number
  lastTickAt: number | undefined
  lastTickMs: number | undefined
  lastEpoch: bigint | undefined
  lowBalance: boolean
}

export type Oracle = {
  /** This oracle's ETH address. */
  readonly address: Address
  /** Reads chain and fleet, decides, and executes; one pass of all four loops. */
  tick(): Promise<TickReport>
  /** Runs `tick` every `intervalMs` until `stop`. Errors are logged and counted, never thrown. */
  start(parameters?: { intervalMs?: number | undefined }): void
  /** Stops the timer and waits for a running tick to finish. */
  stop(): Promise<void>
  /** Proposes a node set now (used after a deployment); goes through the same ledger and checks. */
  proposeNodeSet(parameters: {
    jobId: bigint
    nodes: readonly Address[]
    loop?: SubmitNodeUpdateAction['loop'] | undefined
  }): Promise<ActionResult>
  /** The last chain view read by a tick. */
  lastView(): ChainView | undefined
  metrics(): OracleMetrics
}

/**
 * Creates an oracle: the four loops of deeploy-api.md §5 (validation, closure, rewards, availability)
 * as pure decisions over a chain view and a fleet view, executed by gas-aware drivers. Drivers simulate
 * every transaction first and skip those the chain would reject or that change nothing, keep a minimum
 * ETH balance (and log when it is low), and claim each `(job, epoch, node set)` in the state store
 * before sending, so nothing is submitted twice, across restarts too. Clock and randomness are
 * injected.
 *
 * @example
 * ```ts
 * import { createOracle, createSimulatedFleet, createStateStore } from '@ratio1/sdk-oracle'
 * const oracle = createOracle({
 *   publicClient, walletClient, addresses: { poaiManager, controller },
 *   fleet: createSimulatedFleet(), store: createStateStore({ path: 'oracle.db' }),
 * })
 * oracle.start({ intervalMs: 5_000 })
 * ```
 */
export function createOracle(parameters: CreateOracleParameters): Oracle {
  const { publicClient, walletClient, addresses, fleet, store } = parameters
  const address = walletClient.account.address
  const clock = parameters.clock ?? systemClock
  const rng = parameters.rng ?? createSeededRng(Number.parseInt(address.slice(2, 10), 16))
  const logger = (parameters.logger ?? silentLogger).child({ oracle: address })
  const minBalance = parameters.minBalance ?? 300_000_000_000_000n
  const timing = parameters.timing ?? {}
  const clients = { publicClient, walletClient }
  let view: ChainView | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<unknown> | undefined
  let stopped = true
  const metrics: OracleMetrics = {
    ticks: 0,
    tickErrors: 0,
    submissions: 0,
    submissionsSkipped: 0,
    allocations: 0,
    workloadsStarted: 0,
    workloadsStopped: 0,
    lastTickAt: undefined,
    lastTickMs: undefined,
    lastEpoch: undefined,
    lowBalance: false,
  }

  // One transaction at a time: the API and the loops share the account's nonce.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn)
    queue = next.catch(() => {})
    return next
  }

  const workloadFor = (jobId: bigint) => {
    const job = store.getJob(jobId)
    if (!job || job.deleted) return undefined
    return { jobId, appId: job.appId, owner: job.owner, pipeline: job.pipeline }
  }

  const submit = (action: SubmitNodeUpdateAction): Promise<ActionResult> =>
    serial(async () => {
      const key = { jobId: action.jobId, epoch: action.epoch, nodesHash: action.nodesHash }
      if (
        !store.claimSubmission({ ...key, nodes: action.nodes, loop: action.loop, at: clock.now() })
      ) {
        metrics.submissionsSkipped++
        return { action, outcome: 'skipped', detail: 'already submitted by this oracle' }
      }
      let outcome: WriteOutcome
      try {
        outcome = await submitNodeUpdate(clients, {
          poaiManager: addresses.poaiManager,
          jobId: action.jobId,
          nodes: action.nodes,
        })
      } catch (error) {
        // Sent or not, we cannot tell: keep the claim so a retry cannot double-submit.
        store.updateSubmission(key, { status: 'sent', detail: (error as Error).message })
        return { action, outcome: 'failed', detail: (error as Error).message }
      }
      if (outcome.status === 'skipped') {
        metrics.submissionsSkipped++
        // AlreadySubmitted / JobIsClosed are final; others (cooldown, a new round) may pass later.
        if (outcome.reason === 'AlreadySubmitted' || outcome.reason === 'JobIsClosed')
          store.updateSubmission(key, { status: 'skipped', detail: outcome.reason })
        else store.releaseSubmission(key)
        logger.info('submission skipped', { jobId: action.jobId, reason: outcome.reason })
        return { action, outcome: 'skipped', detail: outcome.reason }
      }
      store.updateSubmission(key, { status: outcome.status, txHash: outcome.txHash })
      metrics.submissions++
      logger.info('node set submitted', {
        jobId: action.jobId,
        nodes: action.nodes,
        loop: action.loop,
        txHash: outcome.txHash,
        status: outcome.status,
      })
      return {
        action,
        outcome: outcome.status === 'mined' ? 'done' : 'failed',
        txHash: outcome.txHash,
      }
    })

  const allocate = (action: Extract<OracleAction, { type: 'allocateRewards' }>) =>
    serial(async (): Promise<ActionResult> => {
      const poaiManager = addresses.poaiManager
      if (action.pageSize === undefined) {
        const outcome = await allocateRewardsAcrossAllEscrows(clients, { poaiManager })
        if (outcome.status === 'skipped')
          return { action, outcome: 'skipped', detail: outcome.reason }
        store.recordAllocation({
          epoch: action.epoch,
          txHash: outcome.txHash,
          completed: true,
          at: clock.now(),
        })
        metrics.allocations++
        logger.info('rewards allocated', { epoch: action.epoch, txHash: outcome.txHash })
        return {
          action,
          outcome: outcome.status === 'mined' ? 'done' : 'failed',
          txHash: outcome.txHash,
        }
      }
      // Pages continue where any oracle stopped: the cursor lives in the manager.
      let last: Hex | undefined
      for (let page = 0; page < 10_000; page++) {
        const outcome = await allocateRewardsPage(clients, {
          poaiManager,
          maxJobs: BigInt(action.pageSize),
        })
        if (outcome.status === 'skipped')
          return { action, outcome: 'skipped', detail: outcome.reason }
        if (outcome.status === 'reverted')
          return { action, outcome: 'failed', txHash: outcome.txHash }
        last = outcome.txHash
        const completed = outcome.completed === true
        store.recordAllocation({
          epoch: action.epoch,
          txHash: outcome.txHash,
          completed,
          at: clock.now(),
        })
        if (completed) break
      }
      metrics.allocations++
      logger.info('rewards allocated in pages', { epoch: action.epoch, lastTxHash: last })
      return { action, outcome: 'done', txHash: last }
    })

  const execute = async (actions: OracleAction[], lowBalance: boolean): Promise<ActionResult[]> => {
    const results: ActionResult[] = []
    const blocked = new Set<string>()
    for (const action of actions) {
      let result: ActionResult
      try {
        switch (action.type) {
          case 'schedule':
            store.schedule.set(action.key, action.at)
            result = { action, outcome: 'done' }
            break
          case 'complete':
            if (blocked.has(action.key)) result = { action, outcome: 'skipped', detail: 'blocked' }
            else {
              store.schedule.complete(action.key)
              result = { action, outcome: 'done' }
            }
            break
          case 'startWorkload': {
            const workload = workloadFor(action.jobId)
            if (!workload) {
              result = { action, outcome: 'skipped', detail: 'no stored spec' }
              break
            }
            await fleet.startWorkload({ node: action.node, workload })
            metrics.workloadsStarted++
            logger.info('workload started', {
              jobId: action.jobId,
              node: action.node,
              loop: action.loop,
            })
            result = { action, outcome: 'done' }
            break
          }
          case 'stopWorkload':
            await fleet.stopWorkload({ node: action.node, jobId: action.jobId })
            metrics.workloadsStopped++
            logger.info('workload stopped', {
              jobId: action.jobId,
              node: action.node,
              loop: action.loop,
            })
            result = { action, outcome: 'done' }
            break
          case 'submitNodeUpdate':
            result = lowBalance
              ? { action, outcome: 'skipped', detail: 'balance below minimum' }
              : await submit(action)
            break
          case 'allocateRewards':
            result = lowBalance
              ? { action, outcome: 'skipped', detail: 'balance below minimum' }
              : await allocate(action)
            break
        }
      } catch (error) {
        result = { action, outcome: 'failed', detail: (error as Error).message }
        logger.warn('action failed', { action: action.type, error })
      }
      const key = 'scheduleKey' in action ? action.scheduleKey : undefined
      // A skip for an already-recorded outcome still lets the schedule close.
      if (
        key &&
        (result.outcome === 'failed' ||
          (result.outcome === 'skipped' &&
            result.detail !== 'AlreadySubmitted' &&
            result.detail !== 'JobIsClosed' &&
            result.detail !== 'already submitted by this oracle'))
      )
        blocked.add(key)
      results.push(result)
    }
    return results
  }

  const tick = async (): Promise<TickReport> => {
    const started = Date.now()
    const chain = await readChainView(publicClient, {
      poaiManager: addresses.poaiManager,
      controller: addresses.controller,
      oracle: address,
      multicall3: addresses.multicall3,
      pageSize: parameters.readPageSize,
    })
    view = chain
    const [nodes, workloads] = await Promise.all([fleet.listNodes(), fleet.listWorkloads()])
    const fleetView = toFleetView(nodes, workloads)
    const now = clock.now()
    // Learn the specs of paid jobs another oracle deployed from what runs (the original reads them
    // from shared storage), so any oracle can redeploy them.
    const paid = new Map(chain.jobs.map((job) => [job.id, job]))
    for (const w of workloads) {
      const job = paid.get(w.jobId)
      if (!job || store.getJob(w.jobId)) continue
      store.saveJob({
        jobId: w.jobId,
        appId: w.appId,
        owner: w.owner,
        escrow: job.escrowAddress,
        pipeline: w.pipeline,
        targetNodes: [],
        createdAt: now,
        deleted: false,
      })
      logger.info('job spec learned from the fleet', { jobId: w.jobId, appId: w.appId })
    }
    const deployable = new Set(
      store
        .listJobs()
        .filter((j) => !j.deleted)
        .map((j) => j.jobId),
    )
    const actions: OracleAction[] = [
      ...decideValidation({ chain, fleet: fleetView, ledger: store }),
      ...decideClosure({
        chain,
        fleet: fleetView,
        schedule: store.schedule,
        ledger: store,
        now,
        rng,
        backoffMs: timing.closureBackoffMs,
      }),
      ...decideRewards({
        chain,
        schedule: store.schedule,
        now,
        rng,
        staggerMs: timing.rewardsStaggerMs,
        paginateAbove: parameters.paginateAbove,
        pageSize: parameters.allocationPageSize,
      }),
      ...decideAvailability({
        chain,
        fleet: fleetView,
        schedule: store.schedule,
        ledger: store,
        deployable,
        now,
        stepMs: timing.repairStepMs,
      }),
    ]
    const lowBalance = chain.balance < minBalance
    if (lowBalance !== metrics.lowBalance || lowBalance)
      if (lowBalance)
        logger.warn('ETH balance below the minimum: transactions are paused until topped up', {
          balance: chain.balance,
          minBalance,
        })
    metrics.lowBalance = lowBalance
    const results = await execute(actions, lowBalance)
    metrics.ticks++
    metrics.lastTickAt = clock.now()
    metrics.lastTickMs = Date.now() - started
    metrics.lastEpoch = chain.currentEpoch
    return { epoch: chain.currentEpoch, actions, results, lowBalance }
  }

  const loop = (intervalMs: number) => {
    if (stopped) return
    running = tick()
      .catch((error) => {
        metrics.tickErrors++
        logger.error('tick failed', { error })
      })
      .finally(() => {
        running = undefined
        if (!stopped) timer = setTimeout(() => loop(intervalMs), intervalMs)
      })
  }

  return {
    address,
    tick,
    start({ intervalMs = 5_000 } = {}) {
      if (!stopped) return
      stopped = false
      loop(intervalMs)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
      await queue
    },
    async proposeNodeSet({ jobId, nodes, loop = 'deployment' }) {
      const canonical = canonicalNodeSet(nodes)
      const epoch = await readContract(publicClient, {
        address: addresses.poaiManager,
        abi: poaiManagerAbi,
        functionName: 'getCurrentEpoch',
      })
      const action: SubmitNodeUpdateAction = {
        type: 'submitNodeUpdate',
        jobId,
        nodes: canonical,
        nodesHash: hashNodeSet(canonical),
        epoch,
        loop,
      }
      const balance = await getBalance(publicClient, { address })
      if (balance < minBalance) {
        logger.warn('ETH balance below the minimum: not submitting', { balance, minBalance })
        return { action, outcome: 'skipped', detail: 'balance below minimum' }
      }
      return submit(action)
    },
    lastView: () => view,
    metrics: () => ({ ...metrics }),
  }
}
