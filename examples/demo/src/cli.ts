import { parseArgs } from 'node:util'
import { runCli as runCalculator } from '@ratio1/example-payout-calculator'
import { BaseError } from '@ratio1/sdk-core'
import { formatChecks, formatLedger } from './ledger.js'
import { DemoOptionError, type DemoSpeed, runDemo } from './runDemo.js'

/** Where the CLI writes: one call per line. */
export type CliOutput = { stdout: (line: string) => void; stderr: (line: string) => void }

const calculatorCommands = new Set(['quote', 'split', 'runway', 'project', 'types'])
// Options only the calculator knows. Given without a command they mean `quote`, as in the first
// demo (`pnpm demo -- --type ENTRY --months 1`), so those command lines keep working.
const calculatorOptions = new Set([
  'type',
  'cpu',
  'memory',
  'gpu',
  'days',
  'months',
  'network',
  'now',
  'price',
  'balance',
  'last-allocated-epoch',
  'node',
  'jobs',
  'through-epoch',
  'format',
])
const speeds: readonly DemoSpeed[] = ['instant', 'fast', 'normal', 'slow']

/** The help text of `pnpm demo`. */
export const help = `Ratio1 local-network demo

Usage: pnpm demo [run] [options]
       pnpm demo <quote|split|runway|project|types> [calculator options]

Runs the whole protocol on an embedded in-process chain (no ports, nothing to install): deploys the
Ratio1 contracts, registers the reference oracles and simulated worker nodes, has a CSP pay for a
generic app and deploy it through the oracles' Deeploy API with a signed request, lets the oracles
reach consensus and allocate every epoch (85 % to the nodes, 15 % swapped to R1 and burned), has the
node operator claim and the CSP extend the job, runs it to its end and closure, then prints the
ledger and checks it against the conservation invariant and @ratio1/sdk-core's predictions. Exits
with 1 if any check fails.

Options:
  --nodes <n>            worker nodes the job runs on (default 2)
  --epochs <n>           epochs paid at purchase, at least 30 (default 30)
  --job-type <id|name>   a generic-app job type: ENTRY, LOW1, MED1, … or its id (default ENTRY)
  --extend <n>           epochs the CSP adds while the job runs; 0 skips the extension (default 10)
  --claim-after <n>      epochs after the start at which the node operator claims (default 10)
  --fail-after <n>       epochs after the start at which one of the job's workers dies and the
                         oracles move the job to a spare node (default 0: no failure)
  --workers <n>          simulated worker nodes in the fleet (default 6)
  --oracles <n>          reference oracles (default 3)
  --speed <speed>        instant, fast, normal or slow: pauses between steps to follow along
                         (default instant)
  --json                 print only the result (ledger, checks) as JSON
  -h, --help             show this help

Calculator commands (the payout calculator of examples/payout-calculator, no chain):
  quote     price a job: --type <id|name> --nodes <n> --epochs <n> | --days <n> | --months <n>
  split     split an allocation 85/15: --price <USDC> --nodes <n> --epochs <n>
  runway    epochs a balance pays for: --balance <USDC> --type <id|name> --nodes <n>
  project   a node's projected earnings: --node <address> --jobs <jobs.json>
  types     the job-type catalogue
  (pnpm demo quote --help lists every calculator option; calculator options given without a
  command, e.g. pnpm demo --type ENTRY --months 1, run quote)

Examples:
  pnpm demo
  pnpm demo --nodes 3 --epochs 45 --job-type MED1 --speed normal
  pnpm demo quote --type ENTRY --nodes 5 --months 1
`

/**
 * Runs `pnpm demo` with command-line arguments, writing to `output`; resolves with the exit code
 * (0 every check passed, 1 a check failed or the run broke, 2 a usage mistake).
 *
 * @example
 * ```ts
 * const code = await runCli(['--nodes', '3'], { stdout: console.log, stderr: console.error })
 * ```
 */
export async function runCli(argv: readonly string[], output: CliOutput): Promise<number> {
  const args = argv.filter((arg) => arg !== '--')
  // A command, when given, comes first: `pnpm demo quote --nodes 3`.
  const first = args[0]?.startsWith('-') === false ? args[0] : undefined
  const quoteOptions = args.some((arg) => calculatorOptions.has(arg.replace(/^--?|=.*$/g, '')))
  if (
    (first !== undefined && calculatorCommands.has(first)) ||
    (first === undefined && quoteOptions)
  ) {
    const result = runCalculator(first === undefined ? ['quote', ...args] : args, {
      program: 'pnpm demo',
    })
    if (result.stdout) output.stdout(result.stdout)
    if (result.stderr) output.stderr(result.stderr)
    return result.exitCode
  }

  let values: ReturnType<typeof parse>['values']
  try {
    const parsed = parse(args)
    values = parsed.values
    const extra = parsed.positionals.filter((p) => p !== 'run')
    if (extra.length > 0 || parsed.positionals.length > 1)
      throw new DemoOptionError(`Unknown command "${parsed.positionals.join(' ')}".`)
    if (values.help) {
      output.stdout(help)
      return 0
    }
    if (values.speed !== undefined && !speeds.includes(values.speed as DemoSpeed))
      throw new DemoOptionError(`--speed must be one of ${speeds.join(', ')}`)
  } catch (error) {
    return usage(error, output)
  }

  const json = values.json === true
  try {
    const result = await runDemo({
      nodes: integer(values.nodes, '--nodes'),
      epochs: integer(values.epochs, '--epochs'),
      jobType: values['job-type'],
      extendEpochs: integer(values.extend, '--extend'),
      claimAfter: integer(values['claim-after'], '--claim-after'),
      failAfter: integer(values['fail-after'], '--fail-after'),
      workers: integer(values.workers, '--workers'),
      oracles: integer(values.oracles, '--oracles'),
      speed: values.speed as DemoSpeed | undefined,
      log: json ? undefined : output.stdout,
    })
    if (json) {
      output.stdout(
        JSON.stringify(
          result,
          (_, value) => (typeof value === 'bigint' ? value.toString() : value),
          2,
        ),
      )
      return result.ok ? 0 : 1
    }
    for (const line of formatLedger(result.ledger)) output.stdout(`  ${line}`)
    output.stdout('')
    for (const line of formatChecks(result.checks)) output.stdout(`  ${line}`)
    const failed = result.checks.filter((c) => !c.ok).length
    output.stdout('')
    output.stdout(
      failed === 0
        ? `All ${result.checks.length} checks passed: job #${result.jobId} ran epochs ${result.stats.startEpoch}–${result.stats.endEpoch - 1n} with ${result.stats.allocations} allocations, in ${(result.stats.elapsedMs / 1000).toFixed(1)} s.`
        : `${failed} of ${result.checks.length} checks FAILED.`,
    )
    return failed === 0 ? 0 : 1
  } catch (error) {
    if (error instanceof DemoOptionError) return usage(error, output)
    output.stderr(
      error instanceof BaseError
        ? `${error.name}: ${error.shortMessage}\n${error.metaMessages?.join('\n') ?? ''}`.trimEnd()
        : `${(error as Error).stack ?? error}`,
    )
    return 1
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      nodes: { type: 'string' },
      epochs: { type: 'string' },
      'job-type': { type: 'string' },
      extend: { type: 'string' },
      'claim-after': { type: 'string' },
      'fail-after': { type: 'string' },
      workers: { type: 'string' },
      oracles: { type: 'string' },
      speed: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value))
    throw new DemoOptionError(`${flag} must be a whole number (got "${value}")`)
  return Number(value)
}

function usage(error: unknown, output: CliOutput): number {
  const known =
    error instanceof DemoOptionError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  if (!known) throw error
  output.stderr(`${(error as Error).message}\n\nRun "pnpm demo --help" for the options.`)
  return 2
}
