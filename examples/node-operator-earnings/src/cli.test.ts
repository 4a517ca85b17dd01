import { formatUsdc, quoteJob } from '@ratio1/sdk-core'
import { erc20Abi } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runCli } from './cli.js'
import { type LocalNetwork, startLocalNetwork } from './localNetwork.js'

let net: LocalNetwork
let jobId: bigint
let credited: bigint
const paidEpochs = 30

beforeAll(async () => {
  net = await startLocalNetwork({ nodeCount: 3 })
  ;({ jobId } = await net.startJob({ nodes: net.nodes.slice(0, 2), epochs: paidEpochs }))
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
  test('each node’s rewards, where they sit, and what the running job will still pay', async () => {
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
    // The oracle credited 3 finished epochs, split evenly over the job's two nodes.
    expect(credited).toBeGreaterThan(0n)
    expect(BigInt(a!.claimable)).toBe(credited / 2n)
    expect(BigInt(b!.claimable)).toBe(credited / 2n)
    expect(BigInt(report.claimable)).toBe(credited)
    expect(a!.escrows).toEqual([{ escrow: net.devnet.csp.escrow, usdc: String(credited / 2n) }])
    expect(BigInt(a!.claimableR1)).toBeGreaterThan(0n)
    // Everything the CSP paid for a node is either credited already or still projected:
    // 30 epochs × the node's 85 % share of ENTRY's price, per sdk-core's quote.
    const quote = quoteJob({ jobType: 1, nodes: 2, epochs: paidEpochs, currentEpoch: 1n })
    const lifetime = quote.perNodePerEpoch.node * BigInt(paidEpochs)
    for (const node of [a!, b!]) {
      expect(BigInt(node.claimable) + BigInt(node.projected.net)).toBe(lifetime)
      expect(node.projected.jobs).toEqual([
        expect.objectContaining({ jobId: String(jobId), epochs: String(paidEpochs - 3) }),
      ])
    }
    expect(c).toMatchObject({ claimable: '0', escrows: [], projected: { net: '0', jobs: [] } })
  })

  test('the table names every node and totals them', async () => {
    const [n1, n2] = net.nodes as [string, string]
    const { exitCode, stdout } = await cli('--node', n1, '--node', n2)
    expect(exitCode).toBe(0)
    expect(stdout).toMatch(
      /^Node earnings on localnet \(PoAIManager 0x[0-9a-fA-F]{40}\), epoch \d+/,
    )
    expect(stdout).toMatch(
      new RegExp(`${n1}\\s+${formatUsdc(credited / 2n).replace('.', '\\.')}\\s`),
    )
    expect(stdout).toMatch(new RegExp(`total\\s+${formatUsdc(credited).replace('.', '\\.')}\\s`))
    expect(stdout).toContain(`job #${jobId}: ${paidEpochs - 3} epochs × 1 slot`)
    expect(stdout).toContain(`${n1}  ${net.devnet.csp.escrow}  ${formatUsdc(credited / 2n)} USDC`)
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
    expect(BigInt((JSON.parse(stdout) as EarningsJson).claimable)).toBe(credited / 2n)
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
      claims: { node: string; owner: string; usdc: string; r1: string }[]
    }
    expect(BigInt(claimed.usdc)).toBe(credited)
    expect(claimed.claims.map((c) => [c.node, c.owner, c.usdc])).toEqual([
      [n1, owner.address, String(credited / 2n)],
      [n2, owner.address, String(credited / 2n)],
      [n3, owner.address, '0'],
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
