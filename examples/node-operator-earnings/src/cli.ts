import { parseArgs } from 'node:util'
import {
  BaseError,
  formatR1,
  formatUsdc,
  getNetwork,
  isNodeAddress,
  type NetworkName,
  nodeAddressToEthAddress,
} from '@ratio1/sdk-core'
import {
  claimRewardsForNode,
  type GetNodeEarningsReturnType,
  getCurrentEpoch,
  getNodeEarnings,
  type NodeClaim,
} from '@ratio1/sdk-escrow'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  isAddress,
  isHex,
  type Transport,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/** What a run prints and its exit code (0 done, 1 chain or claim failure, 2 usage mistake). */
export type CliResult = { exitCode: number; stdout: string; stderr: string }

export type RunCliOptions = {
  /** Replaces the HTTP transport built from `--rpc-url` (tests pass their own). */
  transport?: Transport | undefined
  /** Where `RPC_URL` and `NODE_OPERATOR_PRIVATE_KEY` are read from. @default process.env */
  env?: Readonly<Record<string, string | undefined>> | undefined
}

const program = 'pnpm --filter @ratio1/example-node-operator-earnings start --'

/** The help text. */
export function help(): string {
  return `Ratio1 node-operator earnings

Usage: ${program} <command> --node <address> [--node <address> …] [options]

Commands:
  earnings  unclaimed rewards of each node across every escrow, what they swap to in R1 now,
            and what the running jobs will still credit them (the default command)
  claim     claim every node's rewards: each escrow swaps the node's USDC to R1 and pays the
            owner of the node's ND licence, who must be the signer

Options:
  --node <0x…|0xai_…>     a node (repeat for several)
  --rpc-url <url>          JSON-RPC endpoint (default $RPC_URL, else http://127.0.0.1:8545)
  --network <name>         mainnet | testnet | devnet | localnet (default localnet)
  --manager <0x…>          the PoAIManager (default: the network's)
  --private-key <0x…>      claim: the licence owner's key (default $NODE_OPERATOR_PRIVATE_KEY)
  --json                   machine-readable output
  --help

Examples:
  ${program} earnings --node 0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4
  ${program} claim --node 0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4 --json
`
}

/** A command-line mistake: reported with the help hint and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * Runs the command line: reads a node operator's rewards from the chain, or claims them.
 *
 * @example
 * ```ts
 * const { exitCode, stdout } = await runCli(['earnings', '--node', node, '--rpc-url', url])
 * ```
 */
export async function runCli(
  argv: readonly string[],
  options: RunCliOptions = {},
): Promise<CliResult> {
  const env = options.env ?? process.env
  try {
    const { values, positionals } = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      allowPositionals: true,
      options: {
        node: { type: 'string', multiple: true },
        'rpc-url': { type: 'string' },
        network: { type: 'string', default: 'localnet' },
        manager: { type: 'string' },
        'private-key': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    })
    if (values.help) return { exitCode: 0, stdout: help(), stderr: '' }
    const command = positionals[0] ?? 'earnings'
    if (positionals.length > 1 || (command !== 'earnings' && command !== 'claim'))
      throw new UsageError(`unknown command "${positionals.join(' ')}": use earnings or claim`)

    const network = parseNetwork(values.network)
    const manager = parseManager(values.manager, network)
    const nodes = parseNodes(values.node ?? [])
    const transport = options.transport ?? http(values['rpc-url'] ?? env.RPC_URL ?? defaultRpc)
    const chain = getNetwork(network).chain
    const client = createPublicClient({ chain, transport, pollingInterval: 50 })

    if (command === 'earnings') {
      const epoch = await getCurrentEpoch(client, { manager })
      const earnings = await getNodeEarnings(client, { manager, nodes, project: true })
      return {
        exitCode: 0,
        stdout: values.json
          ? toJson({ network, manager, epoch, ...earnings })
          : renderEarnings({ network, manager, epoch, earnings }),
        stderr: '',
      }
    }

    const key = values['private-key'] ?? env.NODE_OPERATOR_PRIVATE_KEY
    if (!key || !isHex(key) || key.length !== 66)
      throw new UsageError(
        'claim needs --private-key <0x + 64 hex digits> (or NODE_OPERATOR_PRIVATE_KEY): the key of the account that owns the nodes’ ND licences',
      )
    const wallet = createWalletClient({
      chain,
      transport,
      account: privateKeyToAccount(key as Hex),
      pollingInterval: 50,
    })
    const claims: (NodeClaim & { hash: Hex })[] = []
    for (const node of nodes) {
      // One claim per node: a failure names the node it concerns, and earlier claims stand.
      const {
        hash,
        receipt: _receipt,
        ...claim
      } = await claimRewardsForNode(wallet, {
        manager,
        node,
      })
      claims.push({ ...claim, hash })
    }
    const usdc = claims.reduce((sum, c) => sum + c.usdc, 0n)
    const r1 = claims.reduce((sum, c) => sum + c.r1, 0n)
    return {
      exitCode: 0,
      stdout: values.json
        ? toJson({ network, manager, claims, usdc, r1 })
        : renderClaims(claims, usdc, r1),
      stderr: '',
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error))
      return {
        exitCode: 2,
        stdout: '',
        stderr: `${(error as Error).message}\nRun with --help for the options.`,
      }
    const message =
      error instanceof BaseError
        ? `${error.name}: ${error.shortMessage}${error.details ? `\n${error.details}` : ''}`
        : String((error as Error).message ?? error)
    return { exitCode: 1, stdout: '', stderr: message }
  }
}

const defaultRpc = 'http://127.0.0.1:8545'
const networkNames = ['mainnet', 'testnet', 'devnet', 'localnet'] as const

function parseNetwork(value: string | undefined): NetworkName {
  if (networkNames.includes(value as NetworkName)) return value as NetworkName
  throw new UsageError(`--network ${value}: use one of ${networkNames.join(', ')}`)
}

function parseManager(value: string | undefined, network: NetworkName): Address {
  if (value === undefined) {
    const known = getNetwork(network).contracts.poaiManager
    if (!known) throw new UsageError(`${network} has no known PoAIManager: pass --manager <0x…>`)
    return known
  }
  if (!isAddress(value)) throw new UsageError(`--manager ${value} is not an EVM address`)
  return value
}

function parseNodes(values: readonly string[]): Address[] {
  if (values.length === 0) throw new UsageError('give at least one --node <0x…|0xai_…>')
  return values.map((value) => {
    if (isAddress(value)) return value
    if (isNodeAddress(value)) return nodeAddressToEthAddress(value)
    throw new UsageError(
      `--node ${value} is neither an EVM address (0x + 40 hex digits) nor a Ratio1 node address (0xai_…)`,
    )
  })
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

function renderEarnings(parameters: {
  network: NetworkName
  manager: Address
  epoch: bigint
  earnings: GetNodeEarningsReturnType
}): string {
  const { network, manager, epoch, earnings } = parameters
  const r1 = (value: bigint) => formatR1(value, { fractionDigits: 6 })
  const rows = earnings.nodes.map((n) => [
    n.node,
    formatUsdc(n.claimable),
    r1(n.claimableR1),
    String(n.escrows.length),
    formatUsdc(n.projected?.net ?? 0n),
  ])
  rows.push([
    'total',
    formatUsdc(earnings.claimable),
    r1(earnings.claimableR1),
    '',
    formatUsdc(earnings.projected ?? 0n),
  ])
  const lines = [
    `Node earnings on ${network} (PoAIManager ${manager}), epoch ${epoch}`,
    '',
    ...table(['node', 'claimable USDC', 'as R1 now', 'escrows', 'projected USDC'], rows),
  ]
  const owed = earnings.nodes.flatMap((n) =>
    n.escrows.map((e) => `  ${n.node}  ${e.escrow}  ${formatUsdc(e.usdc)} USDC`),
  )
  lines.push('', 'Unclaimed, by escrow:', ...(owed.length ? owed : ['  nothing to claim']))
  const projected = earnings.nodes.flatMap((n) =>
    (n.projected?.jobs ?? []).map(
      (j) =>
        `  ${n.node}  job #${j.jobId}: ${j.epochs} epochs × ${j.slots} slot → ${formatUsdc(j.net)} USDC (${formatUsdc(j.burn)} burned)`,
    ),
  )
  lines.push(
    '',
    'Still to be credited by running jobs (if their node sets stay as they are):',
    ...(projected.length ? projected : ['  no running job uses these nodes']),
  )
  return lines.join('\n')
}

function renderClaims(
  claims: readonly (NodeClaim & { hash: Hex })[],
  usdc: bigint,
  r1: bigint,
): string {
  const lines = claims.map((c) =>
    c.usdc === 0n
      ? `${c.node}: nothing to claim`
      : `${c.node}: ${formatUsdc(c.usdc)} USDC from ${c.escrows.length} escrow(s) → ${formatR1(c.r1, { fractionDigits: 6 })} R1 to ${c.owner} (tx ${c.hash})`,
  )
  lines.push(
    `Claimed ${formatUsdc(usdc)} USDC in total, paid out as ${formatR1(r1, { fractionDigits: 6 })} R1`,
  )
  return lines.join('\n')
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)]
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v), 2)
}
