import { describeValue, docsAnchor } from '../internal/describe.js'
import { BaseError } from './base.js'

/** @see InvalidNodeAddressError */
export type InvalidNodeAddressErrorType = InvalidNodeAddressError & {
  name: 'InvalidNodeAddressError'
}

/**
 * A Ratio1 node address is malformed. Node addresses are `0xai_` (or the legacy `aixp_`) followed by the
 * 44-character base64url encoding of a 33-byte compressed secp256k1 public key.
 *
 * @example
 * ```ts
 * import { InvalidNodeAddressError } from '@ratio1/sdk-core'
 * throw new InvalidNodeAddressError({ value: '0xai_abc', reason: 'the key must be 44 base64url characters' })
 * ```
 */
export class InvalidNodeAddressError extends BaseError {
  override name = 'InvalidNodeAddressError' as const
  readonly value: unknown
  constructor({ value, reason }: { value: unknown; reason: string }) {
    super(`Invalid node address ${describeValue(value)}: ${reason}.`, {
      docsPath: docsAnchor('InvalidNodeAddressError'),
      metaMessages: [
        'Expected "0xai_" + 44 base64url characters (a compressed secp256k1 public key), e.g. 0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if.',
      ],
    })
    this.value = value
  }
}

/** @see InvalidEthAddressError */
export type InvalidEthAddressErrorType = InvalidEthAddressError & { name: 'InvalidEthAddressError' }

/**
 * An EVM address is malformed: not `0x` + 40 hex digits, or mixed case with a wrong EIP-55 checksum.
 *
 * @example
 * ```ts
 * import { InvalidEthAddressError } from '@ratio1/sdk-core'
 * throw new InvalidEthAddressError({ field: 'nodes[0]', value: '0x123' })
 * ```
 */
export class InvalidEthAddressError extends BaseError {
  override name = 'InvalidEthAddressError' as const
  readonly field: string
  readonly value: unknown
  constructor({ field, value }: { field: string; value: unknown }) {
    super(
      `Invalid EVM address in \`${field}\`: received ${describeValue(value)}; expected 0x followed by 40 hex digits (mixed case must be a valid EIP-55 checksum).`,
      { docsPath: docsAnchor('InvalidEthAddressError') },
    )
    this.field = field
    this.value = value
  }
}
