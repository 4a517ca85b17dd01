import type { Address, BlockTag, Hex, Log } from 'viem'
import { formatLog, numberToHex, pad, parseEventLogs, toEventSelector } from 'viem'
import { escrowEventsAbi } from '../abis.js'
import type { EscrowEvent, EscrowEventName } from '../events/types.js'
import type { EscrowClient } from './types.js'

type EventItem = (typeof escrowEventsAbi)[number]

/** Events whose first indexed argument is the job id (filterable by job). */
export function isJobEvent(event: EventItem): boolean {
  const first = event.inputs[0]
  return first?.name === 'jobId' && 'indexed' in first && first.indexed === true
}

export type FetchEventsParameters = {
  addresses: readonly Address[]
  eventNames?: readonly EscrowEventName[] | undefined
  jobIds?: readonly bigint[] | undefined
  fromBlock: bigint | BlockTag
  toBlock: bigint | BlockTag
}

const toBlockParameter = (block: bigint | BlockTag) =>
  typeof block === 'bigint' ? numberToHex(block) : block

/**
 * One `eth_getLogs` over several contracts, filtered by event (topic 0) and job id (topic 1) on the node,
 * decoded with every current and historical event, sorted by position.
 */
export async function fetchEvents(
  client: EscrowClient,
  parameters: FetchEventsParameters,
): Promise<EscrowEvent[]> {
  const { addresses, eventNames, jobIds } = parameters
  if (addresses.length === 0) return []
  const events = escrowEventsAbi.filter(
    (event) => (!eventNames || eventNames.includes(event.name)) && (!jobIds || isJobEvent(event)),
  )
  if (events.length === 0) return []
  const topics: (Hex[] | null)[] = [[...new Set(events.map((event) => toEventSelector(event)))]]
  if (jobIds) topics.push(jobIds.map((id) => pad(numberToHex(id), { size: 32 })))
  const request = client.request as unknown as (args: {
    method: 'eth_getLogs'
    params: unknown[]
  }) => Promise<unknown[]>
  const raw = await request({
    method: 'eth_getLogs',
    params: [
      {
        address: [...addresses],
        topics,
        fromBlock: toBlockParameter(parameters.fromBlock),
        toBlock: toBlockParameter(parameters.toBlock),
      },
    ],
  })
  const logs = raw.map((log) => formatLog(log as never)) as Log[]
  const decoded = parseEventLogs({ abi: escrowEventsAbi, logs }) as EscrowEvent[]
  return decoded.sort((a, b) =>
    a.blockNumber === b.blockNumber
      ? a.logIndex - b.logIndex
      : a.blockNumber < b.blockNumber
        ? -1
        : 1,
  )
}
