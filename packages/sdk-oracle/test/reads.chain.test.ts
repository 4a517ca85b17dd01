import { createPublicClient, http } from 'viem'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { readChainView } from '../src/chain/readChainView.js'
import { createPaidJobs, setupDevnet } from '../src/devnet/setupDevnet.js'
import {
  type StartHardhatNodeReturnType,
  startHardhatNode,
} from '../src/devnet/startHardhatNode.js'

let node: StartHardhatNodeReturnType
beforeAll(async () => {
  node = await startHardhatNode()
})
afterAll(async () => {
  await node?.stop()
})

test('a tick reads the chain in two HTTP round trips whatever the number of jobs', async () => {
  const devnet = await setupDevnet({ rpcUrl: node.url })
  let requests = 0
  const publicClient = createPublicClient({
    chain: hardhat,
    transport: http(node.url, {
      batch: { batchSize: 1_000, wait: 0 },
      onFetchRequest: () => {
        requests++
      },
    }),
  })
  const read = async () => {
    requests = 0
    const view = await readChainView(publicClient, {
      ...devnet.addresses,
      oracle: devnet.oracles[0]!.address,
      pageSize: 10,
    })
    return { view, requests }
  }
  const empty = await read()
  expect(empty.view.jobs).toEqual([])
  expect(empty.view.oracles).toEqual(devnet.oracles.map((o) => o.address))
  expect(empty.view.currentEpoch).toBe(1n)
  expect(empty.requests).toBe(1)

  const ids = await createPaidJobs({
    rpcUrl: node.url,
    csp: devnet.csp,
    usdc: devnet.addresses.usdc,
    count: 5,
  })
  const few = await read()
  const more = [
    ...ids,
    ...(await createPaidJobs({
      rpcUrl: node.url,
      csp: devnet.csp,
      usdc: devnet.addresses.usdc,
      count: 60,
    })),
  ]
  const many = await read()
  // 5 jobs fit one page, 65 jobs take 7 pages: still one scalar round trip plus one batched page round trip.
  expect(few.requests).toBe(2)
  expect(many.requests).toBe(2)
  expect(many.view.jobs.map((j) => j.id)).toEqual(more)
  expect(many.view.jobs[0]).toMatchObject({
    escrowAddress: devnet.csp.escrow,
    escrowOwner: devnet.csp.address,
    numberOfNodesRequested: 2n,
    startTimestamp: 0n,
  })
  expect(many.view.balance).toBeGreaterThan(0n)
})
