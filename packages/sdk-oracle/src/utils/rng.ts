/** A source of randomness: injected so backoffs are reproducible from a seed. */
export type Rng = {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
}

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence, so randomized
 * backoffs in the loops can be replayed exactly in tests. Not for secrets.
 *
 * @example
 * ```ts
 * import { createSeededRng } from '@ratio1/sdk-oracle'
 * const rng = createSeededRng(42)
 * const delayMs = rng.int(1_000, 250_000)
 * ```
 */
export function createSeededRng(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    int(min, max) {
      if (max < min) return min
      return min + Math.floor(next() * (max - min + 1))
    },
  }
}
