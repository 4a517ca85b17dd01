import { allocateJobEpochs, formatUsdc, quoteJob } from '@ratio1/sdk-core'
import { type LocalNetwork, startLocalNetwork } from '@ratio1/test-chain/local-network'
import { erc20Abi } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runCli } from './cli.js'

let net: LocalNetwork
let jobId: bigint
let otherJobId: bigint
let credited: bigint
const paidEpochs = 30
// ENTRY's price per node-epoch, and a node's 85 % of three epochs allocated in one batch.
const price = quoteJob({ jobType: 1, nodes: 1, epochs: paidEpochs }).pricePerEpoch
const share = allocateJobEpochs({ pricePerEpoch: price, activeNodes: 1, epochs: 3 }).netPerNode

beforeAll(async () => {
  net = await startLocalNetwork({ nodeCount: 3 })
  const [n1, n2] = net.nodes as [`0x${string}`, `0x${string}`]
  // Two CSPs, two escrows: node 2 runs a job of each, so it is owed by both.
  jobId = await net.buyJob({ csp: 'first', nodes: 2, epochs: paidEpochs })
  otherJobId = await net.buyJob({ csp: 'second', nodes: 1, epochs: paidEpochs })
  await net.startJob({ jobId, nodes: [n1, n2] })
  await net.startJob({ jobId: otherJobId, nodes: [n2] })
  ;({ credited } = await net.allocateAfter(3n))
})
afterAll(async () => {
  await net?.stop()
})

const cli = (...args: string[]) => runCli([...args, '--rpc-url', net.rpcUrl], { env: {} })
type EarningsJson = {
  epoch: string
  claimable: string
  projected: string
  nodes: {
    node: string
    claimable: string
    claimableR1: string
    escrows: { escrow: string; usdc: string }[]
    projected: { net: string; jobs: { jobId: string; epochs: string }[] }
  }[]
}

describe('earnings', () => {
  test('each node’s rewards across both escrows, and what the running jobs will still pay', async () => {
    const [n1, n2, n3] = net.nodes as [string, string, string]
    const { exitCode, stdout, stderr } = await cli(
      'earnings',
      '--node',
      n1,
      '--node',
      n2,
      '--node',
      n3,
      '--json',
    )
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const report = JSON.parse(stdout) as EarningsJson
    const [a, b, c] = report.nodes
    // Three node slots (n1 and n2 in job A, n2 in job B) were each credited three epochs.
    expect(credited).toBe(3n * share)
    expect(BigInt(report.claimable)).toBe(credited)
    expect(a!.claimable).toBe(String(share))
    expect(a!.escrows).toEqual([{ escrow: net.devnet.csp.escrow, usdc: String(share) }])
    expect(b!.claimable).toBe(String(2n * share))
    expect(b!.escrows).toEqual([
      { escrow: net.devnet.csp.escrow, usdc: String(share) },
      { escrow: net.secondEscrow, usdc: String(share) },
    ])
    expect(BigInt(a!.claimableR1)).toBeGreaterThan(0n)
    expect(BigInt(b!.claimableR1)).toBeGreaterThan(BigInt(a!.claimableR1))
    // Everything paid for a node slot is either credited already or still projected:
    // 30 epochs × the node's 85 % share of ENTRY's price, per sdk-core's quote.
    const lifetime = quoteJob({ jobType: 1, nodes: 1, epochs: paidEpochs }).perNodePerEpoch.node
    expect(BigInt(a!.claimable) + BigInt(a!.projected.net)).toBe(lifetime * BigInt(paidEpochs))
    expect(BigInt(b!.claimable) + BigInt(b!.projected.net)).toBe(2n * lifetime * BigInt(paidEpochs))
    expect(a!.projected.jobs).toEqual([
      expect.objectContaining({ jobId: String(jobId), epochs: String(paidEpochs - 3) }),
    ])
    expect(b!.projected.jobs).toEqual([
      expect.objectContaining({ jobId: String(jobId), epochs: String(paidEpochs - 3) }),
      expect.objectContaining({ jobId: String(otherJobId), epochs: String(paidEpochs - 3) }),
    ])
    expect(c).toMatchObject({ claimable: '0', escrows: [], projected: { net: '0', jobs: [] } })
  })

  test('the table names every node and totals them', async () => {
    const [n1, n2] = net.nodes as [string, string]
    const { exitCode, stdout } = await cli('--node', n1, '--node', n2)
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(
      /^Node earnings on localnet \(PoAIManager 0x[0-9a-fA-F]{40}\), epoch \d+/,
    )
    expect(stdout).toMatch(new RegExp(`${n1}\\s+${formatUsdc(share).replace('.', '\\.')}\\s`))
    expect(stdout).toMatch(new RegExp(`total\\s+${formatUsdc(credited).replace('.', '\\.')}\\s`))
    expect(stdout).toContain(`job #${jobId}: ${paidEpochs - 3} epochs × 1 slot`)
    expect(stdout).toContain(`${n1}  ${net.devnet.csp.escrow}  ${formatUsdc(share)} USDC`)
    expect(stdout).toContain(`${n2}  ${net.secondEscrow}  ${formatUsdc(share)} USDC`)
    expect(stdout).toContain(`job #${otherJobId}: ${paidEpochs - 3} epochs × 1 slot`)
  })
})

describe('claim', () => {
  test('a signer that does not own the licences is refused and nothing moves', async () => {
    const { exitCode, stderr } = await cli(
      'claim',
      '--node',
      net.nodes[0]!,
      '--private-key',
      net.devnet.stranger.privateKey,
    )
    expect(exitCode).toBe(1)
    expect(stderr).not.toBe('')
    const { stdout } = await cli('--node', net.nodes[0]!, '--json')
    expect(BigInt((JSON.parse(stdout) as EarningsJson).claimable)).toBe(share)
  })

  test('the licence owner claims: USDC swapped to R1 and paid out, nothing left to claim', async () => {
    const owner = net.devnet.nodeOperator
    const r1Balance = () =>
      net.publicClient.readContract({
        address: net.devnet.addresses.r1,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [owner.address],
      })
    const before = await r1Balance()
    const [n1, n2, n3] = net.nodes as [string, string, string]
    const { exitCode, stdout, stderr } = await runCli(
      ['claim', '--node', n1, '--node', n2, '--node', n3, '--rpc-url', net.rpcUrl, '--json'],
      { env: { NODE_OPERATOR_PRIVATE_KEY: owner.privateKey } },
    )
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    const claimed = JSON.parse(stdout) as {
      usdc: string
      r1: string
      claims: {
        node: string
        owner: string
        usdc: string
        r1: string
        escrows: { escrow: string; usdc: string }[]
      }[]
    }
    expect(BigInt(claimed.usdc)).toBe(credited)
    expect(claimed.claims.map((c) => [c.node, c.owner, c.usdc])).toEqual([
      [n1, owner.address, String(share)],
      [n2, owner.address, String(2n * share)],
      [n3, owner.address, '0'],
    ])
    // Node 2's claim visited both escrows, each swapping its share.
    expect(claimed.claims[1]!.escrows.map((e) => [e.escrow, e.usdc])).toEqual([
      [net.devnet.csp.escrow, String(share)],
      [net.secondEscrow, String(share)],
    ])
    expect(BigInt(claimed.r1)).toBeGreaterThan(0n)
    expect((await r1Balance()) - before).toBe(BigInt(claimed.r1))

    const after = JSON.parse(
      (await cli('--node', n1, '--node', n2, '--json')).stdout,
    ) as EarningsJson
    expect(after.claimable).toBe('0')
  })
})

describe('usage', () => {
  test('mistakes exit with 2 and say what to fix', async () => {
    expect(await runCli(['earnings'], { env: {} })).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('give at least one --node'),
    })
    expect(await runCli(['--node', 'nope'], { env: {} })).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--node nope is neither an EVM address'),
    })
    expect(await runCli(['claim', '--node', net.nodes[0]!], { env: {} })).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('claim needs --private-key'),
    })
    expect(await runCli(['payout'], { env: {} })).toMatchObject({ exitCode: 2 })
    expect((await runCli(['--help'])).stdout).toContain('Usage:')
  })
})
