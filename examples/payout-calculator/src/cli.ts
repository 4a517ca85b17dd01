import { parseArgs } from 'node:util'
import { BaseError } from '@ratio1/sdk-core'
import { UsageError } from './jobTypeOption.js'
import { projectReport } from './project.js'
import { quoteReport } from './quote.js'
import { type Format, type Report, renderReport } from './report.js'
import { runwayReport } from './runway.js'
import { splitReport } from './split.js'
import { typesReport } from './types.js'

/** The help text of the payout calculator, for the command name it is run as. */
export function help(program = 'pnpm --filter @ratio1/example-payout-calculator start --'): string {
  return `Ratio1 payout calculator

Usage: ${program} <command> [options] [--format table|json|csv]

Commands:
  quote     price a job (the default command)
              --type <id|name> | --cpu <n> --memory <size> [--gpu]   (default ENTRY)
              --nodes <n> (default 2)  --epochs <n> | --days <n> | --months <n>
              --network mainnet|testnet|devnet|localnet (default mainnet)  --now <iso date>
  split     split an allocation 85/15:  --price <USDC per node-epoch> --nodes <n> --epochs <n>
  runway    epochs a balance pays for:  --balance <USDC> (--type <id|name> | --price <USDC>) --nodes <n>
              [--last-allocated-epoch <n>]
  project   a node's projected earnings: --node <0x… | 0xai_…> --jobs <jobs.json> [--through-epoch <n>]
  types     the job-type catalogue

Examples:
  ${program} quote --type ENTRY --nodes 5 --months 1
  ${program} split --price 0.166666 --nodes 1 --epochs 10
  ${program} runway --balance 10 --type ENTRY --nodes 2 --format json
`
}

const commands: Record<string, (values: Record<string, string | boolean | undefined>) => Report> = {
  quote: (v) => quoteReport(v as Parameters<typeof quoteReport>[0]),
  split: (v) =>
    splitReport({
      price: String(v.price ?? ''),
      nodes: String(v.nodes),
      epochs: String(v.epochs ?? 1),
    }),
  runway: (v) =>
    runwayReport({
      balance: String(v.balance ?? ''),
      type: v.type as string | undefined,
      price: v.price as string | undefined,
      nodes: String(v.nodes),
      lastAllocatedEpoch: v['last-allocated-epoch'] as string | undefined,
    }),
  project: (v) =>
    projectReport({
      node: v.node as string | undefined,
      jobs: v.jobs as string | undefined,
      throughEpoch: v['through-epoch'] as string | undefined,
    }),
  types: () => typesReport(),
}

/** Runs the calculator with command-line arguments; returns what to print and the exit code. */
export function runCli(
  argv: readonly string[],
  { program }: { program?: string } = {},
): { exitCode: number; stdout: string; stderr: string } {
  try {
    const { values, positionals } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
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
        price: { type: 'string' },
        balance: { type: 'string' },
        'last-allocated-epoch': { type: 'string' },
        node: { type: 'string' },
        jobs: { type: 'string' },
        'through-epoch': { type: 'string' },
        format: { type: 'string', default: 'table' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help) return { exitCode: 0, stdout: help(program), stderr: '' }
    const [name = 'quote', ...rest] = positionals
    const command = commands[name]
    if (!command || rest.length > 0)
      throw new UsageError(`Unknown command "${positionals.join(' ')}".`)
    const format = values.format as Format
    if (!['table', 'json', 'csv'].includes(format))
      throw new UsageError(`Unknown format "${format}": use table, json or csv.`)
    return { exitCode: 0, stdout: renderReport(command(values), format), stderr: '' }
  } catch (error) {
    if (error instanceof BaseError)
      return { exitCode: 1, stdout: '', stderr: `${error.name}: ${error.shortMessage}` }
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    )
      return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\n\n${help(program)}` }
    throw error
  }
}
