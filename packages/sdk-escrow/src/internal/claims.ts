import type { Address, TransactionReceipt } from 'viem'
import { getAddress, parseEventLogs } from 'viem'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'

/** What one node's claim paid, read from the receipt. */
export type NodeClaim = {
  node: Address
  /** The ND licence owner who received the R1. */
  owner: Address
  /** USDC swapped (the node's balances across escrows). */
  usdc: bigint
  /** R1 wei received. */
  r1: bigint
  /** Per escrow: USDC swapped and R1 received. */
  escrows: { escrow: Address; usdc: bigint; r1: bigint }[]
}

export function claimsOf(receipt: Pick<TransactionReceipt, 'logs'>): NodeClaim[] {
  const perEscrow = parseEventLogs({
    abi: cspEscrowAbi,
    eventName: 'RewardsClaimedV2',
    logs: receipt.logs,
  })
  return parseEventLogs({
    abi: poaiManagerAbi,
    eventName: 'RewardsClaimed',
    logs: receipt.logs,
  }).map((total) => {
    const escrows = perEscrow
      .filter((log) => log.args.nodeAddr === total.args.nodeAddr && log.logIndex < total.logIndex)
      .map((log) => ({
        escrow: getAddress(log.address),
        usdc: log.args.usdcAmount,
        r1: log.args.r1Amount,
      }))
    return {
      node: total.args.nodeAddr,
      owner: total.args.nodeOwner,
      usdc: total.args.totalAmount,
      r1: escrows.reduce((sum, entry) => sum + entry.r1, 0n),
      escrows,
    }
  })
}
