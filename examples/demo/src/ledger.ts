import { cspEscrowAbi, r1Abi } from '@ratio1/contracts/abis'
import { formatR1, formatUsdc } from '@ratio1/sdk-core'
import { type Address, erc20Abi, type PublicClient } from 'viem'
import { getContractEvents, readContract } from 'viem/actions'

/** USDC amounts (base units) the ledger tracks, as predicted or as read from the chain. */
export type Totals = {
  /** Paid into the escrow by the CSP (purchase and extension). */
  paidIn: bigint
  /** Credited to the nodes' virtual wallets (the 85 %). */
  allocated: bigint
  /** Set aside to be swapped to R1 and burned (the 15 %), whether swapped yet or pending. */
  burned: bigint
  /** Taken out of the nodes' wallets by claims (swapped to R1 for the node operator). */
  claimed: bigint
  /** Returned to the CSP from the closed job. */
  refunded: bigint
}

/** One verified statement: what was expected, what the chain shows, and whether they agree. */
export type Check = {
  name: string
  expected: string
  actual: string
  ok: boolean
  /** Lines explaining a failure. */
  details?: string[] | undefined
}

export type Ledger = {
  chain: Totals & {
    /** USDC the escrow holds now. */
    leftInEscrow: bigint
    /** Of which: unspent job balances. */
    jobBalances: bigint
    /** Of which: allocated to nodes and not claimed yet. */
    unclaimed: bigint
    /** Of which: burn share whose swap is pending. */
    pendingBurn: bigint
    /** R1 wei bought with the burn share and burned. */
    burnedR1: bigint
    /** R1 wei paid to node operators by claims. */
    claimedR1: bigint
    /** How much the R1 supply fell during the demo. */
    r1SupplyDrop: bigint
  }
  predicted: Totals & { leftInEscrow: bigint }
  checks: Check[]
}

export type ReadLedgerParameters = {
  escrow: Address
  usdc: Address
  r1: Address
  csp: Address
  /** Every node that may hold rewards in the escrow. */
  nodes: readonly Address[]
  r1SupplyAtStart: bigint
  predicted: Totals
}

const sum = (values: readonly (bigint | undefined)[]) =>
  values.reduce<bigint>((total, value) => total + (value ?? 0n), 0n)

/**
 * Reads the escrow's ledger from the chain, twice over: from the USDC token's own `Transfer` events (what
 * entered and left the escrow) and from the escrow's events and state (what it allocated, burned, holds
 * and owes), and checks the two views against each other and against the predicted totals.
 *
 * @example
 * ```ts
 * const ledger = await readLedger(publicClient, { escrow, usdc, r1, csp, nodes, r1SupplyAtStart, predicted })
 * console.log(ledger.chain.paidIn, ledger.checks.every((c) => c.ok))
 * ```
 */
export async function readLedger(
  client: PublicClient,
  parameters: ReadLedgerParameters,
): Promise<Ledger> {
  const { escrow, usdc, r1, csp } = parameters
  const fromEscrow = { address: escrow, abi: cspEscrowAbi, fromBlock: 0n } as const
  const [allocatedLogs, burnedLogs, claimedLogs, inflows, outflows] = await Promise.all([
    getContractEvents(client, { ...fromEscrow, eventName: 'RewardsAllocatedV3' }),
    getContractEvents(client, { ...fromEscrow, eventName: 'TokensBurned' }),
    getContractEvents(client, { ...fromEscrow, eventName: 'RewardsClaimedV2' }),
    getContractEvents(client, {
      address: usdc,
      abi: erc20Abi,
      eventName: 'Transfer',
      args: { to: escrow },
      fromBlock: 0n,
    }),
    getContractEvents(client, {
      address: usdc,
      abi: erc20Abi,
      eventName: 'Transfer',
      args: { from: escrow },
      fromBlock: 0n,
    }),
  ])
  const read = <const functionName extends 'pendingBurnUsdc' | 'getActiveJobs' | 'getClosedJobs'>(
    functionName: functionName,
  ) => readContract(client, { address: escrow, abi: cspEscrowAbi, functionName })
  const [pendingBurn, active, closed, escrowUsdc, r1Supply, wallets] = await Promise.all([
    read('pendingBurnUsdc'),
    read('getActiveJobs'),
    read('getClosedJobs'),
    readContract(client, {
      address: usdc,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [escrow],
    }),
    readContract(client, { address: r1, abi: r1Abi, functionName: 'totalSupply' }),
    Promise.all(
      parameters.nodes.map((node) =>
        readContract(client, {
          address: escrow,
          abi: cspEscrowAbi,
          functionName: 'virtualWalletBalance',
          args: [node],
        }),
      ),
    ),
  ])

  const paidIn = sum(inflows.filter((l) => l.args.from === csp).map((l) => l.args.value))
  const otherInflows = sum(inflows.filter((l) => l.args.from !== csp).map((l) => l.args.value))
  const refunded = sum(outflows.filter((l) => l.args.to === csp).map((l) => l.args.value))
  const swappedOut = sum(outflows.filter((l) => l.args.to !== csp).map((l) => l.args.value))
  const swappedForBurn = sum(burnedLogs.map((l) => l.args.usdcAmount))
  const claimed = sum(claimedLogs.map((l) => l.args.usdcAmount))
  const chain = {
    paidIn,
    allocated: sum(allocatedLogs.map((l) => l.args.usdcAmount)),
    burned: swappedForBurn + pendingBurn,
    claimed,
    refunded,
    leftInEscrow: escrowUsdc,
    jobBalances: sum([...active, ...closed].map((job) => job.balance)),
    unclaimed: sum(wallets),
    pendingBurn,
    burnedR1: sum(burnedLogs.map((l) => l.args.r1Amount)),
    claimedR1: sum(claimedLogs.map((l) => l.args.r1Amount)),
    r1SupplyDrop: parameters.r1SupplyAtStart - r1Supply,
  }
  const p = parameters.predicted
  const predicted = {
    ...p,
    leftInEscrow: p.paidIn - (p.burned - 0n) - p.claimed - p.refunded,
  }

  const usdcCheck = (name: string, expected: bigint, actual: bigint): Check => ({
    name,
    expected: `${formatUsdc(expected)} USDC`,
    actual: `${formatUsdc(actual)} USDC`,
    ok: expected === actual,
  })
  const checks: Check[] = [
    usdcCheck(
      'conservation: paid in = allocated + burn share + job balances + refunded',
      chain.paidIn,
      chain.allocated + chain.burned + chain.jobBalances + chain.refunded,
    ),
    usdcCheck(
      'escrow holds job balances + unclaimed rewards + pending burn',
      chain.jobBalances + chain.unclaimed + chain.pendingBurn,
      chain.leftInEscrow,
    ),
    usdcCheck('allocated = claimed + unclaimed', chain.allocated, chain.claimed + chain.unclaimed),
    usdcCheck(
      'USDC transfers: in − refunded − swapped out = escrow balance',
      chain.paidIn + otherInflows - refunded - swappedOut,
      chain.leftInEscrow,
    ),
    usdcCheck('every USDC swapped out was a burn or a claim', swappedForBurn + claimed, swappedOut),
    {
      name: 'R1 supply fell by exactly the R1 burned',
      expected: `${formatR1(chain.burnedR1)} R1`,
      actual: `${formatR1(chain.r1SupplyDrop)} R1`,
      ok: chain.burnedR1 === chain.r1SupplyDrop && chain.burnedR1 > 0n,
    },
    ...(['paidIn', 'allocated', 'burned', 'claimed', 'leftInEscrow', 'refunded'] as const).map(
      (key) =>
        usdcCheck(`ledger "${rowLabels[key]}" = sdk-core prediction`, predicted[key], chain[key]),
    ),
  ]
  return { chain, predicted, checks }
}

const rowLabels = {
  paidIn: 'USDC paid in',
  allocated: 'allocated to nodes (85 %)',
  burned: 'burned as R1 (15 %)',
  claimed: 'claimed by the node operator',
  leftInEscrow: 'left in escrow',
  refunded: 'refunded to the CSP',
} as const

/**
 * The ledger as a table: each line read from the chain beside sdk-core's prediction.
 *
 * @example
 * ```ts
 * for (const line of formatLedger(ledger)) console.log(line)
 * ```
 */
export function formatLedger(ledger: Ledger): string[] {
  const { chain, predicted } = ledger
  const notes: Record<keyof typeof rowLabels, string> = {
    paidIn: 'purchase + extension',
    allocated: 'credited to the nodes’ wallets',
    burned: `bought and burned ${formatR1(chain.burnedR1, { fractionDigits: 6 })} R1${chain.pendingBurn ? `, ${formatUsdc(chain.pendingBurn)} pending` : ''}`,
    claimed: `paid out as ${formatR1(chain.claimedR1, { fractionDigits: 6 })} R1`,
    leftInEscrow: `${formatUsdc(chain.unclaimed)} unclaimed + ${formatUsdc(chain.jobBalances)} job balance`,
    refunded: 'unspent balance of the closed job',
  }
  const rows = (Object.keys(rowLabels) as (keyof typeof rowLabels)[]).map((key) => [
    rowLabels[key],
    formatUsdc(chain[key]),
    formatUsdc(predicted[key]),
    chain[key] === predicted[key] ? '✓' : '✗',
    notes[key],
  ])
  return table(['', 'chain (USDC)', 'sdk-core (USDC)', '', ''], rows, [
    false,
    true,
    true,
    false,
    false,
  ])
}

/**
 * The checks as lines, ✓ or ✗ first; a failed check shows what was expected and what the chain shows.
 *
 * @example
 * ```ts
 * formatChecks([{ name: 'conservation', expected: '30 USDC', actual: '30 USDC', ok: true }]) // ['✓ conservation']
 * ```
 */
export function formatChecks(checks: readonly Check[]): string[] {
  const lines: string[] = []
  for (const c of checks) {
    lines.push(
      c.ok ? `✓ ${c.name}` : `✗ ${c.name}: expected ${c.expected}, chain shows ${c.actual}`,
    )
    if (!c.ok) for (const detail of c.details ?? []) lines.push(`    ${detail}`)
  }
  return lines
}

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '─'.repeat(w)).join('  ')
  return [line(header), rule, ...rows.map(line)]
}
