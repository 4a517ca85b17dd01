import type { QuoteJobsReturnType } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import type { EscrowPaymentErrorType } from '../errors/types.js'
import { createJobsCallAbi } from '../internal/createJobsAbi.js'
import { type JobRequest, prepareCreateJobs } from '../internal/prepareCreateJobs.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateCreateJobsParameters = ManagerParameters &
  TransactionParameters & {
    jobs: readonly JobRequest[]
    escrow?: Address | undefined
  }
export type SimulateCreateJobsReturnType = {
  /** The job ids the call would create now. */
  result: bigint[]
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
  escrow: Address
  usdc: Address
  quote: QuoteJobsReturnType
  /** USDC the sender still has to allow the escrow before sending (0 when the allowance suffices). */
  missingAllowance: bigint
}
export type SimulateCreateJobsErrorType = EscrowPaymentErrorType

/**
 * Runs the `createJobs` pre-flight (quote, minimum epochs, balance) and then the call itself with
 * `eth_call`, without paying. The escrow pulls USDC inside the call, so when the allowance is still
 * missing the simulation is skipped, `result` is empty and `missingAllowance` says how much to allow;
 * otherwise any revert is thrown as a typed error.
 *
 * @example
 * ```ts
 * import { simulateCreateJobs } from '@ratio1/sdk-escrow'
 * const { quote, missingAllowance, result } = await simulateCreateJobs(walletClient, {
 *   manager,
 *   jobs: [{ jobType: 1, nodes: 2, epochs: 30 }],
 * })
 * ```
 */
export async function simulateCreateJobs(
  client: EscrowClient,
  parameters: SimulateCreateJobsParameters,
): Promise<SimulateCreateJobsReturnType> {
  const prepared = await prepareCreateJobs(client, parameters)
  const call = {
    address: prepared.escrow,
    abi: createJobsCallAbi,
    functionName: 'createJobs',
    args: [prepared.requests],
  }
  const missingAllowance =
    prepared.allowance >= prepared.quote.total ? 0n : prepared.quote.total - prepared.allowance
  const base = {
    escrow: prepared.escrow,
    usdc: prepared.usdc,
    quote: prepared.quote,
    missingAllowance,
  }
  if (missingAllowance > 0n)
    return { ...base, result: [], request: { ...call, ...transactionOptions(parameters) } }
  const { result, request } = await simulate<readonly bigint[]>(
    client,
    call,
    transactionOptions(parameters),
    {
      account: prepared.payer,
      escrow: prepared.escrow,
      currentEpoch: prepared.currentEpoch,
      requests: prepared.requests,
    },
  )
  return { ...base, result: [...result], request }
}
