import type { Account, Address, Hex } from 'viem'
import { hexToNumber, slice } from 'viem'
import { getBlock, signTypedData } from 'viem/actions'
import { ContractAddressRequiredError, PermitError } from '../errors/escrow.js'
import type { EscrowPaymentErrorType } from '../errors/types.js'
import { getPermitDomain, permitTypes } from '../internal/permit.js'
import type { EscrowClient } from '../internal/types.js'

export type SignUsdcPermitParameters = {
  /** The token (USDC). */
  usdc: Address
  /** Who may spend: the escrow. */
  spender: Address
  /** Base units to allow. */
  amount: bigint
  /** Unix seconds after which the permit is void. Default: one hour after the latest block. */
  deadline?: bigint | undefined
  /** The token owner that signs. Default: the client's account. */
  account?: Account | Address | undefined
}
export type SignUsdcPermitReturnType = {
  owner: Address
  spender: Address
  value: bigint
  nonce: bigint
  deadline: bigint
  v: number
  r: Hex
  s: Hex
  signature: Hex
}
export type SignUsdcPermitErrorType = EscrowPaymentErrorType

/**
 * Signs an EIP-2612 permit for the escrow without sending anything, after checking that the token
 * supports permits (its EIP-712 domain must hash to `DOMAIN_SEPARATOR()`). Pass the result to the token's
 * `permit` yourself, e.g. batched with other calls; `createJobs` does this for you with
 * `allowance: 'permit'`. The escrow's `createJobs` pulls with `transferFrom`, so the permit has to land
 * before it.
 *
 * @example
 * ```ts
 * import { signUsdcPermit } from '@ratio1/sdk-escrow'
 * const permit = await signUsdcPermit(walletClient, { usdc, spender: escrow, amount: 22_500_000n })
 * ```
 */
export async function signUsdcPermit(
  client: EscrowClient,
  parameters: SignUsdcPermitParameters,
): Promise<SignUsdcPermitReturnType> {
  const account = parameters.account ?? client.account
  if (!account) throw new ContractAddressRequiredError({ contract: 'account' })
  const owner = typeof account === 'string' ? account : account.address
  const found = await getPermitDomain(client, parameters.usdc, owner)
  if (!found) throw new PermitError({ reason: 'the token does not support EIP-2612 permits' })
  const deadline =
    parameters.deadline ?? (await getBlock(client, { blockTag: 'latest' })).timestamp + 3_600n
  const message = {
    owner,
    spender: parameters.spender,
    value: parameters.amount,
    nonce: found.nonce,
    deadline,
  }
  const signature = await signTypedData(client, {
    account,
    domain: found.domain,
    types: permitTypes,
    primaryType: 'Permit',
    message,
  })
  // Split by hand: viem's parseSignature would pull a whole secp256k1 implementation into bundles.
  const r = slice(signature, 0, 32)
  const s = slice(signature, 32, 64)
  const recovery = hexToNumber(slice(signature, 64, 65))
  return { ...message, v: recovery < 27 ? recovery + 27 : recovery, r, s, signature }
}
