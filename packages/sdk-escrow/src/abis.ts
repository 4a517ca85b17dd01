import { cspEscrowAbi, poaiManagerAbi, usdcAbi } from '@ratio1/contracts/abis'

export { cspEscrowAbi, poaiManagerAbi }

/**
 * Events emitted by older implementations behind the live proxies (contracts.md §12.3). Indexers reading
 * Base mainnet or Base Sepolia from before the upgrades meet these; the current contracts never emit them.
 * (The escrow's old `RewardsClaimed(address,address,uint256)` has the manager's signature and decodes with it.)
 *
 * @example
 * ```ts
 * import { parseEventLogs } from 'viem'
 * import { historicalEventsAbi } from '@ratio1/sdk-escrow'
 * const old = parseEventLogs({ abi: historicalEventsAbi, logs })
 * ```
 */
export const historicalEventsAbi = [
  {
    type: 'event',
    name: 'RewardsAllocated',
    anonymous: false,
    inputs: [
      { name: 'jobId', type: 'uint256', indexed: true },
      { name: 'activeNodes', type: 'address[]', indexed: false },
      { name: 'totalAmount', type: 'uint256', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'RewardsAllocatedV2',
    anonymous: false,
    inputs: [
      { name: 'jobId', type: 'uint256', indexed: true },
      { name: 'nodeAddress', type: 'address', indexed: false },
      { name: 'nodeOwner', type: 'address', indexed: false },
      { name: 'usdcAmount', type: 'uint256', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'NodeUpdateSubmitted',
    anonymous: false,
    inputs: [
      { name: 'jobId', type: 'uint256', indexed: true },
      { name: 'oracle', type: 'address', indexed: true },
      { name: 'nodesHash', type: 'bytes32', indexed: false },
    ],
  },
  {
    type: 'event',
    name: 'ConsensusReached',
    anonymous: false,
    inputs: [
      { name: 'jobId', type: 'uint256', indexed: true },
      { name: 'activeNodes', type: 'address[]', indexed: false },
    ],
  },
] as const

type EventOf<abi extends readonly { type: string }[]> = Extract<abi[number], { type: 'event' }>
type ErrorOf<abi extends readonly { type: string }[]> = Extract<abi[number], { type: 'error' }>

function eventsOf<const abi extends readonly { type: string }[]>(abi: abi): EventOf<abi>[] {
  return abi.filter((item): item is EventOf<abi> => item.type === 'event')
}
function errorsOf<const abi extends readonly { type: string }[]>(abi: abi): ErrorOf<abi>[] {
  return abi.filter((item): item is ErrorOf<abi> => item.type === 'error')
}

/**
 * Every event of CspEscrow and PoAIManager (current and historical) in one ABI, for decoding any log of
 * the system with viem's `parseEventLogs` or `decodeEventLog`.
 *
 * @example
 * ```ts
 * import { parseEventLogs } from 'viem'
 * import { escrowEventsAbi } from '@ratio1/sdk-escrow'
 * const events = parseEventLogs({ abi: escrowEventsAbi, logs: receipt.logs })
 * ```
 */
export const escrowEventsAbi = /* @__PURE__ */ (() => [
  ...eventsOf(cspEscrowAbi),
  ...eventsOf(poaiManagerAbi).filter((event) => event.name !== 'Initialized'),
  ...historicalEventsAbi,
])()

// Calls into the escrow can revert inside the manager (e.g. `JobUnvalidatedCannotRemove` during a redeem)
// or inside USDC (`ERC20InsufficientAllowance`); adding those errors lets viem decode them by name.
export const escrowCallAbi = /* @__PURE__ */ (() => [
  ...cspEscrowAbi,
  ...errorsOf(poaiManagerAbi),
  ...errorsOf(usdcAbi),
])()
export const managerCallAbi = /* @__PURE__ */ (() => [...poaiManagerAbi, ...errorsOf(usdcAbi)])()
