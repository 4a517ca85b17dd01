import { createPublicClient, createWalletClient, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createHttpFleet } from '../fleet/createHttpFleet.js'
import { createSimulatedFleet } from '../fleet/createSimulatedFleet.js'
import type { Fleet } from '../fleet/types.js'
import { createOracle } from '../oracle/createOracle.js'
import { createStateStore } from '../store/createStateStore.js'
import { systemClock } from '../utils/clock.js'
import { createLogger } from '../utils/logger.js'
import { createOracleServer } from './createOracleServer.js'
import { loadOracleConfig } from './loadOracleConfig.js'

export type RunOracleParameters = {
  env?: Record<string, string | undefined> | undefined
  /** Path of a JSON config file (else `ORACLE_CONFIG_FILE`). */
  file?: string | undefined
  /** Stop on SIGINT/SIGTERM. @default true */
  handleSignals?: boolean | undefined
  /**
   * The compute network to drive, e.g. an adapter for real worker nodes. Without it the service
   * uses the fleet served at `fleetUrl`, else an in-process simulated fleet.
   */
  fleet?: Fleet | undefined
}
export type RunOracleReturnType = { url: string; stop(): Promise<void> }

/**
 * Runs the `r1-oracle` service: loads and validates the configuration, opens the SQLite state, connects
 * to the chain and the fleet, starts the loops and the Deeploy API, and shuts everything down in order
 * on SIGINT/SIGTERM (API first, then the loops, then the database).
 *
 * @example
 * ```ts
 * import { runOracle } from '@ratio1/sdk-oracle/server'
 * const { url, stop } = await runOracle({ env: process.env, handleSignals: false })
 * ```
 */
export async function runOracle(
  parameters: RunOracleParameters = {},
): Promise<RunOracleReturnType> {
  const config = loadOracleConfig({ env: parameters.env, file: parameters.file })
  const account = privateKeyToAccount(config.privateKey)
  const logger = createLogger({
    level: config.logLevel,
    fields: { service: 'r1-oracle', alias: config.alias },
  })
  const transport = http(config.rpcUrl, { batch: true })
  const publicClient = createPublicClient({ transport, pollingInterval: config.pollingIntervalMs })
  const chainId = await publicClient.getChainId()
  const walletClient = createWalletClient({
    account,
    transport: http(config.rpcUrl),
    chain: {
      id: chainId,
      name: config.network,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [config.rpcUrl] } },
    },
    pollingInterval: config.pollingIntervalMs,
  })
  const store = createStateStore({ path: config.dbPath, sharedPath: config.sharedDbPath })
  const fleet =
    parameters.fleet ??
    (config.fleetUrl
      ? createHttpFleet({ url: config.fleetUrl })
      : createSimulatedFleet({ size: config.fleetSize, seed: config.fleetSeed }))
  const addresses = {
    poaiManager: config.poaiManager,
    controller: config.controller,
    multicall3: config.multicall3,
  }
  const oracle = createOracle({
    publicClient,
    walletClient,
    addresses,
    fleet,
    store,
    logger,
    minBalance: config.minBalanceWei,
    timing: {
      closureBackoffMs: config.closureBackoffMs,
      rewardsStaggerMs: config.rewardsStaggerMs,
      repairStepMs: config.repairStepMs,
    },
  })
  const api = createOracleServer({
    oracle,
    fleet,
    store,
    publicClient,
    addresses,
    privateKey: config.privateKey,
    clock: systemClock,
    logger,
    network: config.network,
    alias: config.alias,
    nonceMaxAgeSeconds: config.nonceMaxAgeSeconds,
    maxBodyBytes: config.maxBodyBytes,
  })
  const url = await api.listen({ host: config.host, port: config.port })
  oracle.start({ intervalMs: config.tickMs })
  logger.info('r1-oracle started', {
    url,
    oracle: account.address,
    db: config.dbPath,
    sharedDb: config.sharedDbPath ?? config.dbPath,
    fleet: parameters.fleet
      ? 'custom'
      : (config.fleetUrl ?? `simulated (${config.fleetSize} nodes)`),
    chainId,
  })
  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      logger.info('r1-oracle stopping')
      await api.close()
      await oracle.stop()
      store.close()
      logger.info('r1-oracle stopped')
    })()
    return stopping
  }
  if (parameters.handleSignals ?? true)
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        void stop().then(() => process.exit(0))
      })
  return { url, stop }
}
