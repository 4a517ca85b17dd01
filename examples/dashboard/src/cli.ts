import { parseArgs } from 'node:util'
import { BaseError, formatR1, formatUsdc, getNetwork, type NetworkName } from '@ratio1/sdk-core'
import {
  type Address,
  createPublicClient,
  formatEther,
  http,
  isAddress,
  type Transport,
} from 'viem'
import { type ReadDashboardReturnType, readDashboard } from './readDashboard.js'

export type CliResult = { exitCode: number; stdout: string; stderr: string }

export type RunCliOptions = {
  /** Replaces the HTTP transport built from `--rpc-url` (tests count requests through their own). */
  transport?: Transport | undefined
  /** Where `RPC_URL` is read from. @default process.env */
  env?: Readonly<Record<string, string | undefined>> | undefined
}

const program = 'pnpm --filter @ratio1/example-dashboard start --'

/** The help text. */
export function help(): string {
  return `Ratio1 network dashboard (read-only)

Usage: ${program} [options]

Prints the active jobs (status, nodes, balance, runway), each escrow's balances, the burn per
epoch and the oracles, read in three multicalls and two log queries (plus one block read per
block that burned, to date it).

Options:
  --rpc-url <url>       JSON-RPC endpoint (default $RPC_URL, else http://127.0.0.1:8545)
  --network <name>      mainnet | testnet | devnet | localnet (default localnet)
  --manager <0x…>       the PoAIManager (default: the network's)
  --from-block <n>      where the burn and vote history starts (default 0)
  --json                machine-readable output
  --help
`
}

class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Runs the dashboard: one network view, as tables or JSON.
 *
 * @example
 * ```ts
 * const { stdout } = await runCli(['--rpc-url', 'http://127.0.0.1:8545'])
 * ```
 */
export async function runCli(
  argv: readonly string[],
  options: RunCliOptions = {},
): Promise<CliResult> {
  const env = options.env ?? process.env
  try {
    const { values } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options: {
        'rpc-url': { type: 'string' },
        network: { type: 'string', default: 'localnet' },
        manager: { type: 'string' },
        'from-block': { type: 'string', default: '0' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    })
    if (values.help) return { exitCode: 0, stdout: help(), stderr: '' }
    const network = values.network as NetworkName
    if (!['mainnet', 'testnet', 'devnet', 'localnet'].includes(network))
      throw new UsageError(`--network ${network}: use mainnet, testnet, devnet or localnet`)
    const manager = values.manager ?? getNetwork(network).contracts.poaiManager
    if (!manager || !isAddress(manager))
      throw new UsageError(`--manager ${manager ?? '(none known)'} is not an EVM address`)
    if (!/^\d+$/.test(values['from-block']))
      throw new UsageError(`--from-block ${values['from-block']} is not a block number`)
    const transport =
      options.transport ?? http(values['rpc-url'] ?? env.RPC_URL ?? 'http://127.0.0.1:8545')
    const client = createPublicClient({ chain: getNetwork(network).chain, transport })
    const view = await readDashboard(client, {
      manager,
      fromBlock: BigInt(values['from-block']),
    })
    return {
      exitCode: 0,
      stdout: values.json ? toJson(view) : renderDashboard(view, { network, manager }),
      stderr: '',
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE')))
      return { exitCode: 2, stdout: '', stderr: `${(error as Error).message}\nSee --help.` }
    const message =
      error instanceof BaseError ? `${error.name}: ${error.shortMessage}` : (error as Error).message
    return { exitCode: 1, stdout: '', stderr: message }
  }
}

/** The view as text tables. */
export function renderDashboard(
  view: ReadDashboardReturnType,
  context: { network: string; manager: Address },
): string {
  const usdc = (v: bigint) => formatUsdc(v)
  const lines = [
    `Ratio1 ${context.network} — PoAIManager ${context.manager}`,
    `epoch ${view.epoch} (${view.epochConfig.length} s epochs), last allocated ${view.lastAllocatedEpoch}${view.lastEpochAllocated ? '' : ' (allocation due)'}, ${view.unvalidatedJobs} job(s) awaiting validation`,
    '',
    `Active jobs (${view.jobs.length})`,
    ...table(
      ['job', 'type', 'status', 'nodes', 'allocated', 'paid until', 'balance USDC', 'runway'],
      view.jobs.map((j) => [
        `#${j.id}`,
        j.jobTypeName,
        j.status,
        `${j.nodes.active}/${j.nodes.requested}`,
        String(j.lastAllocatedEpoch),
        String(j.lastExecutionEpoch),
        usdc(j.balance),
        j.runwayEpochs === undefined ? '—' : `${j.runwayEpochs} epochs`,
      ]),
    ),
    '',
    `Escrows (${view.escrows.length}), ${usdc(view.totalJobsBalance)} USDC held for active jobs`,
    ...table(
      ['escrow', 'owner', 'jobs', 'jobs balance', 'USDC held', 'pending burn'],
      view.escrows.map((e) => [
        e.escrow,
        e.owner,
        String(e.activeJobs),
        usdc(e.jobsBalance),
        usdc(e.usdcHeld),
        usdc(e.pendingBurn),
      ]),
    ),
    '',
    `Burn: ${usdc(view.burnRatePerEpoch)} USDC per epoch at the running jobs' node sets`,
    ...(view.burns.length
      ? table(
          ['burned in epoch', 'USDC', 'R1'],
          view.burns.map((b) => [
            String(b.epoch),
            usdc(b.usdc),
            formatR1(b.r1, { fractionDigits: 6 }),
          ]),
        )
      : ['  nothing burned yet']),
    '',
    `Oracles (${view.oracles.length})`,
    ...table(
      ['oracle', 'ETH', 'proposals'],
      view.oracles.map((o) => [o.address, formatEther(o.balance), String(o.submissions)]),
    ),
    '',
    `(${view.requests} JSON-RPC requests)`,
  ]
  return lines.join('\n')
}

const leftAligned = new Set(['type', 'status', 'owner'])

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    `  ${cells
      .map((cell, i) =>
        // Names and addresses read left to right; amounts and counts line up on the right.
        i === 0 || leftAligned.has(header[i]!)
          ? cell.padEnd(widths[i]!)
          : cell.padStart(widths[i]!),
      )
      .join('  ')}`.trimEnd()
  return [line(header), ...rows.map(line)]
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v), 2)
}
