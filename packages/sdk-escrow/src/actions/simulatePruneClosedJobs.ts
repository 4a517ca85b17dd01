import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulatePruneClosedJobsParameters = ManagerParameters &
  TransactionParameters & {
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    /** Positions in `closedJobs`, strictly descending. */
    indexes: readonly bigint[]
  }
export type SimulatePruneClosedJobsReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulatePruneClosedJobsErrorType = EscrowWriteErrorType

/**
 * Checks `pruneClosedJobs` with `eth_call` from the sender (the CSP owner). **Our contracts only.**
 * Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulatePruneClosedJobs } from '@ratio1/sdk-escrow'
 * await simulatePruneClosedJobs(ownerClient, { escrow, indexes: [4n, 1n] })
 * ```
 */
export async function simulatePruneClosedJobs(
  client: EscrowClient,
  parameters: SimulatePruneClosedJobsParameters,
): Promise<SimulatePruneClosedJobsReturnType> {
  const address = await resolveEscrow(client, parameters)
  return simulate<undefined>(
    client,
    { address, abi: escrowCallAbi, functionName: 'pruneClosedJobs', args: [parameters.indexes] },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account), escrow: address },
  )
}
