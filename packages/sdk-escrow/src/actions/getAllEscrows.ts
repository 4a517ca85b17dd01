import type { Address } from 'viem'
import { poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetAllEscrowsParameters = ManagerParameters
export type GetAllEscrowsReturnType = { escrow: Address; owner: Address }[]
export type GetAllEscrowsErrorType = EscrowReadErrorType

/**
 * Every CSP escrow with its owner, in deployment order (`getAllCspsWithOwner`).
 *
 * @example
 * ```ts
 * import { getAllEscrows } from '@ratio1/sdk-escrow'
 * const escrows = await getAllEscrows(publicClient, { network: 'mainnet' })
 * ```
 */
export async function getAllEscrows(
  client: EscrowClient,
  parameters: GetAllEscrowsParameters = {},
): Promise<GetAllEscrowsReturnType> {
  const csps = await read<readonly { cspAddress: Address; cspOwner: Address }[]>(client, {
    address: resolveManager(client, parameters),
    abi: poaiManagerAbi,
    functionName: 'getAllCspsWithOwner',
  })
  return csps.map((csp) => ({ escrow: csp.cspAddress, owner: csp.cspOwner }))
}
