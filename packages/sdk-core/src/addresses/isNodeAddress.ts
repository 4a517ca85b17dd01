import { nodeAddressToEthAddress } from './nodeAddressToEthAddress.js'

/**
 * Whether a value is a well-formed Ratio1 node address whose key lies on the curve.
 *
 * @example
 * ```ts
 * import { isNodeAddress } from '@ratio1/sdk-core'
 * isNodeAddress('0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if') // true
 * isNodeAddress('0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4') // false
 * ```
 */
export function isNodeAddress(value: unknown): value is `0xai_${string}` | `aixp_${string}` {
  try {
    nodeAddressToEthAddress(value as string)
    return true
  } catch {
    return false
  }
}
