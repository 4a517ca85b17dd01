import {
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  type Log,
  toEventSelector,
  zeroAddress,
} from 'viem'
import { describe, expect, test } from 'vitest'
import {
  createMemoryStore,
  type EscrowEvent,
  escrowEventsAbi,
  historicalEventsAbi,
  parseEscrowEvents,
  type WatchCursor,
  watchJobEvents,
} from '../src/index.js'
import { nodes, roles } from './accounts.js'
import { useChain } from './chain.js'

const chain = useChain()
const [nodeA] = nodes as [`0x${string}`]

// contracts.md §12: topic 0 of every event of the deployed contracts, from the compiler.
const deployedTopics: Record<string, Hex> = {
  JobCreated: '0x5aa8f193b1e3d39219f576507abb963f6683db57234d0de20d38af671e7e1b54',
  JobStarted: '0x798fc8012bb2f9ddfe95807b8ce49a87672dff9e285c01b9ddca1b72744f811b',
  JobClosed: '0xcdb24df83c7021207b861273a5af108e6c044de970a61ac9d1d897e0ee8ea901',
  NodesUpdated: '0xc4fa357bd1954ac4b79dac502d8b9ea7330322ffe2aed4d6539f8faaaae13fdd',
  RewardsClaimedV2: '0x20f4ced137d74e6d9a8cc4f04e0b380226ed3911b97e870f8a8ed0c4a3cb851f',
  RewardsAllocatedV3: '0xb486e62896263340df49f045586905ea1742743e3befaff8490022a2d062f28b',
  TokensBurned: '0x8bc81353cf6671d259d22783e39ed930583c86f3f4cf7e981298e6a872dfb15d',
  JobBalanceReconciled: '0xd1748782f5aeee12c63bdeca95a806ec04bbc194ecf23f2767fa2d1f55e3babc',
  JobDurationExtended: '0x00711580e7e385f28c45151b4c4a4bc5990511a989290e8fd9d334ecc9fc5e27',
  DeprecatedJobMigrated: '0x58974716b79c6a444d1623f09b6dd33d983625a2ebaf7a47c2a4a6ac8d89540c',
  JobNodesExtended: '0xe2ad6e0d0532e9d36f866a7aae534e098c1d0aece9941eb305bf5759bfb36d3e',
  JobRedeemed: '0xa264216f997a99a56b83a41c499708c19780cc2c1e63800db725748ead73bdcc',
  JobLastExecutionEpochReconciled:
    '0x93ed843e26db5ae26e04a4903c9af12fb18ea8fb9dc9f510016be85eea0b1034',
  DelegatePermissionsUpdated: '0x23da14039b96784f70bb222de6af85983972d728957361fe8f796177b6a64e1e',
  DelegateRemoved: '0x5a362b199d4fb2bd4e51a3436d86df24cb19b1b0890da774e2b54253d53aa4eb',
  Initialized: '0xc7f505b2f371ae2175ee4913f4499e1f2633a7b5936321eed1cdaeb6115181d2',
  EscrowDeployed: '0x0021c494a404e0badb71d5d51d10ae4924bfa8bdd9dbb6cb89e60b4fb1210f09',
  JobRegistered: '0x45b07ce1a3b95a3c1a77c50855721549f744c3b35dcdb9586af21fd2f25219ee',
  RewardsClaimed: '0x9310ccfcb8de723f578a9e4282ea9f521f05ae40dc08f3068dfad528a65ee3c7',
  NodeUpdateSubmittedV2: '0xd3d8fac58741bc915bd3f4f50e1895d0755ef0bf1b895287149ef22ff78b2195',
  ConsensusReachedV2: '0xdcb4b677f3a3a57b3bc7658faad4481a8c8cd77742d2882e107d62ccde29ec4e',
  ConsensusCooldownEnforced: '0xb637d8c06fdca988ea3757403870de0ed6b8a16b8ebcf918a5dcfd16c1a924f4',
  ConsensusNotReached: '0xc4c34696ddb022b708de1fa6c7a3abddaee7da5cde291d50ed98d2597dcdbc31',
  JobDeregistered: '0x627fb14021c2f8bc1f3a581c4e88c907d57ebc0363ef1736d5da4b81c16da662',
  OwnershipTransferred: '0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0',
}
// §12.3 gives the historical topics abbreviated: first four bytes … last two.
const historicalTopics: Record<string, [string, string]> = {
  RewardsAllocated: ['0xd11578d8', '1aed'],
  NodeUpdateSubmitted: ['0xc3a3a750', '8265'],
  ConsensusReached: ['0x1f0a37bc', 'bf16'],
  RewardsAllocatedV2: ['0x339c05c9', '7e8e'],
}

describe('decoders', () => {
  test('every deployed event has a decoder with the deployed topic', () => {
    for (const [name, topic] of Object.entries(deployedTopics)) {
      const event = escrowEventsAbi.find((item) => item.name === name)
      expect(event, name).toBeDefined()
      expect(toEventSelector(event!)).toBe(topic)
    }
  })

  test('historical events decode with their original topics', () => {
    for (const event of historicalEventsAbi) {
      const [head, tail] = historicalTopics[event.name]!
      const topic = toEventSelector(event)
      expect(topic.startsWith(head) && topic.endsWith(tail), event.name).toBe(true)
    }
    const log = (name: string, args: Record<string, unknown>): Log => {
      const event = historicalEventsAbi.find((item) => item.name === name)!
      const topics = encodeEventTopics({ abi: [event], eventName: name, args } as never)
      const data = encodeAbiParameters(
        event.inputs.filter((input) => !input.indexed),
        event.inputs.filter((input) => !input.indexed).map((input) => args[input.name]) as never,
      )
      return {
        address: zeroAddress,
        topics: topics as [Hex],
        data,
        blockNumber: 1n,
        blockHash: `0x${'11'.repeat(32)}`,
        logIndex: 0,
        transactionHash: `0x${'22'.repeat(32)}`,
        transactionIndex: 0,
        removed: false,
      }
    }
    const events = parseEscrowEvents({
      logs: [
        log('RewardsAllocated', { jobId: 4n, activeNodes: [nodeA], totalAmount: 9n }),
        log('RewardsAllocatedV2', {
          jobId: 5n,
          nodeAddress: nodeA,
          nodeOwner: zeroAddress,
          usdcAmount: 7n,
        }),
        log('NodeUpdateSubmitted', { jobId: 6n, oracle: nodeA, nodesHash: `0x${'ab'.repeat(32)}` }),
        log('ConsensusReached', { jobId: 7n, activeNodes: [nodeA] }),
      ],
    })
    expect(events.map((event) => [event.eventName, event.args])).toEqual([
      ['RewardsAllocated', { jobId: 4n, activeNodes: [nodeA], totalAmount: 9n }],
      [
        'RewardsAllocatedV2',
        { jobId: 5n, nodeAddress: nodeA, nodeOwner: zeroAddress, usdcAmount: 7n },
      ],
      ['NodeUpdateSubmitted', { jobId: 6n, oracle: nodeA, nodesHash: `0x${'ab'.repeat(32)}` }],
      ['ConsensusReached', { jobId: 7n, activeNodes: [nodeA] }],
    ])
  })
})

describe('events on chain', () => {
  test('getEscrowEvents filters by contract, event and job on the node', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 100n * 1_000_000n)
    const from = await chain.publicClient.getBlockNumber()
    const { jobIds } = await csp.createJobs({
      jobs: [
        { jobType: 53, nodes: 1, epochs: 30 },
        { jobType: 53, nodes: 1, epochs: 31 },
      ],
    })
    await chain.wallet(roles.oracle).submitNodeUpdate({ jobId: jobIds[1]!, nodes: [nodeA] })
    const all = await csp.getEscrowEvents({ fromBlock: from })
    expect(all.map((event) => event.eventName)).toEqual([
      'JobCreated',
      'JobCreated',
      'NodeUpdateSubmittedV2',
      'ConsensusReachedV2',
      'JobStarted',
      'NodesUpdated',
    ])
    const second = await csp.getEscrowEvents({ fromBlock: from, jobIds: [jobIds[1]!] })
    expect(second.every((event) => 'jobId' in event.args && event.args.jobId === jobIds[1])).toBe(
      true,
    )
    expect(second).toHaveLength(5)
    const created = await csp.getEscrowEvents({
      fromBlock: from,
      escrows: [chain.escrows.csp],
      includeManager: false,
      eventNames: ['JobCreated'],
    })
    expect(created.map((event) => event.eventName === 'JobCreated' && event.args.jobId)).toEqual(
      jobIds,
    )
  })

  test('watchJobEvents resumes from its saved cursor and never delivers an event twice', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, 100n * 1_000_000n)
    const start = (await chain.publicClient.getBlockNumber()) + 1n
    const store = createMemoryStore<WatchCursor>()
    const delivered: EscrowEvent[] = []
    const watch = () =>
      watchJobEvents(chain.publicClient, {
        manager: chain.manager,
        fromBlock: start,
        cursorStore: store,
        pollingInterval: 20,
        eventNames: ['JobCreated', 'JobDurationExtended', 'JobStarted'],
        onEvents: (events) => {
          delivered.push(...events)
        },
      })
    const waitFor = async (count: number) => {
      for (let i = 0; i < 200 && delivered.length < count; i++)
        await new Promise((resolve) => setTimeout(resolve, 20))
      expect(delivered).toHaveLength(count)
    }

    let unwatch = watch()
    const { jobIds } = await csp.createJobs({ jobs: [{ jobType: 53, nodes: 1, epochs: 30 }] })
    await waitFor(1)
    await unwatch()
    // While no watcher runs, two more events happen.
    await csp.extendJobDuration({ jobId: jobIds[0]!, epochs: 2 })
    await chain.wallet(roles.oracle).submitNodeUpdate({ jobId: jobIds[0]!, nodes: [nodeA] })
    // A "restarted process": a new watcher on the same store.
    unwatch = watch()
    await waitFor(3)
    await csp.extendJobDuration({ jobId: jobIds[0]!, epochs: 1 })
    await waitFor(4)
    await unwatch()
    await new Promise((resolve) => setTimeout(resolve, 100))

    expect(delivered.map((event) => event.eventName)).toEqual([
      'JobCreated',
      'JobDurationExtended',
      'JobStarted',
      'JobDurationExtended',
    ])
    const positions = delivered.map((event) => `${event.blockNumber}:${event.logIndex}`)
    expect(new Set(positions).size).toBe(positions.length)
    const saved = await store.get('watchJobEvents')
    expect(saved?.blockNumber).toBe((await chain.publicClient.getBlockNumber()) + 1n)
  })
})
