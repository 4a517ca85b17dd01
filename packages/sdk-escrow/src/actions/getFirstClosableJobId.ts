import type { Address } from 'viem'
import { cspEscrowAbi, poaiManagerAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { read } from '../internal/write.js'

export type GetFirstClosableJobIdParameters = ManagerParameters & {
  /** Look in this escrow only; default: across escrows, in `allEscrows` order. */
  escrow?: Address | undefined
}
/** The id, or `null` when no job is closable. */
export type GetFirstClosableJobIdReturnType = bigint | null
export type GetFirstClosableJobIdErrorType = EscrowReadErrorType

/**
 * The first job that has ended, still has nodes and has every paid epoch allocated: the next one the
 * oracles should close by agreeing on an empty node set.
 *
 * @example
 * ```ts
 * import { getFirstClosableJobId } from '@ratio1/sdk-escrow'
 * const jobId = await getFirstClosableJobId(publicClient, { manager })
 * if (jobId !== null) await oracleClient.submitNodeUpdate({ manager, jobId, nodes: [] })
 * ```
 */
export async function getFirstClosableJobId(
  client: EscrowClient,
  parameters: GetFirstClosableJobIdParameters = {},
): Promise<GetFirstClosableJobIdReturnType> {
  const id = await read<bigint>(
    client,
    parameters.escrow
      ? { address: parameters.escrow, abi: cspEscrowAbi, functionName: 'getFirstClosableJobId' }
      : {
          address: resolveManager(client, parameters),
          abi: poaiManagerAbi,
          functionName: 'getFirstClosableJobId',
        },
  )
  return id === 0n ? null : id
}
