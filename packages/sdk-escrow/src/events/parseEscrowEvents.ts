import type { Log } from 'viem'
import { parseEventLogs } from 'viem'
import { escrowEventsAbi } from '../abis.js'
import type { EscrowEvent, EscrowEventName } from './types.js'

export type ParseEscrowEventsParameters = {
  logs: readonly Log[]
  /** Keep only these events. */
  eventNames?: readonly EscrowEventName[] | undefined
}
export type ParseEscrowEventsReturnType = EscrowEvent[]

/**
 * Decodes the logs of CspEscrow and PoAIManager, current and historical (`RewardsAllocated`,
 * `RewardsAllocatedV2`, `NodeUpdateSubmitted`, `ConsensusReached`), into typed events; other logs (USDC
 * transfers, say) are skipped. `eventName` narrows `args`.
 *
 * @example
 * ```ts
 * import { parseEscrowEvents } from '@ratio1/sdk-escrow'
 * for (const event of parseEscrowEvents({ logs: receipt.logs }))
 *   if (event.eventName === 'JobCreated') console.log(event.args.jobId)
 * ```
 */
export function parseEscrowEvents(
  parameters: ParseEscrowEventsParameters,
): ParseEscrowEventsReturnType {
  const events = parseEventLogs({
    abi: escrowEventsAbi,
    logs: parameters.logs as Log[],
  }) as EscrowEvent[]
  const { eventNames } = parameters
  return eventNames ? events.filter((event) => eventNames.includes(event.eventName)) : events
}
