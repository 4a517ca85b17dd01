import { quoteExtendJobNodes } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { parseEventLogs } from 'viem'
import { multicall } from 'viem/actions'
import { cspEscrowAbi, escrowCallAbi } from '../abis.js'
import { ContractAddressRequiredError } from '../errors/escrow.js'
import type { EscrowPaymentErrorType } from '../errors/types.js'
import { controllerScheduleAbi } from '../internal/controller.js'
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

export type ExtendJobNodesParameters = ManagerParameters &
  TransactionParameters & {
    jobId: bigint
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    /** The new total number of nodes (must be greater than the current one). */
    newNumberOfNodes: number | bigint
    /** How to obtain the USDC allowance; see `createJobs`. */
    allowance?: 'auto' | 'approve' | 'permit' | 'none' | undefined
  }
export type ExtendJobNodesReturnType = TransactionResult & {
  /** USDC charged (from `JobNodesExtended`). */
  amount: bigint
  allowance: ApproveUsdcReturnType
}
export type ExtendJobNodesErrorType = EscrowPaymentErrorType

/**
 * Pays for more nodes on a job and sends `extendJobNodes`. Ratio1's escrow charges
 * `price × added nodes × (end − current epoch)` (sdk-core's quote). Our contracts charge a pending job for
 * all its purchased epochs (its end moves with its start), so for a pending job the allowance covers
 * `end − request epoch` instead; the amount actually charged is read from the event.
 *
 * @example
 * ```ts
 * import { extendJobNodes } from '@ratio1/sdk-escrow'
 * const { amount } = await extendJobNodes(walletClient, { escrow, jobId: 1n, newNumberOfNodes: 3 })
 * ```
 */
export async function extendJobNodes(
  client: EscrowClient,
  parameters: ExtendJobNodesParameters,
): Promise<ExtendJobNodesReturnType> {
  const options = transactionOptions(parameters)
  const payer = resolveAccount(client, parameters.account)
  if (!payer) throw new ContractAddressRequiredError({ contract: 'account' })
  const escrow = await resolveEscrow(client, parameters)
  const { jobId } = parameters
  const { job, currentEpoch, usdc, controller } = await readJobForPayment(client, escrow, jobId)
  const quote = quoteExtendJobNodes({
    job,
    currentEpoch,
    newNumberOfNodes: parameters.newNumberOfNodes,
  })
  let amount = quote.amount
  if (job.startTimestamp === 0n) {
    const [genesis, length] = await multicall(client, {
      allowFailure: false,
      contracts: [
        { address: controller, abi: controllerScheduleAbi, functionName: 'startEpochTimestamp' },
        { address: controller, abi: controllerScheduleAbi, functionName: 'epochDuration' },
      ],
    })
    const requestEpoch = (job.requestTimestamp - genesis) / length
    const pending =
      job.pricePerEpoch * quote.additionalNodes * (job.lastExecutionEpoch - requestEpoch)
    if (pending > amount) amount = pending
  }
  const allowance = await ensureFunds(client, {
    usdc,
    escrow,
    payer,
    amount,
    method: parameters.allowance ?? 'auto',
    options,
  })
  const newNumberOfNodes = BigInt(parameters.newNumberOfNodes)
  const result = await sendAndWait(
    client,
    {
      address: escrow,
      abi: escrowCallAbi,
      functionName: 'extendJobNodes',
      args: [jobId, newNumberOfNodes],
    },
    options,
    { account: payer, escrow, jobId, job, currentEpoch, newNumberOfNodes },
  )
  const [event] = parseEventLogs({
    abi: cspEscrowAbi,
    eventName: 'JobNodesExtended',
    logs: result.receipt.logs,
  })
  return { ...result, amount: event?.args.additionalAmount ?? quote.amount, allowance }
}
