import type { Address } from 'viem'
import { managerCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateSubmitNodeUpdateParameters = ManagerParameters &
  TransactionParameters & {
    jobId: bigint
    /** Sent exactly as given (no canonical ordering). */
    nodes: readonly Address[]
  }
export type SimulateSubmitNodeUpdateReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateSubmitNodeUpdateErrorType = EscrowWriteErrorType

/**
 * Checks an oracle's `submitNodeUpdate` with `eth_call` from the sender, e.g. to see a cooldown or a duplicate vote coming. Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateSubmitNodeUpdate } from '@ratio1/sdk-escrow'
 * await simulateSubmitNodeUpdate(oracleClient, { manager, jobId: 1n, nodes: [nodeA] })
 * ```
 */
export async function simulateSubmitNodeUpdate(
  client: EscrowClient,
  parameters: SimulateSubmitNodeUpdateParameters,
): Promise<SimulateSubmitNodeUpdateReturnType> {
  const address = resolveManager(client, parameters)
  return simulate<undefined>(
    client,
    {
      address,
      abi: managerCallAbi,
      functionName: 'submitNodeUpdate',
      args: [parameters.jobId, parameters.nodes],
    },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account), jobId: parameters.jobId },
  )
}
