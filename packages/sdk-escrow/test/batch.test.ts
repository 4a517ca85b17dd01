import { localnetChain } from '@ratio1/sdk-core'
import { createPublicClient } from 'viem'
import { expect, test } from 'vitest'
import { escrowPublicActions } from '../src/index.js'
import { nodes, roles } from './accounts.js'
import { countingTransport, useChain } from './chain.js'
import { buildEscrowFleet } from './fleet.js'

const chain = useChain()

function countingClient() {
  const { transport, counter } = countingTransport(chain.rpcUrl)
  const client = createPublicClient({ chain: localnetChain, transport }).extend(
    escrowPublicActions({ manager: chain.manager }),
  )
  return { client, counter }
}

test('the details of 500 jobs come back in one RPC round trip', async () => {
  const csp = chain.wallet(roles.csp)
  await chain.fund(csp.account.address, 500n * 9_000_000n)
  const jobIds: bigint[] = []
  for (let batch = 0; batch < 5; batch++) {
    const { jobIds: ids } = await csp.createJobs({
      jobs: Array.from({ length: 100 }, (_, i) => ({
        jobType: 53,
        nodes: 1 + (i % 3),
        epochs: 30,
      })),
      allowance: 'approve',
    })
    jobIds.push(...ids)
  }
  expect(jobIds).toHaveLength(500)

  const { client, counter } = countingClient()
  const viaManager = await client.getJobs({ jobIds })
  expect(counter.requests).toBe(1)
  expect(counter.methods).toEqual(['eth_call'])
  expect(viaManager.map((job) => job?.id)).toEqual(jobIds)
  expect(viaManager.map((job) => job?.numberOfNodesRequested)).toEqual(
    jobIds.map((_, i) => BigInt(1 + ((i % 100) % 3))),
  )

  counter.requests = 0
  const viaEscrow = await client.getJobs({ jobIds, escrow: chain.escrows.csp })
  expect(counter.requests).toBe(1)
  expect(viaEscrow).toEqual(viaManager)
})

test('a node operator’s earnings across 100 escrows take two round trips', async () => {
  const [node, idle] = nodes as [`0x${string}`, `0x${string}`]
  const { escrows } = await buildEscrowFleet({
    rpcUrl: chain.rpcUrl,
    addresses: chain.addresses,
    count: 100,
    node,
  })
  const { client, counter } = countingClient()
  const earnings = await client.getNodeEarnings({ nodes: [node, idle] })
  expect(counter.requests).toBe(2)
  expect(earnings.nodes[0]?.escrows.map((entry) => entry.escrow)).toEqual(escrows)
  // One epoch of a MICRO job per escrow: 85 % of 100_000 each.
  expect(earnings.nodes[0]?.escrows.every((entry) => entry.usdc === 85_000n)).toBe(true)
  expect(earnings.claimable).toBe(100n * 85_000n)
  expect(earnings.nodes[1]).toEqual({ node: idle, claimable: 0n, claimableR1: 0n, escrows: [] })
  const rewards = await chain.publicClient.getNodePoAIRewards({ node })
  expect(rewards.usdc).toBe(earnings.claimable)
  expect(earnings.claimableR1).toBe(rewards.r1)

  // With the projection of the jobs still to run, still two round trips.
  counter.requests = 0
  const projected = await client.getNodeEarnings({ nodes: [node], project: true })
  expect(counter.requests).toBe(2)
  expect(projected.projected).toBe(100n * 29n * 85_000n)
})
