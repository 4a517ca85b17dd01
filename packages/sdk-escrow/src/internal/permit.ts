import type { Address, Hex, TypedDataDomain } from 'viem'
import { hashDomain } from 'viem'
import { multicall } from 'viem/actions'
import type { EscrowClient } from './types.js'

/** The parts of ERC-20, EIP-2612 and EIP-5267 used to detect and sign permits. */
export const permitTokenAbi = [
  {
    type: 'function',
    name: 'eip712Domain',
    stateMutability: 'view',
    inputs: [],
    outputs: [
      { name: 'fields', type: 'bytes1' },
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
      { name: 'salt', type: 'bytes32' },
      { name: 'extensions', type: 'uint256[]' },
    ],
  },
  {
    type: 'function',
    name: 'nonces',
    stateMutability: 'view',
    inputs: [{ name: 'owner', type: 'address' }],
    outputs: [{ type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'DOMAIN_SEPARATOR',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ type: 'bytes32' }],
  },
  {
    type: 'function',
    name: 'name',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ type: 'string' }],
  },
  {
    type: 'function',
    name: 'version',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ type: 'string' }],
  },
  {
    type: 'function',
    name: 'permit',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'owner', type: 'address' },
      { name: 'spender', type: 'address' },
      { name: 'value', type: 'uint256' },
      { name: 'deadline', type: 'uint256' },
      { name: 'v', type: 'uint8' },
      { name: 'r', type: 'bytes32' },
      { name: 's', type: 'bytes32' },
    ],
    outputs: [],
  },
] as const

export const permitTypes = {
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

/**
 * The token's EIP-712 domain and the owner's permit nonce, or `undefined` when the token shows no sign
 * of EIP-2612. The domain comes from EIP-5267 when available (our devnet USDC), otherwise from `name()`
 * and `version()` (Circle's USDC) and must hash to `DOMAIN_SEPARATOR()`, so a guessed domain is never used.
 */
export async function getPermitDomain(
  client: EscrowClient,
  token: Address,
  owner: Address,
): Promise<{ domain: TypedDataDomain; nonce: bigint } | undefined> {
  const [domain5267, nonce, separator, name, version] = await multicall(client, {
    allowFailure: true,
    contracts: [
      { address: token, abi: permitTokenAbi, functionName: 'eip712Domain' },
      { address: token, abi: permitTokenAbi, functionName: 'nonces', args: [owner] },
      { address: token, abi: permitTokenAbi, functionName: 'DOMAIN_SEPARATOR' },
      { address: token, abi: permitTokenAbi, functionName: 'name' },
      { address: token, abi: permitTokenAbi, functionName: 'version' },
    ],
  })
  if (nonce.status !== 'success' || separator.status !== 'success') return undefined
  const chainId = client.chain?.id
  let domain: TypedDataDomain | undefined
  if (domain5267.status === 'success') {
    const [, domainName, domainVersion, domainChainId, verifyingContract] = domain5267.result
    domain = {
      name: domainName,
      version: domainVersion,
      chainId: Number(domainChainId),
      verifyingContract,
    }
  } else if (name.status === 'success' && chainId !== undefined) {
    domain = {
      name: name.result,
      version: version.status === 'success' ? version.result : '1',
      chainId,
      verifyingContract: token,
    }
  }
  if (!domain) return undefined
  const expected: Hex = hashDomain({
    domain: domain as never,
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
    },
  })
  if (expected.toLowerCase() !== separator.result.toLowerCase()) return undefined
  return { domain, nonce: nonce.result }
}
