import {
  findJobType,
  formatUsdc,
  getEpoch,
  getEpochStart,
  getJobRunway,
  getJobType,
  getNetwork,
  type JobQuote,
  type JobType,
  jobTypes,
  type Network,
  type NetworkName,
  quoteJob,
  quoteJobForDuration,
} from '@ratio1/sdk-core'
import { renderPairs, renderTable } from './table.js'

/** Options of the `quote` command, as parsed from the command line. */
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
  json?: boolean | undefined
}

const usdc = (amount: bigint) => `${formatUsdc(amount)} USDC`

/**
 * Resolves `--type` (an id, a constant name or a display label) or `--cpu/--memory/--gpu` to a job type;
 * ENTRY when nothing is given.
 */
export function resolveJobType(
  options: Pick<QuoteOptions, 'type' | 'cpu' | 'memory' | 'gpu'>,
): JobType {
  if (options.type !== undefined) {
    if (/^\d+$/.test(options.type)) return getJobType(Number(options.type))
    const wanted = options.type.toUpperCase().replace(/[\s+-]+/g, '_')
    const match = jobTypes.find(
      (type) =>
        type.name === wanted || type.label.toUpperCase().replace(/[\s+-]+/g, '_') === wanted,
    )
    if (!match) throw new UsageError(`Unknown job type "${options.type}". Run with --list-types.`)
    return match
  }
  if (options.cpu === undefined && options.memory === undefined && !options.gpu)
    return getJobType(1) // ENTRY, the smallest general-purpose tier
  return findJobType({
    cpu: options.cpu === undefined ? undefined : Number(options.cpu),
    memoryMb: options.memory === undefined ? undefined : parseMemory(options.memory),
    gpu: options.gpu,
  })
}

/** Parses memory like `8GiB`, `8g`, `512mb` or `512` (MiB). */
export function parseMemory(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(g|gb|gib|m|mb|mib)?$/i.exec(value.trim())
  if (!match) throw new UsageError(`Cannot read memory "${value}"; use e.g. 8GiB or 512MiB.`)
  const amount = Number(match[1])
  return /^g/i.test(match[2] ?? 'm') ? amount * 1024 : amount
}

/** A mistake in the command line; printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError'
}

function toNetwork(name: string): Network {
  return getNetwork(name as NetworkName)
}

function toNow(value: string | undefined): Date {
  if (value === undefined) return new Date()
  const date = new Date(value)
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`Cannot read --now "${value}"; use an ISO date.`)
  return date
}

/** Prices a job and renders the quote, the per-epoch and per-node split, the burn and the runway. */
export function runQuote(options: QuoteOptions): string {
  const type = resolveJobType(options)
  const network = toNetwork(options.network)
  const now = toNow(options.now)
  const nodes = Number(options.nodes)
  const durations = [options.epochs, options.days, options.months].filter((v) => v !== undefined)
  if (durations.length > 1) throw new UsageError('Give only one of --epochs, --days or --months.')

  let quote: JobQuote & { endsAt?: bigint | undefined }
  if (options.days !== undefined || options.months !== undefined) {
    quote = quoteJobForDuration({
      jobType: type.id,
      nodes,
      network,
      now,
      ...(options.days !== undefined ? { days: Number(options.days) } : {}),
      ...(options.months !== undefined ? { months: Number(options.months) } : {}),
    })
  } else {
    const epochs = Number(options.epochs ?? 30)
    const currentEpoch = network.epoch ? getEpoch(now, network) : undefined
    quote = quoteJob({ jobType: type.id, nodes, epochs, currentEpoch })
    if (network.epoch && quote.lastExecutionEpoch !== undefined)
      quote.endsAt = getEpochStart(quote.lastExecutionEpoch, network)
  }

  if (options.json) return JSON.stringify(toJson(quote, network), null, 2)

  const epochLength = network.epoch ? `${Number(network.epoch.length) / 3600} h` : 'read from chain'
  const resources = type.resources
  const runway = getJobRunway({
    balance: quote.total,
    pricePerEpoch: quote.pricePerEpoch,
    nodes: quote.nodes,
  })
  const sections = [
    `Quote for ${quote.nodes} × ${type.label} (job type ${type.id}) on ${network.name}`,
    '',
    renderPairs([
      [
        'Resources per node',
        `${resources.cpu} vCPU, ${resources.memoryMb / 1024} GiB RAM${resources.storageMb ? `, ${resources.storageMb / 1024} GiB storage` : ', full node storage'}${resources.gpu ? `, GPU ${resources.gpu.label} (${resources.gpu.models})` : ''}`,
      ],
      ['Epoch length', epochLength],
      ['Epochs paid', `${quote.epochs}`],
      ...(quote.firstEpoch !== undefined
        ? ([
            ['First paid epoch', `${quote.firstEpoch}`],
            [
              'lastExecutionEpoch',
              `${quote.lastExecutionEpoch} (exclusive: send this to createJobs)`,
            ],
          ] as [string, string][])
        : []),
      ...(quote.endsAt !== undefined
        ? ([['Runs until', new Date(Number(quote.endsAt) * 1000).toISOString()]] as [
            string,
            string,
          ][])
        : []),
      ['Total to pay', usdc(quote.total)],
      ['Amount to approve', usdc(quote.amountToApprove)],
    ]),
    '',
    'Per epoch',
    renderTable(
      ['', 'per node', `all ${quote.nodes} nodes`],
      [
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
    ),
    '',
    `Over the whole job (${quote.epochs} epochs, every epoch allocated on its own)`,
    renderTable(
      ['', 'per node', 'total'],
      [
        [
          'to node operators',
          usdc(quote.perNodePerEpoch.node * quote.epochs),
          usdc(quote.payout.node),
        ],
        ['burned as R1', usdc(quote.perNodePerEpoch.burn * quote.epochs), usdc(quote.payout.burn)],
        ['paid in', usdc(quote.pricePerEpoch * quote.epochs), usdc(quote.total)],
      ],
    ),
    '',
    renderPairs([
      [
        'Runway',
        `${runway.epochs} epochs at ${quote.nodes} active nodes (${usdc(runway.costPerEpoch)} per epoch)`,
      ],
      [
        'If more nodes run',
        `${getJobRunway({ balance: quote.total, pricePerEpoch: quote.pricePerEpoch, nodes: quote.nodes + 1n }).epochs} epochs at ${quote.nodes + 1n} nodes`,
      ],
    ]),
  ]
  return sections.join('\n')
}

function toJson(quote: JobQuote & { endsAt?: bigint | undefined }, network: Network) {
  return JSON.parse(
    JSON.stringify({ network: network.name, ...quote, jobType: quote.jobType }, (_, value) =>
      typeof value === 'bigint' ? value.toString() : value,
    ),
  )
}

/** The catalogue as a table. */
export function renderJobTypes(): string {
  return renderTable(
    [
      'id',
      'name',
      'category',
      'vCPU',
      'RAM GiB',
      'storage GiB',
      'GPU',
      'USDC/epoch',
      'USDC/30 epochs',
    ],
    jobTypes.map((type) => [
      `${type.id}`,
      type.label,
      type.category,
      `${type.resources.cpu}`,
      `${type.resources.memoryMb / 1024}`,
      type.resources.storageMb ? `${type.resources.storageMb / 1024}` : 'full',
      type.resources.gpu?.label ?? '',
      formatUsdc(type.pricePerEpoch),
      formatUsdc(type.pricePerEpoch * 30n),
    ]),
  )
}
