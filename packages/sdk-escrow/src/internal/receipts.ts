import type { Address, TransactionReceipt } from 'viem'
import { parseEventLogs } from 'viem'
import { escrowFragments } from './fragments.js'

/** The job ids of the `JobCreated` events an escrow emitted in a receipt, in log order. */
export function createdJobIds(
  receipt: Pick<TransactionReceipt, 'logs'>,
  escrow: Address,
): bigint[] {
  return parseEventLogs({ abi: escrowFragments, eventName: 'JobCreated', logs: receipt.logs })
    .filter((log) => log.address.toLowerCase() === escrow.toLowerCase())
    .map((log) => log.args.jobId)
}
