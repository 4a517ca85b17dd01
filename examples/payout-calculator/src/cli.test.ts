import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { help, runCli } from './cli.js'
import { parseMemory, resolveJobType } from './jobTypeOption.js'

const now = ['--now', '2026-11-22T12:00:00Z']

describe('quote', () => {
  test('five ENTRY nodes for a month on mainnet', () => {
    const { exitCode, stdout } = runCli([
      '--',
      'quote',
      '--type',
      'ENTRY',
      '--nodes',
      '5',
      '--months',
      '1',
      ...now,
    ])
    expect(exitCode).toBe(0)
    expect(stdout).toContain('Quote for 5 × ENTRY (job type 1) on mainnet')
    expect(stdout).toMatch(/Epochs paid\s+30\n/)
    expect(stdout).toMatch(/lastExecutionEpoch\s+577 /)
    expect(stdout).toMatch(/Runs until\s+2026-12-21T16:00:00.000Z/)
    expect(stdout).toMatch(/Total to pay\s+56\.25 USDC/)
    expect(stdout).toMatch(/to node operators \(85 %\)\s+0\.31875 USDC\s+1\.59375 USDC/)
    expect(stdout).toMatch(/burned as R1\s+1\.6875 USDC\s+8\.4375 USDC/)
    expect(stdout).toContain(
      'Runway: 30 epochs at 5 active nodes (1.875 USDC per epoch); 25 epochs if 6 nodes ran.',
    )
  })

  test('the worked example as JSON is exact', () => {
    const { stdout } = runCli([
      '--type',
      '1',
      '--nodes',
      '5',
      '--epochs',
      '31',
      '--format',
      'json',
      ...now,
    ])
    const quote = JSON.parse(stdout)
    expect(quote.total).toBe('58125000')
    expect(quote.lastExecutionEpoch).toBe('578')
    expect(quote.jobType.name).toBe('ENTRY')
  })

  test('CSV holds the tables', () => {
    const { stdout } = runCli(['--type', 'ENTRY', '--nodes', '5', '--format', 'csv', ...now])
    expect(stdout.split('\n')[0]).toBe(',per node,all 5 nodes')
    expect(stdout).toContain('price,0.375 USDC,1.875 USDC')
  })

  test('resources instead of a type, on devnet', () => {
    const { stdout } = runCli([
      '--cpu',
      '4',
      '--memory',
      '8GiB',
      '--gpu',
      '--days',
      '30',
      '--network',
      'devnet',
      ...now,
    ])
    expect(stdout).toContain('MED2 + G-ENTRY (job type 22) on devnet')
    expect(stdout).toMatch(/Epochs paid\s+180\n/)
  })

  test('no options: two ENTRY nodes for 30 epochs', () => {
    expect(runCli(now).stdout).toContain('Quote for 2 × ENTRY (job type 1) on mainnet')
  })
})

describe('other commands', () => {
  test('split floors the burn once per batch', () => {
    const { stdout } = runCli(['split', '--price', '0.166666', '--nodes', '1', '--epochs', '10'])
    expect(stdout).toMatch(/burned as R1 \(floor 15 %\)\s+0\.249999\s+0\.249999/)
    expect(
      JSON.parse(runCli(['split', '--price', '0.375', '--nodes', '2', '--format', 'json']).stdout),
    ).toMatchObject({
      netPerNode: '318750',
      totalBurn: '112500',
      debit: '750000',
    })
  })

  test('runway by type or by price', () => {
    expect(runCli(['runway', '--balance', '10', '--type', 'ENTRY', '--nodes', '2']).stdout).toMatch(
      /Epochs paid for\s+13\n/,
    )
    const json = JSON.parse(
      runCli([
        'runway',
        '--balance',
        '10',
        '--price',
        '0.375',
        '--nodes',
        '2',
        '--last-allocated-epoch',
        '100',
        '--format',
        'json',
      ]).stdout,
    )
    expect(json).toEqual({
      costPerEpoch: '750000',
      epochs: '13',
      remainder: '250000',
      fundedThroughEpoch: '113',
    })
  })

  test('project reads jobs from a file', () => {
    const node = '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'
    const file = join(mkdtempSync(join(tmpdir(), 'payouts-')), 'jobs.json')
    writeFileSync(
      file,
      JSON.stringify([
        {
          id: '7',
          pricePerEpoch: '375000',
          lastExecutionEpoch: '40',
          lastAllocatedEpoch: '9',
          activeNodes: [node],
        },
        {
          id: '8',
          pricePerEpoch: '375000',
          lastExecutionEpoch: '40',
          lastAllocatedEpoch: '9',
          activeNodes: [],
        },
      ]),
    )
    const { stdout } = runCli([
      'project',
      '--node',
      '0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if',
      '--jobs',
      file,
    ])
    expect(stdout).toContain(`Projected earnings of ${node}`)
    expect(stdout).toContain('Total: 9.5625 USDC credited (claimable as R1), 1.6875 USDC burned.')
    writeFileSync(file, JSON.stringify([{ id: 1, pricePerEpoch: 0.5, activeNodes: [] }]))
    expect(runCli(['project', '--node', node, '--jobs', file]).stderr).toMatch(
      /jobs\[0\]\.pricePerEpoch must be a whole number/,
    )
    expect(runCli(['project', '--node', node]).stderr).toMatch(/needs --node and --jobs/)
  })

  test('the catalogue', () => {
    const { stdout } = runCli(['types'])
    expect(stdout.split('\n')).toHaveLength(4 + 39)
    expect(stdout).toMatch(
      /40\s+N-ULTRA \+ G-ULTRA\s+gpu\s+22\s+124\s+full\s+G-ULTRA\s+43\.333333\s+1299\.99999/,
    )
  })
})

describe('mistakes', () => {
  test('typed SDK errors and usage errors', () => {
    expect(runCli(['--help'])).toEqual({ exitCode: 0, stdout: help(), stderr: '' })
    expect(runCli(['--help'], { program: 'pnpm demo --' }).stdout).toContain(
      'Usage: pnpm demo -- <command>',
    )
    const short = runCli(['--type', 'ENTRY', '--epochs', '10', ...now])
    expect(short.exitCode).toBe(1)
    expect(short.stderr).toBe(
      'EpochsBelowMinimumError: A job must be paid for at least 30 epochs; `epochs` is 10. Buy 30 epochs or more (1 epoch = 1 day on mainnet).',
    )
    expect(runCli(['--type', 'ENTRY', '--nodes', '0', ...now]).stderr).toMatch(
      /^InvalidNodeCountError/,
    )
    expect(runCli(['--type', '12', ...now]).stderr).toMatch(/use job type 50 \(SERVICE_ENTRY\)/)
    expect(runCli(['--type', 'HUGE']).exitCode).toBe(2)
    expect(runCli(['--network', 'goerli']).stderr).toMatch(/^UnknownNetworkError/)
    expect(runCli(['--bogus']).exitCode).toBe(2)
    expect(runCli(['launch']).stderr).toMatch(/Unknown command "launch"/)
    expect(runCli(['--format', 'xml']).stderr).toMatch(/Unknown format "xml"/)
    expect(runCli(['--days', '30', '--months', '1']).stderr).toMatch(/only one of/)
    expect(runCli(['--now', 'yesterday']).stderr).toMatch(/Cannot read --now/)
    expect(runCli(['split', '--price', '0.1234567']).stderr).toMatch(/^InvalidAmountError/)
  })

  test('job types by id, name or label, and memory sizes', () => {
    expect(resolveJobType({ type: 'n-med1' }).id).toBe(17)
    expect(resolveJobType({ type: 'HIGH1 + G-MED' }).id).toBe(26)
    expect(resolveJobType({ type: 'g_med_high1' }).id).toBe(26)
    expect(parseMemory('512MiB')).toBe(512)
    expect(parseMemory('16g')).toBe(16_384)
    expect(() => parseMemory('lots')).toThrow(/Cannot read memory/)
  })
})
