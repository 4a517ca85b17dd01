// Benchmarks of @ratio1/sdk-oracle (docs/benchmarks.md, "sdk-oracle"). Everything runs on loopback,
// every loop is bounded in count and time, and the script stops by itself.
//   1. RPC round trips per loop tick with 1,000 active jobs (batched reads).
//   2. Time from a job's payment to its on-chain consensus on the devnet (3 oracle processes).
//   3. Load: concurrent signed get_apps and create_pipeline requests against one oracle.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { poaiManagerAbi } from '@ratio1/contracts/abis'
import { signRequest } from '@ratio1/sdk-deeploy'
import { createPublicClient, createWalletClient, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { readChainView } from '../src/chain/readChainView.js'
import { createPaidJobs, setupDevnet } from '../src/devnet/setupDevnet.js'
import { startDevnet } from '../src/devnet/startDevnet.js'
import { startHardhatNode } from '../src/devnet/startHardhatNode.js'
import { createSimulatedFleet } from '../src/fleet/createSimulatedFleet.js'
import { createOracle } from '../src/oracle/createOracle.js'
import { createStateStore } from '../src/store/createStateStore.js'

const out = (line: string) => process.stdout.write(`${line}\n`)
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version }
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const ms = (n: number) => Math.round(n * 10) / 10

async function rpcPerTick() {
  out('1. RPC round trips per tick with 1,000 active jobs…')
  const node = await startHardhatNode()
  try {
    const fleet = createSimulatedFleet({ size: 6, seed: 'bench' })
    const devnet = await setupDevnet({
      rpcUrl: node.url,
      nodes: fleet.keys.map((k) => k.ethAddress),
      cspUsdc: 100_000_000n * 10n ** 6n,
    })
    await createPaidJobs({
      rpcUrl: node.url,
      csp: devnet.csp,
      usdc: devnet.addresses.usdc,
      count: 1_000,
    })
    let httpRequests = 0
    let rpcCalls = 0
    const transport = http(node.url, {
      batch: { batchSize: 1_000, wait: 0 },
      onFetchRequest: async (request) => {
        httpRequests++
        const body = JSON.parse(await request.clone().text())
        rpcCalls += Array.isArray(body) ? body.length : 1
      },
    })
    const publicClient = createPublicClient({ chain: hardhat, transport })
    const oracle = devnet.oracles[0]!
    const view = await readChainView(publicClient, { ...devnet.addresses, oracle: oracle.address })
    if (view.jobs.length !== 1_000) throw new Error(`expected 1,000 jobs, read ${view.jobs.length}`)
    const store = createStateStore({ path: ':memory:' })
    const instance = createOracle({
      publicClient,
      walletClient: createWalletClient({
        chain: hardhat,
        transport: http(node.url),
        account: privateKeyToAccount(oracle.privateKey),
      }),
      addresses: devnet.addresses,
      fleet,
      store,
    })
    const ticks: { http: number; rpc: number; ms: number }[] = []
    for (let i = 0; i < 5; i++) {
      httpRequests = 0
      rpcCalls = 0
      const started = performance.now()
      await instance.tick()
      ticks.push({ http: httpRequests, rpc: rpcCalls, ms: performance.now() - started })
    }
    store.close()
    const tickMs = ticks.map((t) => t.ms).sort((a, b) => a - b)
    results.rpcPerTick = {
      activeJobs: 1_000,
      httpRoundTripsPerTick: ticks[0]!.http,
      jsonRpcCallsPerTick: ticks[0]!.rpc,
      tickMsMedian: ms(percentile(tickMs, 50)),
      allTicksSame: ticks.every((t) => t.http === ticks[0]!.http),
    }
    out(`   ${JSON.stringify(results.rpcPerTick)}`)
  } finally {
    await node.stop()
  }
}

async function devnetFigures() {
  out('2–3. Devnet: payment → consensus, then load…')
  const net = await startDevnet({
    rpcPort: 28_545,
    oraclePort: 23_001,
    fleetPort: 27_000,
    adminPort: 27_100,
    tickMs: 1_000,
  })
  try {
    const { devnet } = net
    const csp = privateKeyToAccount(devnet.csp.privateKey)
    const publicClient = createPublicClient({
      chain: hardhat,
      transport: http(net.rpcUrl),
      pollingInterval: 50,
    })
    const api = net.oracleUrls[0]!
    const post = async (path: string, request: unknown) => {
      const response = await fetch(api + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request }),
      })
      return (await response.json()) as { result: { status: string; error?: string } }
    }
    const app = (jobId: bigint) => ({
      app_alias: `bench${jobId}`,
      job_id: Number(jobId),
      plugins: [
        {
          plugin_signature: 'CONTAINER_APP_RUNNER',
          IMAGE: 'nginx',
          CONTAINER_RESOURCES: { cpu: 1, memory: '2g' },
        },
      ],
    })

    // Payment → consensus.
    const latencies: number[] = []
    for (let i = 0; i < 5; i++) {
      const [jobId] = await createPaidJobs({
        rpcUrl: net.rpcUrl,
        csp: devnet.csp,
        usdc: devnet.addresses.usdc,
      })
      const paidAt = performance.now()
      const created = await post(
        '/create_pipeline',
        await signRequest({ account: csp, requestType: 'create pipeline', payload: app(jobId!) }),
      )
      if (created.result.status !== 'command_delivered')
        throw new Error(`create failed: ${created.result.error}`)
      for (let polls = 0; ; polls++) {
        const job = await publicClient.readContract({
          address: devnet.addresses.poaiManager,
          abi: poaiManagerAbi,
          functionName: 'getJobDetails',
          args: [jobId!],
        })
        if (job.startTimestamp > 0n) break
        if (polls > 600) throw new Error('no consensus within 60 s')
        await new Promise((r) => setTimeout(r, 100))
      }
      latencies.push(performance.now() - paidAt)
    }
    latencies.sort((a, b) => a - b)
    results.paymentToConsensus = {
      samples: latencies.length,
      medianMs: ms(percentile(latencies, 50)),
      maxMs: ms(latencies.at(-1)!),
      oracleTickMs: 1_000,
    }
    out(`   ${JSON.stringify(results.paymentToConsensus)}`)

    // Load: get_apps (reads may repeat, so a few pre-signed requests are reused).
    const reads = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        signRequest({
          account: csp,
          requestType: 'get apps',
          payload: { nonce: `0x${(Date.now() - 60_000 - i).toString(16)}` },
        }),
      ),
    )
    const runLoad = async (
      concurrency: number,
      total: number,
      maxMs: number,
      next: (i: number) => Promise<unknown>,
    ) => {
      const times: number[] = []
      let issued = 0
      let failures = 0
      const started = performance.now()
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (issued < total && performance.now() - started < maxMs) {
            const i = issued++
            const t = performance.now()
            const response = (await next(i)) as { result: { status: string } }
            times.push(performance.now() - t)
            if (response.result.status === 'fail') failures++
          }
        }),
      )
      const elapsed = performance.now() - started
      times.sort((a, b) => a - b)
      return {
        requests: times.length,
        failures,
        concurrency,
        seconds: ms(elapsed / 1000),
        requestsPerSecond: Math.round(times.length / (elapsed / 1000)),
        p50Ms: ms(percentile(times, 50)),
        p99Ms: ms(percentile(times, 99)),
      }
    }
    results.loadGetApps = await runLoad(16, 20_000, 15_000, (i) =>
      post('/get_apps', reads[i % reads.length]),
    )
    out(`   get_apps ${JSON.stringify(results.loadGetApps)}`)

    // Load: create_pipeline, each for its own paid job and with its own signature (writes are never replayed).
    const createCount = 100
    const jobIds = await createPaidJobs({
      rpcUrl: net.rpcUrl,
      csp: devnet.csp,
      usdc: devnet.addresses.usdc,
      count: createCount,
    })
    const creates: Awaited<ReturnType<typeof signRequest>>[] = []
    for (const jobId of jobIds)
      creates.push(
        await signRequest({ account: csp, requestType: 'create pipeline', payload: app(jobId) }),
      )
    results.loadCreate = await runLoad(8, createCount, 60_000, (i) =>
      post('/create_pipeline', creates[i]),
    )
    out(`   create_pipeline ${JSON.stringify(results.loadCreate)}`)
  } finally {
    await net.stop()
  }
}

await rpcPerTick()
await devnetFigures()
const dir = join(import.meta.dirname, '..', '.bench-results')
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`)
out(`Results written to ${join(dir, 'bench.json')}`)
process.exit(0)
