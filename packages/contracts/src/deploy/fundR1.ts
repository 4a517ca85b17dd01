import type { Address, Hash } from 'viem'
import { readContract } from 'viem/actions'
import type { MissingAccountErrorType, TransactionRevertedErrorType } from '../errors/contracts.js'
import { r1Abi } from '../generated/abis.js'
import { type SigningClient, type WriteAndWaitErrorType, writeAndWait } from './internal.js'

export type FundR1Parameters = {
  /** The devnet R1; the client's account must be a minter (the deployer is). */
  r1: Address
  to: Address
  /** Wei (18 decimals): 1 R1 = 10n ** 18n. */
  amount: bigint
}
export type FundR1ReturnType = { hash: Hash; balance: bigint }
export type FundR1ErrorType =
  | MissingAccountErrorType
  | TransactionRevertedErrorType
  | WriteAndWaitErrorType

/**
 * Mints devnet R1 to an address (the client's account must be an R1 minter) and returns the new
 * balance.
 *
 * @example
 * ```ts
 * import { fundR1 } from '@ratio1/contracts/deploy'
 * await fundR1(walletClient, { r1: system.addresses.r1, to: trader, amount: 10n ** 21n })
 * ```
 */
export async function fundR1(
  client: SigningClient,
  parameters: FundR1Parameters,
): Promise<FundR1ReturnType> {
  const { r1, to, amount } = parameters
  const receipt = await writeAndWait(
    client,
    client,
    { address: r1, abi: r1Abi, functionName: 'mint', args: [to, amount] },
    'fundR1',
  )
  const balance = await readContract(client, {
    address: r1,
    abi: r1Abi,
    functionName: 'balanceOf',
    args: [to],
  })
  return { hash: receipt.transactionHash, balance }
}
