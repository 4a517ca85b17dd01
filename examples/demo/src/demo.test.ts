import { quoteJob, splitNodeReward } from '@ratio1/sdk-core'
import { describe, expect, test } from 'vitest'
import { type CliOutput, runCli } from './cli.js'
import { formatChecks } from './ledger.js'
import { type RunDemoReturnType, runDemo } from './runDemo.js'

function capture() {
  const out: string[] = []
  const err: string[] = []
  const output: CliOutput = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) }
  return { output, stdout: () => out.join('\n'), stderr: () => err.join('\n') }
}

describe('runDemo (the code path of `pnpm demo`)', () => {
  let result: RunDemoReturnType
  const lines: string[] = []

  test('runs the whole scenario and every check passes', async () => {
    result = await runDemo({ log: (line) => lines.push(line) })
    expect(result.checks.filter((c) => !c.ok)).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.checks.length).toBeGreaterThanOrEqual(20)
  })

  test('the ledger conserves USDC and matches the quote', () => {
    const { chain, predicted } = result.ledger
    // Conservation: nothing is created or lost between the CSP, the nodes, the burn and the escrow.
    expect(chain.paidIn).toBe(chain.allocated + chain.burned + chain.jobBalances + chain.refunded)
    expect(chain.leftInEscrow).toBe(chain.jobBalances + chain.unclaimed + chain.pendingBurn)
    expect(chain.allocated).toBe(chain.claimed + chain.unclaimed)
    expect(chain.r1SupplyDrop).toBe(chain.burnedR1)
    expect(chain.burnedR1).toBeGreaterThan(0n)
    // 2 ENTRY nodes for 30 epochs plus a 10-epoch extension, every epoch served and allocated.
    const paid = quoteJob({ jobType: 1, nodes: 2, epochs: 40 }).total
    const split = splitNodeReward(quoteJob({ jobType: 1, nodes: 1, epochs: 30 }).pricePerEpoch)
    expect(chain.paidIn).toBe(paid)
    expect(chain.allocated).toBe(split.node * 2n * 40n)
    expect(chain.burned).toBe(split.burn * 2n * 40n)
    expect(chain.claimed).toBe(split.node * 2n * 10n)
    expect(chain.refunded).toBe(0n)
    expect(chain.jobBalances).toBe(0n)
    for (const key of ['paidIn', 'allocated', 'burned', 'claimed', 'refunded'] as const)
      expect(predicted[key]).toBe(chain[key])
    expect(result.stats.allocations).toBe(40)
  })

  test('its progress shows each step of the protocol', () => {
    const text = lines.join('\n')
    for (const fragment of [
      'Deploying the Ratio1 system',
      'Registering 3 oracles and 6 worker nodes',
      'create_pipeline → command_delivered',
      'get_apps → 2/2 instances online',
      'consensus reached',
      'epoch 2: epoch 1 paid',
      'swapped to',
      'The CSP extends job #1 by 10 epochs',
      'close it by consensus',
    ])
      expect(text).toContain(fragment)
  })
})

describe('pnpm demo', () => {
  test('--help lists the options and the calculator commands', async () => {
    const io = capture()
    expect(await runCli(['--help'], io.output)).toBe(0)
    for (const option of ['--nodes', '--epochs', '--job-type', '--speed', 'quote', 'types'])
      expect(io.stdout()).toContain(option)
  })

  test('quote runs the payout calculator', async () => {
    const io = capture()
    const code = await runCli(
      [
        'quote',
        '--type',
        'ENTRY',
        '--nodes',
        '5',
        '--epochs',
        '31',
        '--now',
        '2026-11-22T12:00:00Z',
      ],
      io.output,
    )
    expect(code).toBe(0)
    expect(io.stdout()).toMatch(/Total to pay\s+58\.125 USDC/)
  })

  test('calculator options without a command still price a job, as in the first demo', async () => {
    const io = capture()
    const args = ['--', '--type', 'ENTRY', '--nodes', '5', '--epochs', '31', '--network', 'mainnet']
    expect(await runCli(args, io.output)).toBe(0)
    expect(io.stdout()).toMatch(/Total to pay\s+58\.125 USDC/)
  })

  test('the other calculator commands stay available', async () => {
    const io = capture()
    expect(
      await runCli(['split', '--price', '0.375', '--nodes', '2', '--epochs', '1'], io.output),
    ).toBe(0)
    expect(io.stdout()).toContain('0.05625')
    expect(await runCli(['types'], capture().output)).toBe(0)
  })

  test('options change the scenario: 3 LOW1 nodes, 4 oracles, a worker failure, no extension, JSON', async () => {
    const io = capture()
    const code = await runCli(
      [
        '--',
        '--json',
        '--nodes',
        '3',
        '--job-type',
        'LOW1',
        '--extend',
        '0',
        '--oracles',
        '4',
        '--workers',
        '4',
      ],
      io.output,
    )
    expect(io.stderr()).toBe('')
    expect(code).toBe(0)
    const json = JSON.parse(io.stdout())
    expect(json.ok).toBe(true)
    const quote = quoteJob({ jobType: 2, nodes: 3, epochs: 30 })
    expect(json.ledger.chain.paidIn).toBe(quote.total.toString())
    expect(json.checks.some((c: { name: string }) => c.name.startsWith('extension'))).toBe(false)
    // The failed worker was paid for the epochs it served, its replacement for the rest.
    expect(json.stats.allocations).toBe(30)
    expect(json.ledger.chain.allocated).toBe(
      (splitNodeReward(quote.pricePerEpoch).node * 3n * 30n).toString(),
    )
  })

  test('usage mistakes exit with 2 and say what to change', async () => {
    for (const [args, message] of [
      [['--epochs', '10'], '--epochs must be at least 30'],
      [['--job-type', 'G_ENTRY_MED1'], 'gpu job type'],
      [['--speed', 'warp'], '--speed must be one of'],
      [['--nodes', 'two'], '--nodes must be a whole number'],
      [['--nodes', '9'], '--nodes must be between 1 and the 6 workers'],
      [['--fail-after', '30'], '--fail-after must be below the 30 paid epochs'],
      [['--fail-after', '2', '--nodes', '6'], '--fail-after needs a spare worker'],
      [['--bogus'], "Unknown option '--bogus'"],
    ] as const) {
      const io = capture()
      expect(await runCli(args, io.output)).toBe(2)
      expect(io.stderr()).toContain(message)
    }
  })
})

test('failed checks are printed with what was expected and what the chain shows', () => {
  expect(
    formatChecks([
      { name: 'a', expected: '1', actual: '1', ok: true },
      {
        name: 'b',
        expected: '2 USDC',
        actual: '3 USDC',
        ok: false,
        details: ['epoch 4: off by 1'],
      },
    ]),
  ).toEqual(['✓ a', '✗ b: expected 2 USDC, chain shows 3 USDC', '    epoch 4: off by 1'])
})
