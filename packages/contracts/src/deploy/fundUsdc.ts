import type { Address, Hash } from 'viem'
import { readContract } from 'viem/actions'
import type { MissingAccountErrorType, TransactionRevertedErrorType } from '../errors/contracts.js'
import { usdcAbi } from '../generated/abis.js'
import { type SigningClient, type WriteAndWaitErrorType, writeAndWait } from './internal.js'

export type FundUsdcParameters = {
  /** The devnet USDC (its `mint` is an open faucet). */
  usdc: Address
  to: Address
  /** Base units (6 decimals): 1 USDC = 1_000_000n. */
  amount: bigint
}
export type FundUsdcReturnType = { hash: Hash; balance: bigint }
export type FundUsdcErrorType =
  | MissingAccountErrorType
  | TransactionRevertedErrorType
  | WriteAndWaitErrorType

/**
 * Mints devnet USDC to an address through the token's faucet and returns the new balance.
 *
 * @example
 * ```ts
 * import { fundUsdc } from '@ratio1/contracts/deploy'
 * const { balance } = await fundUsdc(walletClient, {
 *   usdc: system.addresses.usdc,
 *   to: cspOwner,
 *   amount: 500n * 10n ** 6n,
 * })
 * ```
 */
export async function fundUsdc(
  client: SigningClient,
  parameters: FundUsdcParameters,
): Promise<FundUsdcReturnType> {
  const { usdc, to, amount } = parameters
  const receipt = await writeAndWait(
    client,
    client,
    { address: usdc, abi: usdcAbi, functionName: 'mint', args: [to, amount] },
    'fundUsdc',
  )
  const balance = await readContract(client, {
    address: usdc,
    abi: usdcAbi,
    functionName: 'balanceOf',
    args: [to],
  })
  return { hash: receipt.transactionHash, balance }
}
