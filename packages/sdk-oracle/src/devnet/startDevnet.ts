import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { advanceEpochs } from '@ratio1/contracts/deploy'
import { createPublicClient, http } from 'viem'
import { hardhat } from 'viem/chains'
import {
  DevnetStartError,
  type DevnetStartErrorType,
  type LocalChainStartErrorType,
} from '../errors/oracle.js'
import { createSimulatedFleet, type SimulatedFleet } from '../fleet/createSimulatedFleet.js'
import { type ServeFleetReturnType, serveFleet } from '../fleet/serveFleet.js'
import type { NodeAddress } from '../loops/types.js'
import { type SetupDevnetReturnType, setupDevnet } from './setupDevnet.js'
import { type StartHardhatNodeReturnType, startHardhatNode } from './startHardhatNode.js'

export type StartDevnetParameters = {
  /** @default 3 */
  oracles?: number | undefined
  /** @default 6 */
  nodes?: number | undefined
  /** Chain RPC port. @default 8545 */
  rpcPort?: number | undefined
  /** First oracle API port; oracle i listens on basePort + i. @default 3001 */
  oraclePort?: number | undefined
  /** Fleet port. @default 7000 */
  fleetPort?: number | undefined
  /** Admin port (advance epochs, fail/recover nodes). @default 7100 */
  adminPort?: number | undefined
  /** Epoch length, seconds. @default 3_600 */
  epochDuration?: bigint | undefined
  /** Oracle tick interval, ms. @default 1_000 */
  tickMs?: number | undefined
  /** Receives every child process's output line, prefixed with its name. */
  onLog?: ((source: string, line: string) => void) | undefined
}

export type StartDevnetErrorType = DevnetStartErrorType | LocalChainStartErrorType
export type StartDevnetReturnType = {
  rpcUrl: string
  fleetUrl: string
  adminUrl: string
  oracleUrls: string[]
  devnet: SetupDevnetReturnType
  fleet: SimulatedFleet
  /** Mines a block `epochs` epochs later. */
  advanceEpochs(epochs: bigint): Promise<bigint>
  /**
   * Stops the oracle processes (SIGTERM: each shuts down gracefully), the fleet, the admin server and
   * the chain, in that order. Returns how each oracle process ended.
   */
  stop(): Promise<{ name: string; code: number | null; signal: string | null }[]>
}

/**
 * Starts a complete local network on loopback: `hardhat node`, the Ratio1 contracts deployed with the
 * contracts' deploy module, a simulated fleet served over HTTP, `oracles` `r1-oracle` processes (each
 * with its own SQLite file and one shared file of job specs), and an admin endpoint: `POST /advance-epochs?epochs=n`,
 * `POST /fail-node?node=i|0xai_…`, `POST /recover-node?node=…`, `GET /status`.
 *
 * @example
 * ```ts
 * import { startDevnet } from '@ratio1/sdk-oracle/server'
 * const net = await startDevnet()
 * console.log(net.oracleUrls, net.devnet.csp)
 * await net.stop()
 * ```
 */
export async function startDevnet(
  parameters: StartDevnetParameters = {},
): Promise<StartDevnetReturnType> {
  const oracleCount = parameters.oracles ?? 3
  const log = parameters.onLog ?? (() => {})
  const children: {
    name: string
    child: ChildProcess
    exited: Promise<{ code: number | null; signal: string | null }>
  }[] = []
  let node: StartHardhatNodeReturnType | undefined
  let fleetServer: ServeFleetReturnType | undefined
  let admin: Server | undefined

  const stop = async () => {
    for (const { child } of children)
      try {
        if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
      } catch {}
    await Promise.race([
      Promise.all(children.map((c) => c.exited)),
      new Promise((resolve) => setTimeout(resolve, 8_000)),
    ])
    for (const { child } of children)
      try {
        if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
      } catch {}
    await new Promise<void>((resolve) => (admin ? admin.close(() => resolve()) : resolve()))
    await fleetServer?.close()
    await node?.stop()
    return Promise.all(children.map(async ({ name, exited }) => ({ name, ...(await exited) })))
  }

  try {
    node = await startHardhatNode({
      port: parameters.rpcPort ?? 8545,
      onOutput: (line) => log('chain', line),
    })
    const fleet = createSimulatedFleet({ size: parameters.nodes ?? 6 })
    fleetServer = await serveFleet(fleet, { port: parameters.fleetPort ?? 7000 })
    const devnet = await setupDevnet({
      rpcUrl: node.url,
      oracleCount,
      nodes: fleet.keys.map((k) => k.ethAddress),
      epochDuration: parameters.epochDuration,
    })
    const publicClient = createPublicClient({ chain: hardhat, transport: http(node.url) })
    const advance = async (epochs: bigint) =>
      (await advanceEpochs(publicClient, { controller: devnet.addresses.controller, epochs })).epoch

    const dir = mkdtempSync(join(tmpdir(), 'r1-devnet-'))
    // From the sources (src/devnet/) run src/bin.ts through tsx; from the build (dist/) run dist/bin.js.
    const here = dirname(fileURLToPath(import.meta.url))
    const built = basename(here) === 'dist'
    const packageDir = built ? join(here, '..') : join(here, '..', '..')
    const entry = built
      ? [join(packageDir, 'dist', 'bin.js')]
      : ['--import', 'tsx', '--conditions=@ratio1/source', join(packageDir, 'src', 'bin.ts')]
    const basePort = parameters.oraclePort ?? 3001
    const oracleUrls: string[] = []
    // The last lines each oracle printed, and how it ended if it did: a failed start names the cause.
    const outputs = new Map<string, string[]>()
    const ended = new Map<string, string>()
    for (const [index, oracle] of devnet.oracles.entries()) {
      const name = `oracle-${index + 1}`
      const file = join(dir, `${name}.json`)
      writeFileSync(
        file,
        JSON.stringify({
          privateKey: oracle.privateKey,
          rpcUrl: node.url,
          poaiManager: devnet.addresses.poaiManager,
          controller: devnet.addresses.controller,
          multicall3: devnet.addresses.multicall3,
          host: '127.0.0.1',
          port: basePort + index,
          dbPath: join(dir, `${name}.db`),
          // One spec store for all: a job deployed or deleted through one oracle is known to all.
          sharedDbPath: join(dir, 'shared.db'),
          fleetUrl: fleetServer.url,
          tickMs: parameters.tickMs ?? 1_000,
          pollingIntervalMs: 50,
          alias: name,
          closureBackoffMs: [1_000, 10_000],
          rewardsStaggerMs: [1_000, 10_000],
          repairStepMs: 5_000,
        }),
      )
      const child = spawn(process.execPath, ['--no-warnings', ...entry], {
        cwd: packageDir,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ORACLE_CONFIG_FILE: file },
      })
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      )
      const recent: string[] = []
      outputs.set(name, recent)
      void exited.then(({ code, signal }) =>
        ended.set(name, `exited with ${signal ?? `code ${code}`}`),
      )
      for (const stream of [child.stdout, child.stderr])
        stream?.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n'))
            if (line) {
              log(name, line)
              recent.push(line)
              if (recent.length > 40) recent.shift()
            }
        })
      children.push({ name, child, exited })
      oracleUrls.push(`http://127.0.0.1:${basePort + index}`)
    }
    const deadline = Date.now() + 60_000
    for (const [index, url] of oracleUrls.entries()) {
      const name = `oracle-${index + 1}`
      const failure = (reason: string) =>
        new DevnetStartError({
          process: name,
          reason,
          output: (outputs.get(name) ?? []).join('\n'),
        })
      for (;;) {
        try {
          if ((await fetch(`${url}/health`)).ok) break
        } catch {}
        const end = ended.get(name)
        if (end) throw failure(`it ${end} before answering on ${url}`)
        if (Date.now() > deadline) throw failure(`no answer from ${url}/health in 60 s`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }

    const pick = (value: string | null): NodeAddress | undefined => {
      if (!value) return undefined
      const index = Number(value)
      if (Number.isInteger(index) && fleet.keys[index - 1]) return fleet.keys[index - 1]!.address
      return fleet.keys.find((k) => k.address === value)?.address
    }
    admin = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2))
      }
      try {
        if (req.method === 'POST' && url.pathname === '/advance-epochs') {
          const epochs = BigInt(url.searchParams.get('epochs') ?? '1')
          return reply(200, { epoch: await advance(epochs) })
        }
        if (
          req.method === 'POST' &&
          (url.pathname === '/fail-node' || url.pathname === '/recover-node')
        ) {
          const target = pick(url.searchParams.get('node'))
          if (!target) return reply(400, { error: 'node must be an index 1…n or a 0xai_ address' })
          if (url.pathname === '/fail-node') fleet.failNode(target)
          else fleet.recoverNode(target)
          return reply(200, { node: target, online: url.pathname === '/recover-node' })
        }
        if (req.method === 'GET' && url.pathname === '/status')
          return reply(200, {
            ...fleet.snapshot(),
            commands: fleet.commands(),
            oracles: oracleUrls,
          })
        reply(404, {
          error:
            'POST /advance-epochs?epochs=n, POST /fail-node?node=i, POST /recover-node?node=i, GET /status',
        })
      } catch (error) {
        reply(500, { error: (error as Error).message })
      }
    })
    await new Promise<void>((resolve) =>
      admin!.listen(parameters.adminPort ?? 7100, '127.0.0.1', () => resolve()),
    )
    const adminUrl = `http://127.0.0.1:${(admin.address() as AddressInfo).port}`
    return {
      rpcUrl: node.url,
      fleetUrl: fleetServer.url,
      adminUrl,
      oracleUrls,
      devnet,
      fleet,
      advanceEpochs: advance,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
