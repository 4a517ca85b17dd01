import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateRedeemUnusedJobParameters = ManagerParameters &
  TransactionParameters & {
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    jobId: bigint
  }
export type SimulateRedeemUnusedJobReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateRedeemUnusedJobErrorType = EscrowWriteErrorType

/**
 * Checks `redeemUnusedJob` with `eth_call` from the sender: whether the job can be refunded right now. Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateRedeemUnusedJob } from '@ratio1/sdk-escrow'
 * await simulateRedeemUnusedJob(walletClient, { escrow, jobId: 1n })
 * ```
 */
export async function simulateRedeemUnusedJob(
  client: EscrowClient,
  parameters: SimulateRedeemUnusedJobParameters,
): Promise<SimulateRedeemUnusedJobReturnType> {
  const address = await resolveEscrow(client, parameters)
  return simulate<undefined>(
    client,
    { address, abi: escrowCallAbi, functionName: 'redeemUnusedJob', args: [parameters.jobId] },
    transactionOptions(parameters),
    {
      account: resolveAccount(client, parameters.account),
      escrow: address,
      jobId: parameters.jobId,
    },
  )
}
