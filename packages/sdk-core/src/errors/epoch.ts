import { docsAnchor } from '../internal/describe.js'
import { BaseError } from './base.js'

/** @see TimestampBeforeGenesisError */
export type TimestampBeforeGenesisErrorType = TimestampBeforeGenesisError & {
  name: 'TimestampBeforeGenesisError'
}

/**
 * The timestamp is before the network's first epoch; the contracts revert in this case too
 * ("Timestamp is before the start epoch.").
 *
 * @example
 * ```ts
 * import { TimestampBeforeGenesisError } from '@ratio1/sdk-core'
 * throw new TimestampBeforeGenesisError({ timestamp: 0n, genesis: 1748016000n })
 * ```
 */
export class TimestampBeforeGenesisError extends BaseError {
  override name = 'TimestampBeforeGenesisError' as const
  readonly timestamp: bigint
  readonly genesis: bigint
  constructor({ timestamp, genesis }: { timestamp: bigint; genesis: bigint }) {
    super(
      `Timestamp ${timestamp} is before the network's genesis (${genesis}, ${new Date(Number(genesis) * 1000).toISOString()}); epochs start there. Timestamps are Unix seconds.`,
      { docsPath: docsAnchor('TimestampBeforeGenesisError') },
    )
    this.timestamp = timestamp
    this.genesis = genesis
  }
}
