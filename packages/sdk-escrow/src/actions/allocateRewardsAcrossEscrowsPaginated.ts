import { parseEventLogs } from 'viem'
import { managerCallAbi, poaiManagerAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { type AllocationSummary, allocationOf } from '../internal/allocations.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'

export type AllocateRewardsAcrossEscrowsPaginatedParameters = ManagerParameters &
  TransactionParameters & {
    /** Jobs to process per transaction (each escrow visited counts as at least one). */
    maxJobs: bigint
    /** Keep sending pages until the epoch is fully allocated (default `true`). */
    untilDone?: boolean | undefined
  }
export type AllocateRewardsAcrossEscrowsPaginatedReturnType = AllocationSummary & {
  /** Every page's transaction, in order. */
  transactions: TransactionResult[]
  /** Whether every escrow has been visited for the last finished epoch. */
  completed: boolean
  /** The gross USDC the pages debited from jobs (what the AdoptionOracle records). */
  allocatedAmount: bigint
}
export type AllocateRewardsAcrossEscrowsPaginatedErrorType = EscrowWriteErrorType

/**
 * Allocates the last finished epoch in pages of `maxJobs`, so no transaction outgrows the block gas limit
 * however many jobs exist. **Our contracts only** (`allocateRewardsAcrossEscrowsPaginated`); Ratio1's
 * deployed manager has just the all-at-once `allocateRewardsAcrossAllEscrows`.
 *
 * @example
 * ```ts
 * import { allocateRewardsAcrossEscrowsPaginated } from '@ratio1/sdk-escrow'
 * const { transactions, credited } = await allocateRewardsAcrossEscrowsPaginated(walletClient, {
 *   manager,
 *   maxJobs: 50n,
 * })
 * ```
 */
export async function allocateRewardsAcrossEscrowsPaginated(
  client: EscrowClient,
  parameters: AllocateRewardsAcrossEscrowsPaginatedParameters,
): Promise<AllocateRewardsAcrossEscrowsPaginatedReturnType> {
  const manager = resolveManager(client, parameters)
  const options = transactionOptions(parameters)
  const transactions: TransactionResult[] = []
  const summary: AllocationSummary = {
    credits: [],
    credited: 0n,
    burned: { usdc: 0n, r1: 0n },
    deferredBurn: 0n,
  }
  let completed = false
  let allocatedAmount = 0n
  do {
    const result = await sendAndWait(
      client,
      {
        address: manager,
        abi: managerCallAbi,
        functionName: 'allocateRewardsAcrossEscrowsPaginated',
        args: [parameters.maxJobs],
      },
      options,
      { account: resolveAccount(client, parameters.account) },
    )
    transactions.push(result)
    const page = allocationOf(result.receipt)
    summary.credits.push(...page.credits)
    summary.credited += page.credited
    summary.burned.usdc += page.burned.usdc
    summary.burned.r1 += page.burned.r1
    summary.deferredBurn += page.deferredBurn
    const [progress] = parseEventLogs({
      abi: poaiManagerAbi,
      eventName: 'AllocationProgress',
      logs: result.receipt.logs,
    })
    // No progress event: every escrow was already visited for this epoch.
    completed = progress ? progress.args.completed : true
    allocatedAmount += progress?.args.allocatedAmount ?? 0n
  } while (!completed && parameters.untilDone !== false)
  return { ...summary, transactions, completed, allocatedAmount }
}
