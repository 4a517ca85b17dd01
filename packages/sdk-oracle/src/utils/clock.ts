/** Where the oracle reads the time: injected so loops and tests are deterministic. */
export type Clock = {
  /** Milliseconds since the Unix epoch. */
  now(): number
}

/** A clock that only moves when told to; for tests and simulations. */
export type ManualClock = Clock & {
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void
  /** Sets the clock to `ms`. */
  set(ms: number): void
}

/**
 * The wall clock (`Date.now()`).
 *
 * @example
 * ```ts
 * import { systemClock } from '@ratio1/sdk-oracle'
 * const ms = systemClock.now()
 * ```
 */
export const systemClock: Clock = { now: () => Date.now() }

/**
 * Creates a clock that starts at `start` (ms) and moves only through `advance`/`set`.
 *
 * @example
 * ```ts
 * import { createManualClock } from '@ratio1/sdk-oracle'
 * const clock = createManualClock(1_700_000_000_000)
 * clock.advance(5_000)
 * ```
 */
export function createManualClock(start = 0): ManualClock {
  let current = start
  return {
    now: () => current,
    advance(ms) {
      current += ms
    },
    set(ms) {
      current = ms
    },
  }
}
