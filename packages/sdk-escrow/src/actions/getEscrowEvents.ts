import type { Address, BlockTag } from 'viem'
import type { EscrowReadErrorType } from '../errors/types.js'
import type { EscrowEvent, EscrowEventName } from '../events/types.js'
import { fetchEvents } from '../internal/events.js'
import { resolveManager } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { getAllEscrows } from './getAllEscrows.js'

export type GetEscrowEventsParameters = ManagerParameters & {
  /** Escrows to read. Default: every escrow of the PoAIManager. */
  escrows?: readonly Address[] | undefined
  /** Also read the PoAIManager's own events (default `true` when it can be resolved). */
  includeManager?: boolean | undefined
  /** Only events of these jobs (filtered by the node on the indexed `jobId`). */
  jobIds?: readonly bigint[] | undefined
  /** Only these events. */
  eventNames?: readonly EscrowEventName[] | undefined
  fromBlock?: bigint | BlockTag | undefined
  toBlock?: bigint | BlockTag | undefined
}
export type GetEscrowEventsReturnType = EscrowEvent[]
export type GetEscrowEventsErrorType = EscrowReadErrorType

/**
 * Reads and decodes the system's events in one `eth_getLogs`, filtered on the node by contract, event
 * and job id, in chain order. Public RPCs cap the block range of a query; pass `fromBlock`/`toBlock`.
 *
 * @example
 * ```ts
 * import { getEscrowEvents } from '@ratio1/sdk-escrow'
 * const created = await getEscrowEvents(publicClient, {
 *   manager,
 *   eventNames: ['JobCreated'],
 *   fromBlock: 30_000_000n,
 * })
 * ```
 */
export async function getEscrowEvents(
  client: EscrowClient,
  parameters: GetEscrowEventsParameters = {},
): Promise<GetEscrowEventsReturnType> {
  const addresses = await eventSources(client, parameters)
  return fetchEvents(client, {
    addresses,
    eventNames: parameters.eventNames,
    jobIds: parameters.jobIds,
    fromBlock: parameters.fromBlock ?? 0n,
    toBlock: parameters.toBlock ?? 'latest',
  })
}

async function eventSources(
  client: EscrowClient,
  parameters: GetEscrowEventsParameters,
): Promise<Address[]> {
  let manager: Address | undefined
  if (parameters.includeManager !== false) {
    try {
      manager = resolveManager(client, parameters)
    } catch (error) {
      if (!parameters.escrows || parameters.includeManager) throw error
    }
  }
  const escrows =
    parameters.escrows ??
    (await getAllEscrows(client, { manager, network: parameters.network })).map((e) => e.escrow)
  return manager ? [manager, ...escrows] : [...escrows]
}
