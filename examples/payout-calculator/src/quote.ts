import {
  formatUsdc,
  getEpoch,
  getEpochStart,
  getJobRunway,
  getNetwork,
  type NetworkName,
  quoteJob,
  quoteJobForDuration,
} from '@ratio1/sdk-core'
import { resolveJobType, UsageError } from './jobTypeOption.js'
import type { Report } from './report.js'

/** Options of the `quote` command. */
export type QuoteOptions = {
  type?: string | undefined
  cpu?: string | undefined
  memory?: string | undefined
  gpu?: boolean | undefined
  nodes: string
  epochs?: string | undefined
  days?: string | undefined
  months?: string | undefined
  network: string
  now?: string | undefined
}

const usdc = (amount: bigint) => `${formatUsdc(amount)} USDC`

/** Parses `--now`, defaulting to the current time. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date()
  const date = new Date(value)
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`Cannot read --now "${value}"; use an ISO date.`)
  return date
}

/** Prices a job: the quote, the per-epoch and per-node split, the burn and the runway. */
export function quoteReport(options: QuoteOptions): Report {
  const type = resolveJobType(options)
  const network = getNetwork(options.network as NetworkName)
  const now = parseNow(options.now)
  const nodes = Number(options.nodes)
  if ([options.epochs, options.days, options.months].filter((v) => v !== undefined).length > 1)
    throw new UsageError('Give only one of --epochs, --days or --months.')

  const byDuration = options.days !== undefined || options.months !== undefined
  const quote = byDuration
    ? quoteJobForDuration({
        jobType: type.id,
        nodes,
        network,
        now,
        ...(options.days !== undefined ? { days: Number(options.days) } : {}),
        ...(options.months !== undefined ? { months: Number(options.months) } : {}),
      })
    : quoteJob({
        jobType: type.id,
        nodes,
        epochs: Number(options.epochs ?? 30),
        currentEpoch: network.epoch ? getEpoch(now, network) : undefined,
      })
  const endsAt =
    network.epoch && quote.lastExecutionEpoch !== undefined
      ? getEpochStart(quote.lastExecutionEpoch, network)
      : undefined
  const runway = getJobRunway({
    balance: quote.total,
    pricePerEpoch: quote.pricePerEpoch,
    nodes: quote.nodes,
  })
  const overAssigned = getJobRunway({
    balance: quote.total,
    pricePerEpoch: quote.pricePerEpoch,
    nodes: quote.nodes + 1n,
  })
  const { resources } = type
  const describeResources = [
    `${resources.cpu} vCPU`,
    `${resources.memoryMb / 1024} GiB RAM`,
    resources.storageMb ? `${resources.storageMb / 1024} GiB storage` : 'full node storage',
    ...(resources.gpu ? [`GPU ${resources.gpu.label} (${resources.gpu.models})`] : []),
  ].join(', ')

  return {
    title: `Quote for ${quote.nodes} × ${type.label} (job type ${type.id}) on ${network.name}`,
    pairs: [
      ['Resources per node', describeResources],
      [
        'Epoch length',
        network.epoch ? `${Number(network.epoch.length) / 3600} h` : 'read from chain',
      ],
      ['Epochs paid', `${quote.epochs}`],
      ...(quote.firstEpoch !== undefined
        ? ([
            ['First paid epoch', `${quote.firstEpoch}`],
            [
              'lastExecutionEpoch',
              `${quote.lastExecutionEpoch} (exclusive: send this to createJobs)`,
            ],
          ] as const)
        : []),
      ...(endsAt !== undefined
        ? ([['Runs until', new Date(Number(endsAt) * 1000).toISOString()]] as const)
        : []),
      ['Total to pay', usdc(quote.total)],
      ['Amount to approve', usdc(quote.amountToApprove)],
    ],
    tables: [
      {
        caption: 'Per epoch',
        headers: ['', 'per node', `all ${quote.nodes} nodes`],
        rows: [
          ['price', usdc(quote.pricePerEpoch), usdc(quote.costPerEpoch)],
          [
            'to node operators (85 %)',
            usdc(quote.perNodePerEpoch.node),
            usdc(quote.perNodePerEpoch.node * quote.nodes),
          ],
          [
            'swapped to R1 and burned (15 %)',
            usdc(quote.perNodePerEpoch.burn),
            usdc(quote.perNodePerEpoch.burn * quote.nodes),
          ],
        ],
      },
      {
        caption: `Over the whole job (${quote.epochs} epochs, every epoch allocated on its own)`,
        headers: ['', 'per node', 'total'],
        rows: [
          [
            'to node operators',
            usdc(quote.perNodePerEpoch.node * quote.epochs),
            usdc(quote.payout.node),
          ],
          [
            'burned as R1',
            usdc(quote.perNodePerEpoch.burn * quote.epochs),
            usdc(quote.payout.burn),
          ],
          ['paid in', usdc(quote.pricePerEpoch * quote.epochs), usdc(quote.total)],
        ],
      },
    ],
    notes: [
      `Runway: ${runway.epochs} epochs at ${quote.nodes} active nodes (${usdc(runway.costPerEpoch)} per epoch); ${overAssigned.epochs} epochs if ${quote.nodes + 1n} nodes ran.`,
    ],
    data: { network: network.name, ...quote, endsAt },
  }
}
