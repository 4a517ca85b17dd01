import type { ParseEventLogsReturnType } from 'viem'
import type { escrowEventsAbi } from '../abis.js'

/** The name of any CspEscrow or PoAIManager event, current or historical. */
export type EscrowEventName = (typeof escrowEventsAbi)[number]['name']

/** A decoded log of the system: `eventName` narrows `args`. */
export type EscrowEvent = ParseEventLogsReturnType<typeof escrowEventsAbi, undefined, true>[number]
