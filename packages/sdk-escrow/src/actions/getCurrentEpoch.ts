import type { Address } from 'viem'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetCurrentEpochParameters = ManagerParameters & {
  /** Ask this escrow instead of the PoAIManager (same clock). */
  escrow?: Address | undefined
}
export type GetCurrentEpochReturnType = bigint
export type GetCurrentEpochErrorType = EscrowReadErrorType

/**
 * The current epoch by the chain's clock, as the contracts compute it (`getCurrentEpoch`).
 *
 * @example
 * ```ts
 * import { getCurrentEpoch } from '@ratio1/sdk-escrow'
 * const epoch = await getCurrentEpoch(publicClient, { network: 'mainnet' })
 * ```
 */
export async function getCurrentEpoch(
  client: EscrowClient,
  parameters: GetCurrentEpochParameters = {},
): Promise<GetCurrentEpochReturnType> {
  if (parameters.escrow)
    return read(client, {
      address: parameters.escrow,
      abi: cspEscrowAbi,
      functionName: 'getCurrentEpoch',
    })
  return read(client, {
    address: resolveManager(client, parameters),
    abi: poaiManagerAbi,
    functionName: 'getCurrentEpoch',
  })
}
