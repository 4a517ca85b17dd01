import {
  type Clock,
  createOracle,
  createStateStore,
  type Fleet,
  type Logger,
  type Oracle,
  type OracleTiming,
  type Rng,
  silentLogger,
  systemClock,
} from '@ratio1/sdk-oracle'
import { createOracleServer } from '@ratio1/sdk-oracle/server'
import { type Address, createPublicClient, createWalletClient, type Hex, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createJsonFileFleet } from './createJsonFileFleet.js'

export type StartReferenceOracleParameters = {
  rpcUrl: string
  /** The oracle's key: it signs the oracle's transactions and every API response. */
  privateKey: Hex
  poaiManager: Address
  controller: Address
  /** The JSON fleet file (see `createJsonFileFleet`). */
  fleetFile: string
  /** @default '127.0.0.1' */
  host?: string | undefined
  /** @default 0 (any free port) */
  port?: number | undefined
  /** SQLite file of the oracle's state (its submissions, claims and job specs). @default ':memory:' */
  dbPath?: string | undefined
  /** Tick interval of the loops, ms; 0 leaves ticking to the caller (`oracle.tick()`). @default 1_000 */
  tickMs?: number | undefined
  /** Clock of the loops' waits. @default the system clock */
  clock?: Clock | undefined
  rng?: Rng | undefined
  timing?: OracleTiming | undefined
  logger?: Logger | undefined
}

export type StartReferenceOracleReturnType = {
  /** The Deeploy API's base URL. */
  url: string
  oracle: Oracle
  fleet: Fleet
  /** Stops the API, then the loops, then closes the state store. */
  stop(): Promise<void>
}

/**
 * Runs `@ratio1/sdk-oracle`'s reference oracle (its four loops and its Deeploy API) over a fleet kept in
 * a JSON file instead of the simulated or HTTP fleets the package ships: the same `Fleet` value is
 * handed to the loops (which read node health and workloads from it) and to the API server (which
 * places new deployments on it).
 *
 * @example
 * ```ts
 * const { url, stop } = await startReferenceOracle({
 *   rpcUrl: 'http://127.0.0.1:8545', privateKey, poaiManager, controller, fleetFile: './fleet.json',
 * })
 * ```
 */
export async function startReferenceOracle(
  parameters: StartReferenceOracleParameters,
): Promise<StartReferenceOracleReturnType> {
  const account = privateKeyToAccount(parameters.privateKey)
  const clock = parameters.clock ?? systemClock
  const publicClient = createPublicClient({
    transport: http(parameters.rpcUrl, { batch: true }),
    pollingInterval: 50,
  })
  const chainId = await publicClient.getChainId()
  const walletClient = createWalletClient({
    account,
    transport: http(parameters.rpcUrl),
    chain: {
      id: chainId,
      name: `chain ${chainId}`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [parameters.rpcUrl] } },
    },
    pollingInterval: 50,
  })
  const fleet = createJsonFileFleet({ path: parameters.fleetFile, now: () => clock.now() })
  const store = createStateStore({ path: parameters.dbPath ?? ':memory:' })
  const addresses = { poaiManager: parameters.poaiManager, controller: parameters.controller }
  const logger = parameters.logger ?? silentLogger
  const oracle = createOracle({
    publicClient,
    walletClient,
    addresses,
    fleet,
    store,
    clock,
    logger,
    rng: parameters.rng,
    timing: parameters.timing,
  })
  const api = createOracleServer({
    oracle,
    fleet,
    store,
    publicClient,
    addresses,
    privateKey: parameters.privateKey,
    // Request nonces are wall-clock times whatever clock drives the loops.
    clock: systemClock,
    logger,
    alias: 'json-fleet-oracle',
  })
  let url: string
  try {
    url = await api.listen({ host: parameters.host ?? '127.0.0.1', port: parameters.port ?? 0 })
  } catch (error) {
    store.close()
    throw error
  }
  const tickMs = parameters.tickMs ?? 1_000
  if (tickMs > 0) oracle.start({ intervalMs: tickMs })
  let stopping: Promise<void> | undefined
  return {
    url,
    oracle,
    fleet,
    stop: () => {
      stopping ??= (async () => {
        await api.close()
        await oracle.stop()
        store.close()
      })()
      return stopping
    },
  }
}
