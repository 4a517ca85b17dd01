import { managerCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters, TransactionParameters } from '../internal/types.js'
import { type ContractCall, simulate, transactionOptions } from '../internal/write.js'

export type SimulateDeployCspEscrowParameters = ManagerParameters & TransactionParameters & {}
export type SimulateDeployCspEscrowReturnType = {
  /** What the function returns. */
  result: undefined
  /** Pass to viem's `writeContract` to send exactly this call. */
  request: ContractCall & TransactionParameters
}
export type SimulateDeployCspEscrowErrorType = EscrowWriteErrorType

/**
 * Checks `deployCspEscrow` with `eth_call` from the sender: whether it may deploy an escrow now. Reverts are thrown as this package's typed errors.
 *
 * @example
 * ```ts
 * import { simulateDeployCspEscrow } from '@ratio1/sdk-escrow'
 * await simulateDeployCspEscrow(walletClient, { manager })
 * ```
 */
export async function simulateDeployCspEscrow(
  client: EscrowClient,
  parameters: SimulateDeployCspEscrowParameters,
): Promise<SimulateDeployCspEscrowReturnType> {
  const address = resolveManager(client, parameters)
  return simulate<undefined>(
    client,
    { address, abi: managerCallAbi, functionName: 'deployCspEscrow', args: [] },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account) },
  )
}
