import { allocateJobEpochs, formatUsdc, getJobRunway, quoteJob } from '@ratio1/sdk-core'
import { getEscrowBalances } from '@ratio1/sdk-escrow'
import { type LocalNetwork, startLocalNetwork } from '@ratio1/test-chain/local-network'
import { http } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runCli } from './cli.js'

type ViewJson = {
  epoch: string
  lastAllocatedEpoch: string
  jobs: {
    id: string
    escrow: string
    status: string
    jobTypeName: string
    nodes: { active: number; requested: string }
    balance: string
    runwayEpochs?: string
  }[]
  escrows: {
    escrow: string
    owner: string
    activeJobs: string
    jobsBalance: string
    usdcHeld: string
    pendingBurn: string
  }[]
  totalJobsBalance: string
  burnRatePerEpoch: string
  burns: { epoch: string; usdc: string; r1: string }[]
  oracles: { address: string; balance: string; submissions: number }[]
  requests: number
}

let net: LocalNetwork
const jobs = { a: 0n, b: 0n, c: 0n }
const allocations: { credited: bigint; burned: bigint; epoch: bigint }[] = []

beforeAll(async () => {
  net = await startLocalNetwork({ nodeCount: 3 })
  const [n1, n2, n3] = net.nodes as [`0x${string}`, `0x${string}`, `0x${string}`]
  jobs.a = await net.buyJob({ csp: 'first', nodes: 2, epochs: 30 })
  jobs.b = await net.buyJob({ csp: 'second', nodes: 1, epochs: 40, jobType: 2 })
  jobs.c = await net.buyJob({ csp: 'first', nodes: 1, epochs: 30 })
  await net.startJob({ jobId: jobs.a, nodes: [n1, n2] })
  await net.startJob({ jobId: jobs.b, nodes: [n3] })
  // Two allocations: one epoch, then two epochs in one go.
  for (const epochs of [1n, 2n]) {
    const result = await net.allocateAfter(epochs)
    const epoch = await net.publicClient.readContract({
      address: net.devnet.addresses.poaiManager,
      abi: [
        {
          type: 'function',
          name: 'getCurrentEpoch',
          stateMutability: 'view',
          inputs: [],
          outputs: [{ type: 'uint256' }],
        },
      ] as const,
      functionName: 'getCurrentEpoch',
    })
    allocations.push({ ...result, epoch })
  }
})
afterAll(async () => {
  await net?.stop()
})

async function view(): Promise<{ json: ViewJson; httpRequests: number }> {
  let httpRequests = 0
  const transport = http(net.rpcUrl, {
    onFetchRequest: () => {
      httpRequests++
    },
  })
  const { exitCode, stdout, stderr } = await runCli(['--json'], { transport, env: {} })
  expect(stderr).toBe('')
  expect(exitCode).toBe(0)
  return { json: JSON.parse(stdout) as ViewJson, httpRequests }
}

describe('dashboard', () => {
  test('active jobs: status, nodes, balance and runway as the chain holds them', async () => {
    const { json } = await view()
    expect(json.jobs.map((j) => [j.id, j.status, j.jobTypeName, j.nodes])).toEqual([
      [String(jobs.a), 'running', 'ENTRY', { active: 2, requested: '2' }],
      [String(jobs.b), 'running', 'LOW1', { active: 1, requested: '1' }],
      [String(jobs.c), 'pending', 'ENTRY', { active: 0, requested: '1' }],
    ])
    // Job A: paid 30 epochs on 2 nodes; 3 epochs allocated (1, then 2 in one batch).
    const quoteA = quoteJob({ jobType: 1, nodes: 2, epochs: 30, currentEpoch: 1n })
    const debitA =
      allocateJobEpochs({ pricePerEpoch: quoteA.pricePerEpoch, activeNodes: 2, epochs: 1 }).debit +
      allocateJobEpochs({ pricePerEpoch: quoteA.pricePerEpoch, activeNodes: 2, epochs: 2 }).debit
    const a = json.jobs[0]!
    expect(BigInt(a.balance)).toBe(quoteA.total - debitA)
    expect(a.runwayEpochs).toBe(
      String(
        getJobRunway({ balance: BigInt(a.balance), pricePerEpoch: quoteA.pricePerEpoch, nodes: 2 })
          .epochs,
      ),
    )
    expect(a.runwayEpochs).toBe('27')
    // A pending job pays no node: no runway to speak of, its whole payment is still held.
    const c = json.jobs[2]!
    expect(c.runwayEpochs).toBeUndefined()
    expect(BigInt(c.balance)).toBe(
      quoteJob({ jobType: 1, nodes: 1, epochs: 30, currentEpoch: 1n }).total,
    )
  })

  test('escrow balances add up: jobs + credited rewards + pending burn = USDC held', async () => {
    const { json } = await view()
    expect(json.escrows.map((e) => [e.escrow, e.owner, e.activeJobs])).toEqual([
      [net.devnet.csp.escrow, net.devnet.csp.address, '2'],
      [net.secondEscrow, net.devnet.stranger.address, '1'],
    ])
    for (const escrow of json.escrows) {
      const jobsBalance = json.jobs
        .filter((j) => j.escrow === escrow.escrow)
        .reduce((sum, j) => sum + BigInt(j.balance), 0n)
      expect(BigInt(escrow.jobsBalance)).toBe(jobsBalance)
      const sdk = await getEscrowBalances(net.publicClient, { escrow: escrow.escrow as never })
      expect(BigInt(escrow.usdcHeld)).toBe(sdk.usdcHeld)
    }
    // Conservation over the network: what was paid in is held for jobs, credited, or burned.
    const paidIn =
      quoteJob({ jobType: 1, nodes: 2, epochs: 30, currentEpoch: 1n }).total +
      quoteJob({ jobType: 2, nodes: 1, epochs: 40, currentEpoch: 1n }).total +
      quoteJob({ jobType: 1, nodes: 1, epochs: 30, currentEpoch: 1n }).total
    const credited = allocations.reduce((sum, a) => sum + a.credited, 0n)
    const burned = allocations.reduce((sum, a) => sum + a.burned, 0n)
    const pending = json.escrows.reduce((sum, e) => sum + BigInt(e.pendingBurn), 0n)
    expect(BigInt(json.totalJobsBalance) + credited + burned + pending).toBe(paidIn)
    const held = json.escrows.reduce((sum, e) => sum + BigInt(e.usdcHeld), 0n)
    expect(held).toBe(BigInt(json.totalJobsBalance) + credited + pending)
  })

  test('burn per epoch: each allocation’s burn under its epoch, and the running rate', async () => {
    const { json } = await view()
    const burned = json.burns.reduce((sum, b) => sum + BigInt(b.usdc), 0n)
    expect(burned).toBe(allocations.reduce((sum, a) => sum + a.burned, 0n))
    expect(json.burns.map((b) => BigInt(b.usdc))).toEqual(allocations.map((a) => a.burned))
    // Each allocation burns in the epoch it runs in (paying the epochs before it).
    expect(json.burns.map((b) => BigInt(b.epoch))).toEqual(allocations.map((a) => a.epoch))
    for (const b of json.burns) expect(BigInt(b.r1)).toBeGreaterThan(0n)
    const priceA = quoteJob({ jobType: 1, nodes: 2, epochs: 30, currentEpoch: 1n }).pricePerEpoch
    const priceB = quoteJob({ jobType: 2, nodes: 1, epochs: 40, currentEpoch: 1n }).pricePerEpoch
    const rate =
      allocateJobEpochs({ pricePerEpoch: priceA, activeNodes: 2, epochs: 1 }).totalBurn +
      allocateJobEpochs({ pricePerEpoch: priceB, activeNodes: 1, epochs: 1 }).totalBurn
    expect(BigInt(json.burnRatePerEpoch)).toBe(rate)
    expect(BigInt(json.burns[0]!.usdc)).toBe(rate)
  })

  test('oracles: both registered, each voted for the two started jobs, gas left', async () => {
    const { json } = await view()
    expect(json.oracles.map((o) => [o.address, o.submissions])).toEqual(
      net.devnet.oracles.map((o) => [o.address, 2]),
    )
    for (const o of json.oracles) expect(BigInt(o.balance)).toBeGreaterThan(10n ** 18n)
  })

  test('requests do not grow with jobs or escrows: 3 multicalls, 2 log queries, 1 read per burn block', async () => {
    const { json, httpRequests } = await view()
    expect(json.requests).toBe(3 + 2 + allocations.length)
    expect(httpRequests).toBe(json.requests)
  })

  test('the tables show the same numbers', async () => {
    const { json } = await view()
    const { exitCode, stdout } = await runCli(['--rpc-url', net.rpcUrl], { env: {} })
    expect(exitCode).toBe(0)
    expect(stdout).toContain(`Ratio1 localnet — PoAIManager ${net.devnet.addresses.poaiManager}`)
    expect(stdout).toContain('Active jobs (3)')
    expect(stdout).toMatch(
      new RegExp(
        `#${jobs.a}\\s+ENTRY\\s+running\\s+2/2\\s+\\d+\\s+\\d+\\s+${formatUsdc(BigInt(json.jobs[0]!.balance)).replace('.', '\\.')}\\s+27 epochs`,
      ),
    )
    expect(stdout).toContain(`Escrows (2), ${formatUsdc(BigInt(json.totalJobsBalance))} USDC held`)
    expect(stdout).toContain(`Burn: ${formatUsdc(BigInt(json.burnRatePerEpoch))} USDC per epoch`)
    expect(stdout).toContain('Oracles (2)')
  })

  test('usage mistakes exit with 2', async () => {
    expect(await runCli(['--network', 'moon'], { env: {} })).toMatchObject({ exitCode: 2 })
    expect(await runCli(['--manager', '0x12'], { env: {} })).toMatchObject({ exitCode: 2 })
    expect(await runCli(['--frob'], { env: {} })).toMatchObject({ exitCode: 2 })
  })
})
