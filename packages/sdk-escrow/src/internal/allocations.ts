import type { Address, TransactionReceipt } from 'viem'
import { getAddress, parseEventLogs } from 'viem'
import { cspEscrowAbi } from '../abis.js'

/** What an allocation transaction paid out, read from its receipt. */
export type AllocationSummary = {
  /** One entry per node credit (`RewardsAllocatedV3`). */
  credits: { escrow: Address; jobId: bigint; node: Address; usdc: bigint }[]
  /** USDC credited to nodes in total. */
  credited: bigint
  /** USDC swapped to R1 and burned, and the R1 burned (`TokensBurned`, one per escrow). */
  burned: { usdc: bigint; r1: bigint }
  /** Burns postponed because the swap could not run (`BurnDeferred`; our contracts only). */
  deferredBurn: bigint
}

export function allocationOf(receipt: Pick<TransactionReceipt, 'logs'>): AllocationSummary {
  const logs = parseEventLogs({ abi: cspEscrowAbi, logs: receipt.logs })
  const summary: AllocationSummary = {
    credits: [],
    credited: 0n,
    burned: { usdc: 0n, r1: 0n },
    deferredBurn: 0n,
  }
  for (const log of logs) {
    if (log.eventName === 'RewardsAllocatedV3') {
      summary.credits.push({
        escrow: getAddress(log.address),
        jobId: log.args.jobId,
        node: log.args.nodeAddress,
        usdc: log.args.usdcAmount,
      })
      summary.credited += log.args.usdcAmount
    } else if (log.eventName === 'TokensBurned') {
      summary.burned.usdc += log.args.usdcAmount
      summary.burned.r1 += log.args.r1Amount
    } else if (log.eventName === 'BurnDeferred') summary.deferredBurn += log.args.usdcAmount
  }
  return summary
}
