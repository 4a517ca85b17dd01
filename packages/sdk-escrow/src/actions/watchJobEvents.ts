import type { Address } from 'viem'
import { getBlockNumber } from 'viem/actions'
import type { EscrowReadErrorType } from '../errors/types.js'
import type { EscrowEvent, EscrowEventName } from '../events/types.js'
import { fetchEvents } from '../internal/events.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import type { KeyValueStore } from '../stores/types.js'
import { getAllEscrows } from './getAllEscrows.js'

/** Where a watcher resumes: events at or after this position have not been delivered yet. */
export type WatchCursor = { blockNumber: bigint; logIndex: number }

export type WatchJobEventsParameters = ManagerParameters & {
  /** Called with each poll's new events, in chain order. The cursor advances once it resolves. */
  onEvents: (events: EscrowEvent[]) => void | Promise<void>
  onError?: ((error: Error) => void) | undefined
  /** Escrows to watch. Default: every escrow of the PoAIManager, including those deployed later. */
  escrows?: readonly Address[] | undefined
  /** Also watch the PoAIManager's events (consensus, claims). Default `true`. */
  includeManager?: boolean | undefined
  jobIds?: readonly bigint[] | undefined
  eventNames?: readonly EscrowEventName[] | undefined
  /**
   * Persist the cursor here (`createMemoryStore`, `createFileStore`), under `cursorKey`. A restarted
   * watcher with the same store resumes right after the last delivered event: none is delivered twice.
   */
  cursorStore?: KeyValueStore<WatchCursor> | undefined
  cursorKey?: string | undefined
  /** Where to start when no cursor is saved. Default: the next block. */
  fromBlock?: bigint | undefined
  /** Blocks to stay behind the head, against reorgs. Default 0. */
  confirmations?: number | undefined
  /** Most blocks per `eth_getLogs`. Default 5 000. */
  maxBlockRange?: bigint | undefined
  /** Milliseconds between polls. Default: the client's `pollingInterval`. */
  pollingInterval?: number | undefined
}
/** Stops the watcher; the promise settles when the current poll, if any, has finished. */
export type WatchJobEventsReturnType = () => Promise<void>
export type WatchJobEventsErrorType = EscrowReadErrorType

/**
 * Watches the system's events with filters (escrows, jobs, event names) by polling `eth_getLogs`, so it
 * works on any RPC. With a `cursorStore` it is resumable: the position after the last delivered event
 * (block number and log index) is saved after `onEvents` resolves, and a restart continues from there.
 *
 * @example
 * ```ts
 * import { watchJobEvents } from '@ratio1/sdk-escrow'
 * import { createFileStore } from '@ratio1/sdk-escrow/node'
 * const unwatch = watchJobEvents(publicClient, {
 *   manager,
 *   jobIds: [7n],
 *   cursorStore: createFileStore('./cursor.json'),
 *   onEvents: (events) => events.forEach((event) => console.log(event.eventName)),
 * })
 * ```
 */
export function watchJobEvents(
  client: EscrowClient,
  parameters: WatchJobEventsParameters,
): WatchJobEventsReturnType {
  const key = parameters.cursorKey ?? 'watchJobEvents'
  const store = parameters.cursorStore
  const interval = parameters.pollingInterval ?? client.pollingInterval
  const maxRange = parameters.maxBlockRange ?? 5_000n
  const confirmations = BigInt(parameters.confirmations ?? 0)
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()
  let cursor: WatchCursor | undefined
  let addresses: Address[] | undefined

  // Without an explicit list, the escrows are re-read at every poll so escrows deployed later are
  // watched too (one cheap view call).
  const sources = async () => {
    if (addresses && parameters.escrows) return addresses
    const withManager = parameters.includeManager !== false
    const manager =
      withManager || !parameters.escrows ? resolveManager(client, parameters) : undefined
    const escrows =
      parameters.escrows ?? (await getAllEscrows(client, { manager })).map((entry) => entry.escrow)
    addresses = manager && withManager ? [manager, ...escrows] : [...escrows]
    return addresses
  }

  const poll = async () => {
    const watched = await sources()
    if (!cursor) {
      cursor = (await store?.get(key)) ?? undefined
      if (!cursor) {
        const start = parameters.fromBlock ?? (await getBlockNumber(client, { cacheTime: 0 })) + 1n
        cursor = { blockNumber: start, logIndex: 0 }
      }
    }
    const head = (await getBlockNumber(client, { cacheTime: 0 })) - confirmations
    while (!stopped && cursor.blockNumber <= head) {
      const from: bigint = cursor.blockNumber
      const to: bigint = from + maxRange - 1n < head ? from + maxRange - 1n : head
      const events = (
        await fetchEvents(client, {
          addresses: watched,
          eventNames: parameters.eventNames,
          jobIds: parameters.jobIds,
          fromBlock: from,
          toBlock: to,
        })
      ).filter(
        (event) =>
          event.blockNumber > from ||
          (event.blockNumber === from && event.logIndex >= (cursor as WatchCursor).logIndex),
      )
      if (events.length) await parameters.onEvents(events)
      cursor = { blockNumber: to + 1n, logIndex: 0 }
      await store?.set(key, cursor)
    }
  }

  const loop = () => {
    if (stopped) return
    running = poll()
      .catch((error: unknown) => parameters.onError?.(error as Error))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, interval)
      })
  }
  loop()

  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await running
  }
}
