import type { Address } from 'viem'
import { parseEventLogs } from 'viem'
import { cspEscrowAbi, escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'

export type WithdrawClosedJobBalanceParameters = ManagerParameters &
  TransactionParameters & {
    jobId: bigint
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
  }
export type WithdrawClosedJobBalanceReturnType = TransactionResult & {
  /** USDC returned to the CSP owner. */
  amount: bigint
  recipient: Address
}
export type WithdrawClosedJobBalanceErrorType = EscrowWriteErrorType

/**
 * Returns a closed job's unspent balance to the CSP owner. **Our contracts only**: Ratio1's deployed
 * escrow has no such function (the balance stays in the escrow), so this fails there.
 *
 * @example
 * ```ts
 * import { withdrawClosedJobBalance } from '@ratio1/sdk-escrow'
 * const { amount } = await withdrawClosedJobBalance(walletClient, { escrow, jobId: 1n })
 * ```
 */
export async function withdrawClosedJobBalance(
  client: EscrowClient,
  parameters: WithdrawClosedJobBalanceParameters,
): Promise<WithdrawClosedJobBalanceReturnType> {
  const escrow = await resolveEscrow(client, parameters)
  const { jobId } = parameters
  const result = await sendAndWait(
    client,
    {
      address: escrow,
      abi: escrowCallAbi,
      functionName: 'withdrawClosedJobBalance',
      args: [jobId],
    },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account), escrow, jobId },
  )
  const [event] = parseEventLogs({
    abi: cspEscrowAbi,
    eventName: 'ClosedJobBalanceWithdrawn',
    logs: result.receipt.logs,
  })
  return { ...result, amount: event?.args.amount ?? 0n, recipient: event?.args.recipient ?? escrow }
}
