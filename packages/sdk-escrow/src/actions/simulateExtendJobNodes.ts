import type { Address } from 'viem'
import { escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateExtendJobNodesParameters = ManagerParameters &
  TransactionParameters & {
    /** Default: the escrow the sender owns or is a delegate of. */
    escrow?: Address | undefined
    jobId: bigint
    /** The new total number of nodes. */
    newNumberOfNodes: bigint
  }
export type SimulateExtendJobNodesReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateExtendJobNodesErrorType = EscrowWriteErrorType

/**
 * Checks `extendJobNodes` with `eth_call` from the sender, without paying (the allowance must already cover the price). Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateExtendJobNodes } from '@ratio1/sdk-escrow'
 * const { request } = await simulateExtendJobNodes(walletClient, { escrow, jobId: 1n, newNumberOfNodes: 3n })
 * ```
 */
export async function simulateExtendJobNodes(
  client: EscrowClient,
  parameters: SimulateExtendJobNodesParameters,
): Promise<SimulateExtendJobNodesReturnType> {
  const address = await resolveEscrow(client, parameters)
  return simulate<undefined>(
    client,
    {
      address,
      abi: escrowCallAbi,
      functionName: 'extendJobNodes',
      args: [parameters.jobId, parameters.newNumberOfNodes],
    },
    transactionOptions(parameters),
    {
      account: resolveAccount(client, parameters.account),
      escrow: address,
      jobId: parameters.jobId,
      newNumberOfNodes: parameters.newNumberOfNodes,
    },
  )
}
