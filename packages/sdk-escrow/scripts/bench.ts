// Benchmarks of @ratio1/sdk-escrow (`pnpm --filter @ratio1/sdk-escrow bench`, after `build`): RPC round
// trips and time to read 500 jobs and a node operator's earnings across 100 escrows on a local Hardhat
// chain served over HTTP, and the size of an app bundle that imports only `createJobs` from the built
// package. Prints a Markdown table and writes .bench-results/sdk-escrow.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { localnetChain } from '@ratio1/sdk-core'
import { build } from 'esbuild'
import { createPublicClient, createWalletClient, http } from 'viem'
import { escrowActions, escrowPublicActions } from '../src/index.js'
import { account, nodes, roles } from '../test/accounts.js'
import { countingTransport } from '../test/counting.js'
import { buildEscrowFleet } from '../test/fleet.js'
import setup from '../test/globalSetup.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const provided: Record<string, unknown> = {}
const teardown = await setup({
  provide: (key: string, value: unknown) => (provided[key] = value),
} as never)
const rpcUrl = provided.rpcUrl as string
const addresses = provided.addresses as Parameters<typeof buildEscrowFleet>[0]['addresses'] & {
  usdc: `0x${string}`
}
const manager = addresses.poaiManager

type Reader = ReturnType<ReturnType<typeof escrowPublicActions>>

/** Median time and round trips of `run`, on a client whose transport counts HTTP requests. */
async function measure(runs: number, run: (client: Reader) => Promise<unknown>) {
  const { transport, counter } = countingTransport(rpcUrl)
  const client = createPublicClient({ chain: localnetChain, transport }).extend(
    escrowPublicActions({ manager }),
  )
  await run(client) // warm-up (connections, JIT)
  const samples: number[] = []
  let requests = 0
  for (let i = 0; i < runs; i++) {
    counter.requests = 0
    const start = performance.now()
    await run(client)
    samples.push(performance.now() - start)
    requests = counter.requests
  }
  samples.sort((a, b) => a - b)
  return { medianMs: samples[Math.floor(runs / 2)]!, requests }
}

// A node owed rewards by 100 escrows (measured first: `project: true` reads every active job).
const node = nodes[0]!
const fleetStart = performance.now()
await buildEscrowFleet({ rpcUrl, addresses, count: 100, node })
const fleetSeconds = (performance.now() - fleetStart) / 1000
const earnings = await measure(7, (client) => client.getNodeEarnings({ nodes: [node] }))
const projected = await measure(7, (client) =>
  client.getNodeEarnings({ nodes: [node], project: true }),
)
// 500 jobs in the first CSP's escrow.
const transport = http(rpcUrl)
const csp = createWalletClient({
  chain: localnetChain,
  transport,
  account: account(roles.csp),
}).extend(escrowActions({ manager }))
const deployer = createWalletClient({
  chain: localnetChain,
  transport,
  account: account(roles.deployer),
})
await deployer.writeContract({
  address: addresses.usdc,
  abi: [
    {
      type: 'function',
      name: 'mint',
      stateMutability: 'nonpayable',
      inputs: [
        { name: 'to', type: 'address' },
        { name: 'amount', type: 'uint256' },
      ],
      outputs: [],
    },
  ] as const,
  functionName: 'mint',
  args: [csp.account.address, 500n * 3_000_000n],
})
const jobIds: bigint[] = []
for (let batch = 0; batch < 5; batch++)
  jobIds.push(
    ...(
      await csp.createJobs({
        jobs: Array.from({ length: 100 }, () => ({ jobType: 53, nodes: 1, epochs: 30 })),
        allowance: 'approve',
      })
    ).jobIds,
  )
const viaManager = await measure(7, (client) => client.getJobs({ jobIds }))
const viaEscrow = await measure(7, (client) =>
  client.getJobs({
    jobIds,
    escrow: provided.escrows ? (provided.escrows as { csp: `0x${string}` }).csp : undefined,
  }),
)

await teardown()

async function bundleOf(label: string, contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: root },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    alias: { '@ratio1/sdk-escrow': join(root, 'dist/index.js') },
  })
  const code = result.outputFiles[0]!.contents
  return { label, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }
}
const bundles = [
  await bundleOf(
    'app importing only `createJobs`',
    `import { createJobs } from '@ratio1/sdk-escrow'\nconsole.log(createJobs)`,
  ),
  await bundleOf(
    'app importing only `getJobs`',
    `import { getJobs } from '@ratio1/sdk-escrow'\nconsole.log(getJobs)`,
  ),
  await bundleOf(
    'baseline: the viem actions `createJobs` calls, alone',
    `import { multicall, readContract, signTypedData, waitForTransactionReceipt, writeContract } from 'viem/actions'\nconsole.log(multicall, readContract, signTypedData, waitForTransactionReceipt, writeContract)`,
  ),
]

const results = {
  date: new Date().toISOString(),
  node: process.version,
  read500Jobs: { viaManager, viaEscrow },
  nodeEarnings100Escrows: {
    claimable: earnings,
    withProjection: projected,
    setupSeconds: fleetSeconds,
  },
  bundles,
}
mkdirSync(join(root, '.bench-results'), { recursive: true })
writeFileSync(join(root, '.bench-results/sdk-escrow.json'), JSON.stringify(results, null, 2))
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`
console.log(`| benchmark | RPC round trips | time (median of 7) |
| --- | --- | --- |
| \`getJobs\`, 500 jobs through the PoAIManager | ${viaManager.requests} | ${viaManager.medianMs.toFixed(1)} ms |
| \`getJobs\`, 500 jobs from their escrow | ${viaEscrow.requests} | ${viaEscrow.medianMs.toFixed(1)} ms |
| \`getNodeEarnings\`, one node owed by 100 escrows | ${earnings.requests} | ${earnings.medianMs.toFixed(1)} ms |
| \`getNodeEarnings\` with \`project: true\` (adds \`getAllActiveJobs\`, 100 jobs) | ${projected.requests} | ${projected.medianMs.toFixed(1)} ms |

| bundle (esbuild, minified, viem bundled and tree-shaken) | min | min+gz |
| --- | --- | --- |
${bundles.map((b) => `| ${b.label} | ${kb(b.minBytes)} | ${kb(b.gzipBytes)} |`).join('\n')}`)
