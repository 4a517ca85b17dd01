import { type Address, getAddress, isAddress } from 'viem'
import { InvalidEthAddressError } from '../errors/address.js'
import { nodeAddressToEthAddress } from './nodeAddressToEthAddress.js'

/**
 * Accepts an EVM address (any case; mixed case must carry a valid checksum) or a Ratio1 node address and
 * returns the EIP-55 EVM address.
 */
export function toEvmAddress(field: string, value: unknown): Address {
  if (typeof value === 'string' && (value.startsWith('0xai_') || value.startsWith('aixp_')))
    return nodeAddressToEthAddress(value)
  if (typeof value !== 'string' || !isAddress(value))
    throw new InvalidEthAddressError({ field, value })
  return getAddress(value)
}
