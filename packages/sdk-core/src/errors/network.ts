import { describeValue, docsAnchor } from '../internal/describe.js'
import { BaseError } from './base.js'

/** @see UnknownNetworkError */
export type UnknownNetworkErrorType = UnknownNetworkError & { name: 'UnknownNetworkError' }

/**
 * The network name is not one of the built-in networks.
 *
 * @example
 * ```ts
 * import { UnknownNetworkError } from '@ratio1/sdk-core'
 * throw new UnknownNetworkError({ name: 'goerli' })
 * ```
 */
export class UnknownNetworkError extends BaseError {
  override name = 'UnknownNetworkError' as const
  readonly network: unknown
  constructor({ name }: { name: unknown }) {
    super(
      `Unknown network ${describeValue(name)}: use "mainnet", "testnet", "devnet" or "localnet", or describe your own with defineNetwork().`,
      { docsPath: docsAnchor('UnknownNetworkError') },
    )
    this.network = name
  }
}

/** @see NetworkValueMissingError */
export type NetworkValueMissingErrorType = NetworkValueMissingError & {
  name: 'NetworkValueMissingError'
}

/**
 * The network does not know a value the call needs (an address or its epoch schedule). Values that are
 * not known for a network are left out rather than guessed; read them from chain or pass them in.
 *
 * @example
 * ```ts
 * import { NetworkValueMissingError } from '@ratio1/sdk-core'
 * throw new NetworkValueMissingError({ network: 'localnet', field: 'epoch' })
 * ```
 */
export class NetworkValueMissingError extends BaseError {
  override name = 'NetworkValueMissingError' as const
  readonly network: string
  readonly field: string
  constructor({ network, field, hint }: { network: string; field: string; hint?: string }) {
    super(`Network "${network}" does not define \`${field}\`.`, {
      docsPath: docsAnchor('NetworkValueMissingError'),
      metaMessages: [
        hint ??
          'Pass the value explicitly, or define the network with defineNetwork({ ...getNetwork(name), ... }).',
      ],
    })
    this.network = network
    this.field = field
  }
}
