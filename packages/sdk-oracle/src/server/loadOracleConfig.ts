import { readFileSync } from 'node:fs'
import { type Address, getAddress, type Hex, isAddress } from 'viem'
import { z } from 'zod'
import { InvalidOracleConfigError, type InvalidOracleConfigErrorType } from '../errors/oracle.js'

const address = z
  .string()
  .refine((v) => isAddress(v, { strict: false }), 'expected a 0x-prefixed 20-byte address')
  .transform((v) => getAddress(v) as Address)
const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
const loopbackOrUrl = z.url({ protocol: /^https?$/ })

// camelCase keys, as in the JSON file; `ORACLE_*` variables map onto them below.
const oracleConfigSchema = z.object({
  /** The oracle's key: signs transactions and (as its node key) every response. */
  privateKey: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-prefixed 32-byte hex private key')
    .transform((v) => v as Hex),
  rpcUrl: loopbackOrUrl,
  poaiManager: address,
  controller: address,
  multicall3: address.optional(),
  host: z.string().min(1).default('127.0.0.1'),
  port: intFrom(0, 65_535).default(3000),
  dbPath: z.string().min(1).default('./r1-oracle.db'),
  /** SQLite file of the job specs every oracle of the network shares; default: `dbPath`. */
  sharedDbPath: z.string().min(1).optional(),
  /** URL of a fleet served over HTTP (`serveFleet`); without it an in-process simulated fleet is used. */
  fleetUrl: loopbackOrUrl.optional(),
  fleetSize: intFrom(1, 1_000).default(6),
  fleetSeed: z.string().min(1).default('ratio1-devnet'),
  tickMs: intFrom(100, 3_600_000).default(5_000),
  /** How often receipts and blocks are polled, ms (low on a local automining chain). */
  pollingIntervalMs: intFrom(10, 60_000).default(1_000),
  network: z.string().min(1).default('localnet'),
  alias: z.string().min(1).default('r1-oracle'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  maxBodyBytes: intFrom(1_024, 64 * 1024 * 1024).default(1_048_576),
  minBalanceWei: z.coerce.bigint().nonnegative().default(300_000_000_000_000n),
  /** Oldest accepted request nonce, seconds (the original's 12 h). */
  nonceMaxAgeSeconds: intFrom(1, 7 * 24 * 3_600).default(43_200),
  closureBackoffMs: z
    .tuple([z.number().int().min(0), z.number().int().min(0)])
    .default([1_000, 250_000]),
  rewardsStaggerMs: z
    .tuple([z.number().int().min(0), z.number().int().min(0)])
    .default([1_000, 100_000]),
  repairStepMs: intFrom(0, 3_600_000).default(30_000),
})
/** The validated configuration of `r1-oracle` (see the package README for each setting). */
export type OracleConfig = {
  privateKey: Hex
  rpcUrl: string
  poaiManager: Address
  controller: Address
  multicall3?: Address | undefined
  host: string
  port: number
  dbPath: string
  sharedDbPath?: string | undefined
  fleetUrl?: string | undefined
  fleetSize: number
  fleetSeed: string
  tickMs: number
  pollingIntervalMs: number
  network: string
  alias: string
  logLevel: 'debug' | 'info' | 'warn' | 'error'
  maxBodyBytes: number
  minBalanceWei: bigint
  nonceMaxAgeSeconds: number
  closureBackoffMs: [number, number]
  rewardsStaggerMs: [number, number]
  repairStepMs: number
}

const envNames: Record<string, keyof z.input<typeof oracleConfigSchema>> = {
  ORACLE_PRIVATE_KEY: 'privateKey',
  ORACLE_RPC_URL: 'rpcUrl',
  ORACLE_POAI_MANAGER: 'poaiManager',
  ORACLE_CONTROLLER: 'controller',
  ORACLE_MULTICALL3: 'multicall3',
  ORACLE_HOST: 'host',
  ORACLE_PORT: 'port',
  ORACLE_DB_PATH: 'dbPath',
  ORACLE_SHARED_DB_PATH: 'sharedDbPath',
  ORACLE_FLEET_URL: 'fleetUrl',
  ORACLE_FLEET_SIZE: 'fleetSize',
  ORACLE_FLEET_SEED: 'fleetSeed',
  ORACLE_TICK_MS: 'tickMs',
  ORACLE_POLLING_INTERVAL_MS: 'pollingIntervalMs',
  ORACLE_NETWORK: 'network',
  ORACLE_ALIAS: 'alias',
  ORACLE_LOG_LEVEL: 'logLevel',
  ORACLE_MAX_BODY_BYTES: 'maxBodyBytes',
  ORACLE_MIN_BALANCE_WEI: 'minBalanceWei',
  ORACLE_NONCE_MAX_AGE_SECONDS: 'nonceMaxAgeSeconds',
  ORACLE_REPAIR_STEP_MS: 'repairStepMs',
}

export type LoadOracleConfigReturnType = OracleConfig
export type LoadOracleConfigErrorType = InvalidOracleConfigErrorType

export type LoadOracleConfigParameters = {
  /** Environment variables (`ORACLE_*`); they override the file. @default process.env */
  env?: Record<string, string | undefined> | undefined
  /** A JSON file with the same settings in camelCase; `ORACLE_CONFIG_FILE` in `env` also names one. */
  file?: string | undefined
}

/**
 * Loads `r1-oracle`'s configuration from a JSON file and `ORACLE_*` environment variables (which win),
 * validated with zod. Every problem is reported at once, by setting name, in an
 * `InvalidOracleConfigError`; the private key never appears in messages.
 *
 * @example
 * ```ts
 * import { loadOracleConfig } from '@ratio1/sdk-oracle/server'
 * const config = loadOracleConfig({ env: process.env })
 * ```
 */
export function loadOracleConfig(
  parameters: LoadOracleConfigParameters = {},
): LoadOracleConfigReturnType {
  const env = parameters.env ?? process.env
  const file = parameters.file ?? env.ORACLE_CONFIG_FILE
  let fromFile: Record<string, unknown> = {}
  if (file) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8'))
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('the file must hold a JSON object')
      fromFile = parsed
    } catch (error) {
      throw new InvalidOracleConfigError({
        source: file,
        issues: [`cannot read the config file: ${(error as Error).message}`],
      })
    }
  }
  const fromEnv: Record<string, unknown> = {}
  for (const [name, key] of Object.entries(envNames)) {
    const value = env[name]
    if (value !== undefined && value !== '') fromEnv[key] = value
  }
  const result = oracleConfigSchema.safeParse({ ...fromFile, ...fromEnv })
  if (!result.success) {
    const byKey = Object.fromEntries(Object.entries(envNames).map(([n, k]) => [k, n]))
    throw new InvalidOracleConfigError({
      source: file ? `${file} and the environment` : 'the environment',
      issues: result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '')
        const label = byKey[key] ? `${key} (${byKey[key]})` : key
        return `${label}: ${issue.message}`
      }),
    })
  }
  const config: OracleConfig = result.data
  return config
}
