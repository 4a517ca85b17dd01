import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cspEscrowAbi, poaiManagerAbi } from '@ratio1/contracts/abis'
import { advanceEpochs, mintNodeLicenses } from '@ratio1/contracts/deploy'
import {
  createDeeployClient,
  type DeeployClient,
  verifyResponseSignature,
} from '@ratio1/sdk-deeploy'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  http,
  type PublicClient,
  publicActions,
  zeroAddress,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { type SetupDevnetReturnType, setupDevnet } from '../src/devnet/setupDevnet.js'
import {
  type StartHardhatNodeReturnType,
  startHardhatNode,
} from '../src/devnet/startHardhatNode.js'
import { createSimulatedFleet, type SimulatedFleet } from '../src/fleet/createSimulatedFleet.js'
import {
  type CreateOracleParameters,
  createOracle,
  type Oracle,
} from '../src/oracle/createOracle.js'
import {
  type CreateOracleServerParameters,
  createOracleServer,
  type OracleServer,
} from '../src/server/createOracleServer.js'
import { createStateStore, type StateStore } from '../src/store/createStateStore.js'
import { createManualClock, type ManualClock, systemClock } from '../src/utils/clock.js'
import { createSeededRng } from '../src/utils/rng.js'

export type Harness = {
  node: StartHardhatNodeReturnType
  devnet: SetupDevnetReturnType
  publicClient: PublicClient
  fleet: SimulatedFleet
  clock: ManualClock
  dir: string
  oracles: { oracle: Oracle; store: StateStore; index: number }[]
  /** Creates oracle `index` (again) with a store at its own file. */
  makeOracle(
    index: number,
    overrides?: Partial<CreateOracleParameters>,
  ): { oracle: Oracle; store: StateStore; index: number }
  /**
   * Serves the Deeploy API of oracle `index` (default 0: its oracle, store and key, the harness's
   * fleet and the system clock; `overrides` replace any of them) on a free loopback port.
   * `stop()` closes it.
   */
  serve(overrides?: ServeParameters): Promise<{ api: OracleServer; url: string }>
  /**
   * Gives the `stranger` account an escrow of its own (PoAIManager wants an oracle-node licence
   * first); returns the escrow, the existing one if it already has one.
   */
  escrowForStranger(): Promise<Address>
  tickAll(which?: number[]): Promise<void>
  advanceEpochs(epochs: bigint): Promise<void>
  increaseTime(seconds: number): Promise<void>
  job(jobId: bigint): Promise<{
    activeNodes: readonly Address[]
    startTimestamp: bigint
    lastAllocatedEpoch: bigint
  }>
  stop(): Promise<void>
}

export type ServeParameters = Partial<CreateOracleServerParameters> & { index?: number }

/** A Deeploy API client at `url` signing with `privateKey`, verifying every response's signature. */
export const clientFor = (url: string, privateKey: `0x${string}`): DeeployClient =>
  createDeeployClient({
    baseUrl: url,
    account: privateKeyToAccount(privateKey),
    retry: 0,
    verifyResponse: verifyResponseSignature,
  })

export const fastTiming = {
  closureBackoffMs: [1_000, 5_000] as const,
  rewardsStaggerMs: [1_000, 5_000] as const,
  repairStepMs: 10_000,
}

export async function createHarness(
  options: { oracleCount?: number; fleetSize?: number } = {},
): Promise<Harness> {
  const node = await startHardhatNode()
  const fleet = createSimulatedFleet({ size: options.fleetSize ?? 6, seed: 'harness' })
  try {
    const devnet = await setupDevnet({
      rpcUrl: node.url,
      oracleCount: options.oracleCount ?? 3,
      nodes: fleet.keys.map((k) => k.ethAddress),
    })
    const transport = http(node.url, { batch: true })
    const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 })
    const clock = createManualClock(1_700_000_000_000)
    const dir = mkdtempSync(join(tmpdir(), 'oracle-harness-'))
    const makeOracle = (index: number, overrides: Partial<CreateOracleParameters> = {}) => {
      const store = createStateStore({ path: join(dir, `oracle-${index}.db`) })
      const key = devnet.oracles[index]!.privateKey
      const walletClient = createWalletClient({
        chain: hardhat,
        transport: http(node.url),
        account: privateKeyToAccount(key),
        pollingInterval: 50,
      })
      const oracle = createOracle({
        publicClient,
        walletClient,
        addresses: devnet.addresses,
        fleet,
        store,
        clock,
        rng: createSeededRng(index + 1),
        timing: fastTiming,
        ...overrides,
      })
      return { oracle, store, index }
    }
    const oracles = devnet.oracles.map((_, i) => makeOracle(i))
    const servers: OracleServer[] = []
    const walletOf = (privateKey: `0x${string}`) =>
      createWalletClient({
        chain: hardhat,
        transport: http(node.url),
        account: privateKeyToAccount(privateKey),
      }).extend(publicActions)
    const strangerEscrow = () =>
      publicClient.readContract({
        address: devnet.addresses.poaiManager,
        abi: poaiManagerAbi,
        functionName: 'ownerToEscrow',
        args: [devnet.stranger.address],
      })
    const harness: Harness = {
      node,
      devnet,
      publicClient,
      fleet,
      clock,
      dir,
      oracles,
      makeOracle,
      async serve({ index = 0, ...overrides } = {}) {
        const entry = harness.oracles[index]!
        const api = createOracleServer({
          oracle: entry.oracle,
          fleet,
          store: entry.store,
          publicClient,
          addresses: devnet.addresses,
          privateKey: devnet.oracles[index]!.privateKey,
          clock: systemClock,
          ...overrides,
        })
        servers.push(api)
        return { api, url: await api.listen() }
      },
      async escrowForStranger() {
        const existing = await strangerEscrow()
        if (existing !== zeroAddress) return existing
        await mintNodeLicenses(walletOf(devnet.deployer.privateKey), {
          registry: devnet.addresses.nd,
          to: devnet.stranger.address,
          nodes: [devnet.oracles[1]!.address],
        })
        const stranger = walletOf(devnet.stranger.privateKey)
        await stranger.waitForTransactionReceipt({
          hash: await stranger.writeContract({
            address: devnet.addresses.poaiManager,
            abi: poaiManagerAbi,
            functionName: 'deployCspEscrow',
          }),
        })
        return strangerEscrow()
      },
      async tickAll(which) {
        for (const entry of harness.oracles)
          if (!which || which.includes(entry.index)) await entry.oracle.tick()
      },
      async advanceEpochs(epochs) {
        await advanceEpochs(publicClient, { controller: devnet.addresses.controller, epochs })
      },
      async increaseTime(seconds) {
        await publicClient.request({
          method: 'evm_increaseTime' as never,
          params: [seconds] as never,
        })
        await publicClient.request({ method: 'evm_mine' as never, params: [] as never })
      },
      async job(jobId) {
        return publicClient.readContract({
          address: devnet.addresses.poaiManager,
          abi: poaiManagerAbi,
          functionName: 'getJobDetails',
          args: [jobId],
        })
      },
      async stop() {
        for (const api of servers.splice(0)) await api.close()
        for (const entry of harness.oracles) {
          await entry.oracle.stop()
          entry.store.close()
        }
        await node.stop()
      },
    }
    return harness
  } catch (error) {
    await node.stop()
    throw error
  }
}

export { cspEscrowAbi, poaiManagerAbi }
