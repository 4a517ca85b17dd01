import { quoteExtendJobDuration } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { parseEventLogs } from 'viem'
import { cspEscrowAbi, escrowCallAbi } from '../abis.js'
import { ContractAddressRequiredError } from '../errors/escrow.js'
import type { EscrowPaymentErrorType } from '../errors/types.js'
import { ensureFunds } from '../internal/pay.js'
import { readJobForPayment } from '../internal/readJob.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'
import type { ApproveUsdcReturnType } from './approveUsdc.js'

export type ExtendJobDurationParameters = ManagerParameters &
  TransactionParameters & {
    jobId: bigint
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    /** Epochs to add to the job's end. Give this or `newLastExecutionEpoch`. */
    epochs?: number | bigint | undefined
    /** The new exclusive end epoch. */
    newLastExecutionEpoch?: bigint | undefined
    /** How to obtain the USDC allowance; see `createJobs`. */
    allowance?: 'auto' | 'approve' | 'permit' | 'none' | undefined
  }
export type ExtendJobDurationReturnType = TransactionResult & {
  /** USDC charged (from `JobDurationExtended`). */
  amount: bigint
  newLastExecutionEpoch: bigint
  allowance: ApproveUsdcReturnType
}
export type ExtendJobDurationErrorType = EscrowPaymentErrorType

/**
 * Pays for more epochs of a job: prices them with sdk-core (`price × requested nodes × added epochs`),
 * refuses jobs whose paid epochs are over (Ratio1's escrow would charge for epochs already gone), checks
 * the balance, obtains the allowance and sends `extendJobDuration`.
 *
 * @example
 * ```ts
 * import { extendJobDuration } from '@ratio1/sdk-escrow'
 * const { amount } = await extendJobDuration(walletClient, { escrow, jobId: 1n, epochs: 30 })
 * ```
 */
export async function extendJobDuration(
  client: EscrowClient,
  parameters: ExtendJobDurationParameters,
): Promise<ExtendJobDurationReturnType> {
  const options = transactionOptions(parameters)
  const payer = resolveAccount(client, parameters.account)
  if (!payer) throw new ContractAddressRequiredError({ contract: 'account' })
  const escrow = await resolveEscrow(client, parameters)
  const { jobId } = parameters
  const { job, currentEpoch, usdc } = await readJobForPayment(client, escrow, jobId)
  const quote = quoteExtendJobDuration({
    job,
    currentEpoch,
    epochs: parameters.epochs,
    newLastExecutionEpoch: parameters.newLastExecutionEpoch,
  })
  const allowance = await ensureFunds(client, {
    usdc,
    escrow,
    payer,
    amount: quote.amount,
    method: parameters.allowance ?? 'auto',
    options,
  })
  const result = await sendAndWait(
    client,
    {
      address: escrow,
      abi: escrowCallAbi,
      functionName: 'extendJobDuration',
      args: [jobId, quote.newLastExecutionEpoch],
    },
    options,
    {
      account: payer,
      escrow,
      jobId,
      job,
      currentEpoch,
      newLastExecutionEpoch: quote.newLastExecutionEpoch,
    },
  )
  const [event] = parseEventLogs({
    abi: cspEscrowAbi,
    eventName: 'JobDurationExtended',
    logs: result.receipt.logs,
  })
  return {
    ...result,
    amount: event?.args.additionalAmount ?? quote.amount,
    newLastExecutionEpoch: quote.newLastExecutionEpoch,
    allowance,
  }
}
