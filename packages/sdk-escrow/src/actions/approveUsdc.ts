import type { Address, Hash } from 'viem'
import { erc20Abi } from 'viem'
import { readContract } from 'viem/actions'
import { ContractAddressRequiredError, PermitError } from '../errors/escrow.js'
import type { EscrowPaymentErrorType } from '../errors/types.js'
import { permitTokenAbi } from '../internal/permit.js'
import { resolveAccount } from '../internal/resolve.js'
import type { EscrowClient, TransactionParameters } from '../internal/types.js'
import { sendAndWait } from '../internal/write.js'
import { signUsdcPermit } from './signUsdcPermit.js'

export type ApproveUsdcParameters = TransactionParameters & {
  usdc: Address
  /** The escrow that will pull the USDC. */
  spender: Address
  /** Base units the escrow must be allowed to pull. */
  amount: bigint
  /**
   * `'auto'` (default): a permit when the token supports EIP-2612, else `approve`. `'permit'` fails with
   * `PermitError` on tokens without permits.
   */
  method?: 'auto' | 'approve' | 'permit' | undefined
}
export type ApproveUsdcReturnType = {
  /** `'none'` when the allowance already covered the amount. */
  method: 'none' | 'approve' | 'permit'
  hash?: Hash | undefined
  /** The allowance afterwards. */
  allowance: bigint
}
export type ApproveUsdcErrorType = EscrowPaymentErrorType

/**
 * Makes sure the escrow may pull `amount` USDC from the sender: nothing when the allowance suffices,
 * otherwise an EIP-2612 permit (signed, then submitted by the sender) or a plain `approve`, waiting for
 * the transaction. Allowances are set, not added, so running it twice never allows more than asked.
 *
 * @example
 * ```ts
 * import { approveUsdc } from '@ratio1/sdk-escrow'
 * await approveUsdc(walletClient, { usdc, spender: escrow, amount: 22_500_000n })
 * ```
 */
export async function approveUsdc(
  client: EscrowClient,
  parameters: ApproveUsdcParameters,
): Promise<ApproveUsdcReturnType> {
  const { usdc, spender, amount, method = 'auto', ...options } = parameters
  const owner = resolveAccount(client, options.account)
  if (!owner) throw new ContractAddressRequiredError({ contract: 'account' })
  const allowance = await readContract(client, {
    address: usdc,
    abi: erc20Abi,
    functionName: 'allowance',
    args: [owner, spender],
  })
  if (allowance >= amount) return { method: 'none', allowance }

  if (method !== 'approve') {
    try {
      const permit = await signUsdcPermit(client, {
        usdc,
        spender,
        amount,
        account: options.account,
      })
      const { hash } = await sendAndWait(
        client,
        {
          address: usdc,
          abi: permitTokenAbi,
          functionName: 'permit',
          args: [permit.owner, spender, amount, permit.deadline, permit.v, permit.r, permit.s],
        },
        options,
        {},
      )
      return { method: 'permit', hash, allowance: amount }
    } catch (error) {
      if (method === 'permit' || !(error instanceof PermitError)) throw error
    }
  }
  const { hash } = await sendAndWait(
    client,
    { address: usdc, abi: erc20Abi, functionName: 'approve', args: [spender, amount] },
    options,
    {},
  )
  return { method: 'approve', hash, allowance: amount }
}
