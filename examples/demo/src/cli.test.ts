import { expect, test } from 'vitest'
import { runCli } from './cli.js'

test('pnpm demo prices a job with the payout calculator', () => {
  const { exitCode, stdout } = runCli([
    '--',
    '--type',
    'ENTRY',
    '--nodes',
    '5',
    '--epochs',
    '31',
    '--now',
    '2026-11-22T12:00:00Z',
  ])
  expect(exitCode).toBe(0)
  expect(stdout).toMatch(/Total to pay\s+58\.125 USDC/)
})

test('its help names the demo command', () => {
  expect(runCli(['--help']).stdout).toContain('Usage: pnpm demo -- <command>')
})
