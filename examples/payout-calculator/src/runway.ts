import { formatUsdc, getJobRunway, parseUsdc } from '@ratio1/sdk-core'
import { resolveJobType } from './jobTypeOption.js'
import type { Report } from './report.js'

/** Options of the `runway` command. */
export type RunwayOptions = {
  /** The job's balance in USDC, as a decimal string. */
  balance: string
  type?: string | undefined
  /** USDC per node per epoch, instead of a job type. */
  price?: string | undefined
  nodes: string
  lastAllocatedEpoch?: string | undefined
}

/** How many epochs a job's balance pays for at its node count. */
export function runwayReport(options: RunwayOptions): Report {
  const pricePerEpoch =
    options.price !== undefined ? parseUsdc(options.price) : resolveJobType(options).pricePerEpoch
  const runway = getJobRunway({
    balance: parseUsdc(options.balance),
    pricePerEpoch,
    nodes: Number(options.nodes),
    lastAllocatedEpoch:
      options.lastAllocatedEpoch === undefined ? undefined : BigInt(options.lastAllocatedEpoch),
  })
  return {
    title: `Runway of ${options.balance} USDC at ${options.nodes} node(s) × ${formatUsdc(pricePerEpoch)} USDC`,
    pairs: [
      ['Cost per epoch', `${formatUsdc(runway.costPerEpoch)} USDC`],
      [
        'Epochs paid for',
        runway.epochs === undefined ? 'unlimited (no node is paid)' : `${runway.epochs}`,
      ],
      ['Left over', `${formatUsdc(runway.remainder)} USDC`],
      ...(runway.fundedThroughEpoch !== undefined
        ? ([['Funded through epoch', `${runway.fundedThroughEpoch}`]] as const)
        : []),
    ],
    tables: [
      {
        headers: ['cost per epoch (USDC)', 'epochs', 'left over (USDC)'],
        rows: [
          [formatUsdc(runway.costPerEpoch), `${runway.epochs ?? ''}`, formatUsdc(runway.remainder)],
        ],
      },
    ],
    data: runway,
  }
}
