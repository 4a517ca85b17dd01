import type { Address } from 'viem'
import { parseEventLogs } from 'viem'
import { managerCallAbi, poaiManagerAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveManager } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { sendAndWait, transactionOptions } from '../internal/write.js'

export type DeployCspEscrowParameters = ManagerParameters & TransactionParameters
export type DeployCspEscrowReturnType = TransactionResult & {
  /** The new escrow, from `EscrowDeployed`. */
  escrow: Address
}
export type DeployCspEscrowErrorType = EscrowWriteErrorType

/**
 * Deploys the sender's CSP escrow. The sender must own an ND or MND licence linked to an oracle node and
 * must not own an escrow yet.
 *
 * @example
 * ```ts
 * import { deployCspEscrow } from '@ratio1/sdk-escrow'
 * const { escrow } = await deployCspEscrow(walletClient, { network: 'mainnet' })
 * ```
 */
export async function deployCspEscrow(
  client: EscrowClient,
  parameters: DeployCspEscrowParameters = {},
): Promise<DeployCspEscrowReturnType> {
  const manager = resolveManager(client, parameters)
  const result = await sendAndWait(
    client,
    { address: manager, abi: managerCallAbi, functionName: 'deployCspEscrow', args: [] },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account) },
  )
  const [event] = parseEventLogs({
    abi: poaiManagerAbi,
    eventName: 'EscrowDeployed',
    logs: result.receipt.logs,
  })
  return { ...result, escrow: event!.args.escrow }
}
