import { parseArgs } from 'node:util'
import { BaseError } from '@ratio1/sdk-core'
import { renderJobTypes, runQuote, UsageError } from './quoteCommand.js'

export const help = `Ratio1 SDK demo

Usage:
  pnpm demo [quote] [options]        price a job and show where the money goes
  pnpm demo quote --list-types       the job-type catalogue

Quote options:
  --type <id|name>     job type: an id (1), a name (ENTRY, N-MED1, "HIGH1 + G-MED"); default ENTRY
  --cpu <cores>        ...or the cheapest tier with at least this many vCPUs
  --memory <size>      ...and this much memory (8GiB, 512MiB)
  --gpu                ...and a GPU (gives the combined CPU+GPU type paid on chain)
  --nodes <n>          nodes to run the job on (default 2)
  --epochs <n>         epochs to buy (default 30, the minimum)
  --days <n>           ...or a duration in days
  --months <n>         ...or in months of 30 days
  --network <name>     mainnet | testnet | devnet | localnet (default mainnet)
  --now <iso date>     price as if paying at this time (default: now)
  --json               print the quote as JSON
  -h, --help           this help

Examples:
  pnpm demo -- --type ENTRY --nodes 5 --months 1 --network mainnet
  pnpm demo -- --cpu 4 --memory 8GiB --gpu --nodes 2 --days 90
`

/** Runs the demo with command-line arguments and returns what to print and the exit code. */
export function runCli(argv: readonly string[]): {
  exitCode: number
  stdout: string
  stderr: string
} {
  const args = argv.filter((arg) => arg !== '--')
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        type: { type: 'string' },
        cpu: { type: 'string' },
        memory: { type: 'string' },
        gpu: { type: 'boolean' },
        nodes: { type: 'string', default: '2' },
        epochs: { type: 'string' },
        days: { type: 'string' },
        months: { type: 'string' },
        network: { type: 'string', default: 'mainnet' },
        now: { type: 'string' },
        json: { type: 'boolean' },
        'list-types': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    const [command = 'quote', ...rest] = positionals
    if (values.help) return { exitCode: 0, stdout: help, stderr: '' }
    if (command !== 'quote' || rest.length > 0)
      throw new UsageError(`Unknown command "${positionals.join(' ')}". Run with --help.`)
    if (values['list-types']) return { exitCode: 0, stdout: renderJobTypes(), stderr: '' }
    return { exitCode: 0, stdout: runQuote(values), stderr: '' }
  } catch (error) {
    if (error instanceof BaseError)
      return { exitCode: 1, stdout: '', stderr: `${error.name}: ${error.shortMessage}` }
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    )
      return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n\n${help}` }
    throw error
  }
}
