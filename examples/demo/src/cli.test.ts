import { describe, expect, test } from 'vitest'
import { help, runCli } from './cli.js'
import { parseMemory, resolveJobType } from './quoteCommand.js'

const now = ['--now', '2026-11-22T12:00:00Z']

describe('demo quote', () => {
  test('the README example', () => {
    const { exitCode, stdout } = runCli([
      '--',
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
    expect(stdout).toMatch(/Total to pay\s+56\.25 USDC/)
    expect(stdout).toMatch(/to node operators \(85 %\)\s+0\.31875 USDC\s+1\.59375 USDC/)
    expect(stdout).toMatch(/burned as R1\s+1\.6875 USDC\s+8\.4375 USDC/)
    expect(stdout).toMatch(/Runway\s+30 epochs at 5 active nodes/)
  })

  test('the worked example as JSON', () => {
    const { stdout } = runCli([
      'quote',
      '--type',
      '1',
      '--nodes',
      '5',
      '--epochs',
      '31',
      '--json',
      ...now,
    ])
    const quote = JSON.parse(stdout)
    expect(quote.total).toBe('58125000')
    expect(quote.lastExecutionEpoch).toBe('578')
    expect(quote.jobType.name).toBe('ENTRY')
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

  test('the catalogue', () => {
    const { stdout } = runCli(['--list-types'])
    expect(stdout.split('\n')).toHaveLength(2 + 39)
    expect(stdout).toMatch(
      /40\s+N-ULTRA \+ G-ULTRA\s+gpu\s+22\s+124\s+full\s+G-ULTRA\s+43\.333333\s+1299\.99999/,
    )
  })

  test('help and mistakes', () => {
    expect(runCli(['--help'])).toEqual({ exitCode: 0, stdout: help, stderr: '' })
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
    expect(runCli(['--days', '30', '--months', '1']).stderr).toMatch(/only one of/)
    expect(runCli(['--now', 'yesterday']).stderr).toMatch(/Cannot read --now/)
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
