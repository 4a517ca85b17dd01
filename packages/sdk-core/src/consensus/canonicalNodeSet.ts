import type { Address } from 'viem'
import { toEvmAddress } from '../addresses/toEvmAddress.js'
import type { InvalidEthAddressErrorType, InvalidNodeAddressErrorType } from '../errors/address.js'
import { InvalidParameterError } from '../errors/parameters.js'

/** @see canonicalNodeSet */
export type CanonicalNodeSetErrorType = InvalidEthAddressErrorType | InvalidNodeAddressErrorType

/**
 * Puts a job's node set in the order every oracle submits it in: each node as its EIP-55 EVM address
 * (Ratio1 `0xai_` addresses are converted), sorted by plain string comparison, duplicates kept. The
 * consensus hash is order-sensitive, so oracles that sort differently never agree.
 *
 * @example
 * ```ts
 * import { canonicalNodeSet } from '@ratio1/sdk-core'
 * canonicalNodeSet([
 *   '0xai_AzySbyf7ggk1UOWkujAy6GFFmDy2MID8Jz7gqxZaDhy8',
 *   '0x2539fdd57f93b267e58d5f2e6f77063c0230f6f4',
 * ])
 * // ['0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4', '0xdc4fDFd5B86aeA7BaB17d4742B7c39A2728Ff59B']
 * ```
 */
export function canonicalNodeSet(nodes: readonly (Address | string)[]): Address[] {
  if (!Array.isArray(nodes))
    throw new InvalidParameterError({ field: 'nodes', value: nodes, rule: 'an array of addresses' })
  return nodes
    .map((node, index) => toEvmAddress(`nodes[${index}]`, node))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
