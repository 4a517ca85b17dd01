import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateExtendJobDurationParameters = ManagerParameters &
  TransactionParameters & {
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    jobId: bigint
    /** The new exclusive end epoch. */
    newLastExecutionEpoch: bigint
  }
export type SimulateExtendJobDurationReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateExtendJobDurationErrorType = EscrowWriteErrorType

/**
 * Checks `extendJobDuration` with `eth_call` from the sender, without paying. The escrow pulls USDC inside the call, so the allowance must already cover the price (see `approveUsdc`). Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateExtendJobDuration } from '@ratio1/sdk-escrow'
 * const { request } = await simulateExtendJobDuration(walletClient, { escrow, jobId: 1n, newLastExecutionEpoch: 90n })
 * ```
 */
export async function simulateExtendJobDuration(
  client: EscrowClient,
  parameters: SimulateExtendJobDurationParameters,
): Promise<SimulateExtendJobDurationReturnType> {
  const address = await resolveEscrow(client, parameters)
  return simulate<undefined>(
    client,
    {
      address,
      abi: escrowCallAbi,
      functionName: 'extendJobDuration',
      args: [parameters.jobId, parameters.newLastExecutionEpoch],
    },
    transactionOptions(parameters),
    {
      account: resolveAccount(client, parameters.account),
      escrow: address,
      jobId: parameters.jobId,
      newLastExecutionEpoch: parameters.newLastExecutionEpoch,
    },
  )
}
