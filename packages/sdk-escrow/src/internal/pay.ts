import type { Address } from 'viem'
import { erc20Abi } from 'viem'
import { multicall } from 'viem/actions'
import { type ApproveUsdcReturnType, approveUsdc } from '../actions/approveUsdc.js'
import { InsufficientBalanceError } from '../errors/escrow.js'
import type { EscrowClient, TransactionParameters } from './types.js'

/** Checks the payer's USDC balance and obtains the escrow's allowance for a payment. */
export async function ensureFunds(
  client: EscrowClient,
  parameters: {
    usdc: Address
    escrow: Address
    payer: Address
    amount: bigint
    method: 'auto' | 'approve' | 'permit' | 'none'
    options: TransactionParameters
  },
): Promise<ApproveUsdcReturnType> {
  const { usdc, escrow, payer, amount, method, options } = parameters
  const [balance, allowance] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { address: usdc, abi: erc20Abi, functionName: 'balanceOf', args: [payer] },
      { address: usdc, abi: erc20Abi, functionName: 'allowance', args: [payer, escrow] },
    ],
  })
  if (balance < amount)
    throw new InsufficientBalanceError({ account: payer, balance, needed: amount })
  if (method === 'none' || allowance >= amount) return { method: 'none', allowance }
  return approveUsdc(client, { ...options, usdc, spender: escrow, amount, method })
}
