import type { QuoteJobsReturnType } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import type { EscrowPaymentErrorType } from '../errors/types.js'
import { createJobsCallAbi } from '../internal/createJobsAbi.js'
import {
  type JobCreationRequest,
  type JobRequest,
  prepareCreateJobs,
} from '../internal/prepareCreateJobs.js'
import { createdJobIds } from '../internal/receipts.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'
import { type ApproveUsdcReturnType, approveUsdc } from './approveUsdc.js'

export type { JobCreationRequest, JobRequest }

export type CreateJobsParameters = ManagerParameters &
  TransactionParameters & {
    /** The jobs to buy, as `{ jobType, nodes, epochs | until | lastExecutionEpoch, projectHash? }`. */
    jobs: readonly JobRequest[]
    /** The escrow to buy in. Default: the one the sender owns or is a delegate of. */
    escrow?: Address | undefined
    /**
     * How the escrow gets its USDC allowance when the current one is short: `'auto'` (default) signs an
     * EIP-2612 permit when the token supports it and falls back to `approve`; `'none'` sends nothing
     * (the call then fails with `InsufficientAllowanceError` unless allowed already).
     */
    allowance?: 'auto' | 'approve' | 'permit' | 'none' | undefined
  }

export type CreateJobsReturnType = TransactionResult & {
  escrow: Address
  /** The new job ids, decoded from `JobCreated`, in request order. */
  jobIds: bigint[]
  /** What was charged, job by job (sdk-core quotes). */
  quote: QuoteJobsReturnType
  /** How the allowance was obtained. */
  allowance: ApproveUsdcReturnType
}
export type CreateJobsErrorType = EscrowPaymentErrorType

/**
 * Buys jobs. Before paying it quotes them with sdk-core (rejecting fewer than 30 epochs, unknown or
 * retired job types and empty node counts), checks the sender's USDC balance and obtains the allowance by
 * permit or `approve`; then it sends `createJobs`, waits for the receipt and returns the new job ids from
 * the `JobCreated` events. Uses only the deployed ABI, so it works on Base and Base Sepolia as well as
 * locally. For exactly-once payment across crashes, use `createJobsIdempotent`.
 *
 * @example
 * ```ts
 * import { createJobs } from '@ratio1/sdk-escrow'
 * const { jobIds, quote } = await createJobs(walletClient, {
 *   manager,
 *   jobs: [{ jobType: 1, nodes: 2, epochs: 30, projectHash }],
 * })
 * ```
 */
export async function createJobs(
  client: EscrowClient,
  parameters: CreateJobsParameters,
): Promise<CreateJobsReturnType> {
  const { allowance: method = 'auto' } = parameters
  const options = transactionOptions(parameters)
  const prepared = await prepareCreateJobs(client, parameters)
  const allowance =
    method === 'none' || prepared.allowance >= prepared.quote.total
      ? { method: 'none' as const, allowance: prepared.allowance }
      : await approveUsdc(client, {
          ...options,
          usdc: prepared.usdc,
          spender: prepared.escrow,
          amount: prepared.quote.total,
          method,
        })
  const result = await sendAndWait(
    client,
    {
      address: prepared.escrow,
      abi: createJobsCallAbi,
      functionName: 'createJobs',
      args: [prepared.requests],
    },
    options,
    {
      account: prepared.payer,
      escrow: prepared.escrow,
      currentEpoch: prepared.currentEpoch,
      requests: prepared.requests,
    },
  )
  return {
    ...result,
    escrow: prepared.escrow,
    jobIds: createdJobIds(result.receipt, prepared.escrow),
    quote: prepared.quote,
    allowance,
  }
}
