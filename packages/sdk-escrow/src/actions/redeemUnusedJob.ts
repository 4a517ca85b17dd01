import { quoteRedeemUnusedJob } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { parseEventLogs } from 'viem'
import { getBlock } from 'viem/actions'
import { cspEscrowAbi, escrowCallAbi } from '../abis.js'
import { ContractAddressRequiredError, RedemptionCooldownError } from '../errors/escrow.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { readJobForPayment } from '../internal/readJob.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'

export type RedeemUnusedJobParameters = ManagerParameters &
  TransactionParameters & {
    jobId: bigint
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
  }
export type RedeemUnusedJobReturnType = TransactionResult & {
  /** USDC returned. */
  refund: bigint
  /** Who received it: the sender on Ratio1's escrow, the CSP owner on ours. */
  recipient: Address
}
export type RedeemUnusedJobErrorType = EscrowWriteErrorType

/**
 * Refunds a job that never started: checks first (with sdk-core) that it has no nodes, holds a balance
 * and was paid at least an hour ago by the chain's clock, then sends `redeemUnusedJob` and reads the
 * refund from `JobRedeemed`.
 *
 * @example
 * ```ts
 * import { redeemUnusedJob } from '@ratio1/sdk-escrow'
 * const { refund } = await redeemUnusedJob(walletClient, { escrow, jobId: 1n })
 * ```
 */
export async function redeemUnusedJob(
  client: EscrowClient,
  parameters: RedeemUnusedJobParameters,
): Promise<RedeemUnusedJobReturnType> {
  const options = transactionOptions(parameters)
  const account = resolveAccount(client, parameters.account)
  if (!account) throw new ContractAddressRequiredError({ contract: 'account' })
  const escrow = await resolveEscrow(client, parameters)
  const { jobId } = parameters
  const [{ job }, block] = await Promise.all([
    readJobForPayment(client, escrow, jobId),
    getBlock(client, { blockTag: 'latest' }),
  ])
  const check = quoteRedeemUnusedJob({ job, now: block.timestamp })
  if (!check.redeemableNow)
    throw new RedemptionCooldownError({ jobId, redeemableAt: check.redeemableAt })
  const result = await sendAndWait(
    client,
    { address: escrow, abi: escrowCallAbi, functionName: 'redeemUnusedJob', args: [jobId] },
    options,
    { account, escrow, jobId, job },
  )
  const [event] = parseEventLogs({
    abi: cspEscrowAbi,
    eventName: 'JobRedeemed',
    logs: result.receipt.logs,
  })
  return {
    ...result,
    refund: event?.args.refundAmount ?? check.refund,
    recipient: event?.args.owner ?? account,
  }
}
