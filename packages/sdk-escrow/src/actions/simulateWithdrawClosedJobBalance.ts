import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateWithdrawClosedJobBalanceParameters = ManagerParameters &
  TransactionParameters & {
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    jobId: bigint
  }
export type SimulateWithdrawClosedJobBalanceReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateWithdrawClosedJobBalanceErrorType = EscrowWriteErrorType

/**
 * Checks `withdrawClosedJobBalance` with `eth_call` from the sender. **Our contracts only.** Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateWithdrawClosedJobBalance } from '@ratio1/sdk-escrow'
 * await simulateWithdrawClosedJobBalance(walletClient, { escrow, jobId: 1n })
 * ```
 */
export async function simulateWithdrawClosedJobBalance(
  client: EscrowClient,
  parameters: SimulateWithdrawClosedJobBalanceParameters,
): Promise<SimulateWithdrawClosedJobBalanceReturnType> {
  const address = await resolveEscrow(client, parameters)
  return simulate<undefined>(
    client,
    {
      address,
      abi: escrowCallAbi,
      functionName: 'withdrawClosedJobBalance',
      args: [parameters.jobId],
    },
    transactionOptions(parameters),
    {
      account: resolveAccount(client, parameters.account),
      escrow: address,
      jobId: parameters.jobId,
    },
  )
}
