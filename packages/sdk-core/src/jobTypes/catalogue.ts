/** What a job type is for: a container app, a native app, a managed service, or either of the first two with a GPU. */
export type JobTypeCategory = 'generic' | 'native' | 'service' | 'gpu'

/** A GPU add-on tier; its price is added to the CPU tier's price in the combined job types 21–40. */
export type GpuTier = {
  /** Constant-style id, e.g. `G_ENTRY`. */
  id: 'G_ENTRY' | 'G_MED' | 'G_HIGH' | 'G_ULTRA'
  /** Display name, e.g. `G-ENTRY`. */
  label: string
  /** The GPU models the tier covers. */
  models: string
  /** USDC base units per node per epoch added on top of the CPU tier. */
  pricePerEpoch: bigint
  /** Rank, 1 (entry) to 4 (ultra), for "at least this GPU" lookups. */
  rank: number
}

/** The resources one node of a job type grants. */
export type JobTypeResources = {
  /** vCPU cores (fractional for the smallest tiers). */
  cpu: number
  /** Memory in MiB (the oracles' "m" unit). */
  memoryMb: number
  /** Container storage in MiB; absent for native apps, which get the node's full storage. */
  storageMb?: number | undefined
  /** The GPU of a combined CPU+GPU job type. */
  gpu?: GpuTier | undefined
}

/** One entry of the on-chain job-type catalogue. */
export type JobType = {
  /** The on-chain `jobType` id. */
  id: number
  /** The contract constant without its `JOB_TYPE_` prefix, e.g. `ENTRY`, `G_MED_HIGH1`. */
  name: string
  /** Display name as Ratio1's app shows it, e.g. `ENTRY`, `N-MED1`, `HIGH1 + G-MED`. */
  label: string
  category: JobTypeCategory
  /** USDC base units (6 decimals) per node per epoch, exactly as `getPriceForJobType` returns. */
  pricePerEpoch: bigint
  resources: JobTypeResources
  /** For GPU combinations, the CPU tier the GPU is added to. */
  baseJobType?: number | undefined
  /** The node count below which Ratio1's app warns that the job has no load balancing. */
  minimalBalancing: number
}

/** A retired job type (ids 10–15) that existing jobs were migrated away from. */
export type DeprecatedJobType = {
  id: number
  name: string
  /** The last price before retirement, USDC base units per node per epoch. */
  historicalPricePerEpoch: bigint
  /** The job type existing jobs were migrated to. */
  replacement: number
}

const MIB_PER_GIB = 1024

/**
 * The GPU add-on tiers, cheapest first.
 *
 * @example
 * ```ts
 * import { gpuTiers } from '@ratio1/sdk-core'
 * gpuTiers.map((tier) => tier.label) // ['G-ENTRY', 'G-MED', 'G-HIGH', 'G-ULTRA']
 * ```
 */
export const gpuTiers: readonly GpuTier[] = [
  { id: 'G_ENTRY', label: 'G-ENTRY', models: 'RTX 2060–3070', pricePerEpoch: 1_200_000n, rank: 1 },
  {
    id: 'G_MED',
    label: 'G-MED',
    models: 'RTX 2080–3080, A3000',
    pricePerEpoch: 2_400_000n,
    rank: 2,
  },
  {
    id: 'G_HIGH',
    label: 'G-HIGH',
    models: 'RTX 3090–5090, A4000/A5000',
    pricePerEpoch: 4_800_000n,
    rank: 3,
  },
  { id: 'G_ULTRA', label: 'G-ULTRA', models: 'A100, H100', pricePerEpoch: 30_000_000n, rank: 4 },
]

// [id, name, category, price, cpu, memory GiB, storage GiB (0 = full node storage), minimal balancing]
type Row = [number, string, JobTypeCategory, number, number, number, number, number]
const cpuRows: Row[] = [
  [53, 'MICRO', 'generic', 100_000, 0.25, 0.5, 2, 2],
  [54, 'LITE', 'generic', 166_666, 0.5, 1, 4, 2],
  [1, 'ENTRY', 'generic', 375_000, 1, 2, 8, 2],
  [2, 'LOW1', 'generic', 750_000, 2, 4, 16, 2],
  [3, 'LOW2', 'generic', 1_000_000, 2, 8, 32, 2],
  [4, 'MED1', 'generic', 1_916_666, 3, 12, 48, 2],
  [5, 'MED2', 'generic', 2_916_666, 6, 14, 56, 2],
  [6, 'HIGH1', 'generic', 3_750_000, 8, 22, 88, 2],
  [7, 'HIGH2', 'generic', 5_333_333, 12, 30, 120, 2],
  [8, 'ULTRA1', 'generic', 8_333_333, 16, 62, 248, 2],
  [9, 'ULTRA2', 'generic', 12_500_000, 22, 124, 496, 2],
  [16, 'N_ENTRY', 'native', 2_500_000, 3, 14, 0, 2],
  [17, 'N_MED1', 'native', 3_750_000, 8, 22, 0, 2],
  [18, 'N_MED2', 'native', 6_000_000, 12, 30, 0, 1],
  [19, 'N_HIGH', 'native', 9_000_000, 16, 60, 0, 1],
  [20, 'N_ULTRA', 'native', 13_333_333, 22, 124, 0, 1],
  [50, 'SERVICE_ENTRY', 'service', 450_000, 1, 2, 8, 1],
  [51, 'SERVICE_MED1', 'service', 2_300_000, 3, 12, 48, 1],
  [52, 'SERVICE_HIGH1', 'service', 4_500_000, 8, 22, 88, 1],
]

// Display names as Ratio1's app shows them: N-MED1 for native tiers, S_MED1 for services.
function labelOf(name: string): string {
  return name.replace(/^N_/, 'N-').replace(/^SERVICE_/, 'S_')
}

// [id, CPU tier id, GPU tier, on-chain price]. The price is the contract's literal; a test checks that it
// equals the CPU tier's price plus the GPU add-on, as Ratio1's app computes it.
type GpuRow = [number, number, GpuTier['id'], number]
const gpuRows: GpuRow[] = [
  [21, 4, 'G_ENTRY', 3_116_666],
  [22, 5, 'G_ENTRY', 4_116_666],
  [23, 16, 'G_ENTRY', 3_700_000],
  [24, 17, 'G_ENTRY', 4_950_000],
  [25, 5, 'G_MED', 5_316_666],
  [26, 6, 'G_MED', 6_150_000],
  [27, 7, 'G_MED', 7_733_333],
  [28, 8, 'G_MED', 10_733_333],
  [29, 17, 'G_MED', 6_150_000],
  [30, 18, 'G_MED', 8_400_000],
  [31, 19, 'G_MED', 11_400_000],
  [32, 7, 'G_HIGH', 10_133_333],
  [33, 8, 'G_HIGH', 13_133_333],
  [34, 9, 'G_HIGH', 17_300_000],
  [35, 18, 'G_HIGH', 10_800_000],
  [36, 19, 'G_HIGH', 13_800_000],
  [37, 20, 'G_HIGH', 18_133_333],
  [38, 8, 'G_ULTRA', 38_333_333],
  [39, 9, 'G_ULTRA', 42_500_000],
  [40, 20, 'G_ULTRA', 43_333_333],
]

function buildCatalogue(): readonly JobType[] {
  const cpuTypes = cpuRows.map(
    ([id, name, category, price, cpu, memoryGib, storageGib, minimalBalancing]): JobType => ({
      id,
      name,
      label: labelOf(name),
      category,
      pricePerEpoch: BigInt(price),
      resources: {
        cpu,
        memoryMb: memoryGib * MIB_PER_GIB,
        ...(storageGib > 0 ? { storageMb: storageGib * MIB_PER_GIB } : {}),
      },
      minimalBalancing,
    }),
  )
  const byId = new Map(cpuTypes.map((type) => [type.id, type]))
  const combined = gpuRows.map(([id, baseId, gpuId, price]): JobType => {
    const base = byId.get(baseId)!
    const gpu = gpuTiers.find((tier) => tier.id === gpuId)!
    return {
      id,
      name: `${gpu.id}_${base.name}`,
      label: `${base.label} + ${gpu.label}`,
      category: 'gpu',
      pricePerEpoch: BigInt(price),
      resources: { ...base.resources, gpu },
      baseJobType: base.id,
      minimalBalancing: base.minimalBalancing,
    }
  })
  return Object.freeze([...cpuTypes, ...combined].sort((a, b) => a.id - b.id))
}

/**
 * Every job type that can be bought on chain, sorted by id, with its price and the resources a node of it
 * grants. Ids 1–9, 53 and 54 are generic container apps, 16–20 native apps, 50–52 managed services and
 * 21–40 CPU tiers combined with a GPU.
 *
 * @example
 * ```ts
 * import { jobTypes } from '@ratio1/sdk-core'
 * for (const type of jobTypes) console.log(type.id, type.label, type.pricePerEpoch)
 * ```
 */
export const jobTypes: readonly JobType[] = /* @__PURE__ */ buildCatalogue()

/**
 * The retired database tiers (ids 10–15). The escrow rejects them with "Deprecated job type"; existing
 * jobs were migrated to `SERVICE_ENTRY` (50).
 *
 * @example
 * ```ts
 * import { deprecatedJobTypes } from '@ratio1/sdk-core'
 * deprecatedJobTypes.map((type) => type.name) // ['PGSQL_LOW', 'PGSQL_MED', ...]
 * ```
 */
export const deprecatedJobTypes: readonly DeprecatedJobType[] = /* @__PURE__ */ Object.freeze(
  ['PGSQL', 'MYSQL', 'NOSQL'].flatMap((engine, index) => [
    {
      id: 10 + 2 * index,
      name: `${engine}_LOW`,
      historicalPricePerEpoch: 1_000_000n,
      replacement: 50,
    },
    {
      id: 11 + 2 * index,
      name: `${engine}_MED`,
      historicalPricePerEpoch: 2_166_666n,
      replacement: 50,
    },
  ]),
)
