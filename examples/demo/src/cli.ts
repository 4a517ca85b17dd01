import { runCli as runCalculator } from '@ratio1/example-payout-calculator'

/**
 * Runs `pnpm demo`. Today the demo is the payout calculator over @ratio1/sdk-core: `quote` (the default),
 * `split`, `runway`, `project` and `types`.
 */
export function runCli(argv: readonly string[]): {
  exitCode: number
  stdout: string
  stderr: string
} {
  return runCalculator(argv, { program: 'pnpm demo --' })
}
