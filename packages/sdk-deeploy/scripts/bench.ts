// Benchmarks of @ratio1/sdk-deeploy. The package is bundled from source with esbuild (the same
// compiler tsup uses), so no prior build is needed. Prints a Markdown table and writes
// .bench-results/bench.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { privateKeyToAccount } from 'viem/accounts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const conditions = ['@ratio1/source']
mkdirSync(join(root, '.bench-results'), { recursive: true })
const sdkFile = join(root, '.bench-results/sdk.mjs')
await build({
  entryPoints: [join(root, 'src/index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  conditions,
  outfile: sdkFile,
  logLevel: 'silent',
})
const {
  hashRequestPayload,
  signRequest,
  toCanonicalJson,
  toLegacyJson,
}: typeof import('../src/index.js') = await import(pathToFileURL(sdkFile).href)
const account = privateKeyToAccount(
  '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318',
)

async function measure(name: string, run: () => unknown, minMs = 2000) {
  for (let i = 0; i < 5; i++) await run() // warm-up
  let count = 0
  const start = performance.now()
  while (performance.now() - start < minMs) {
    await run()
    count++
  }
  const elapsed = performance.now() - start
  return { name, count, ms: elapsed, perSecond: (count * 1000) / elapsed, msPerOp: elapsed / count }
}

// 1. Signed create requests per second (v3, 10 plugins).
const plugins = Array.from({ length: 10 }, (_, i) => ({
  plugin_signature: i % 2 ? 'CONTAINER_APP_RUNNER' : 'CUSTOM_EXEC_01',
  plugin_name: `plugin-${i}`,
  IMAGE: `ghcr.io/acme/service-${i}:1.0.${i}`,
  CONTAINER_RESOURCES: { cpu: 0.25, memory: '512m', ports: { [String(32000 + i)]: 8000 + i } },
  ENV: { MODE: 'production', INDEX: String(i), GREETING: 'bună ziua' },
  DYNAMIC_ENV: {
    PEER: [
      { type: 'static', value: 'http://' },
      { type: 'shmem', path: [`plugin-${(i + 1) % 10}`, 'HOST_IP'] },
    ],
  },
  VOLUMES: { data: `/data/${i}` },
  RESTART_POLICY: 'always',
  IMAGE_PULL_POLICY: 'always',
}))
const createPayload = {
  app_alias: 'bench-app',
  job_id: 123,
  job_app_type: 'native',
  target_nodes: [],
  target_nodes_count: 3,
  job_tags: ['IS_KYB', 'CT:FR||CT:DE'],
  plugins,
  pipeline_input_type: 'void',
  pipeline_input_uri: null,
  pipeline_params: {},
  chainstore_response: true,
}
const createBytes = new TextEncoder().encode(JSON.stringify(createPayload)).length
const v3 = await measure('signRequest v3, 10-plugin create', () =>
  signRequest({ account, requestType: 'create pipeline', payload: createPayload }),
)
const legacy = await measure('signRequest legacy, 10-plugin create', () =>
  signRequest({
    account,
    requestType: 'create pipeline',
    payload: createPayload,
    scheme: 'legacy',
  }),
)

// 2. Canonical JSON throughput on a ~1 MB payload.
const big: Record<string, unknown> = { nonce: '0x19a2b3c4d5e', items: [] as unknown[] }
let n = 0
while (new TextEncoder().encode(JSON.stringify(big)).length < 1_000_000) {
  ;(big.items as unknown[]).push({
    id: n,
    name: `item-${n}-Iași-🚀`,
    ratio: n / 7,
    tags: ['a', 'b', `c${n % 13}`],
    nested: { z: n % 2 === 0, y: null, x: 'quote " and \\ backslash\n', w: [1.5, -3, 1e-7] },
  })
  n++
}
const bigBytes = new TextEncoder().encode(JSON.stringify(big)).length
const canonical = await measure('toCanonicalJson, 1 MB', () => toCanonicalJson(big))
const hash = await measure('hashRequestPayload (canonical + SHA-256), 1 MB', () =>
  hashRequestPayload(big),
)
const legacyJson = await measure('toLegacyJson, 1 MB', () => toLegacyJson(big))
const stringify = await measure('JSON.stringify (reference), 1 MB', () => JSON.stringify(big))

// 3. Bundle size of an app that imports only createDeeployClient and getApps.
const work = mkdtempSync(join(tmpdir(), 'sdk-deeploy-bundle-'))
const entry = join(work, 'app.js')
writeFileSync(
  entry,
  `import { createDeeployClient, getApps } from '${join(root, 'src/index.ts')}'
export async function listJobs(account) {
  const client = createDeeployClient({ network: 'mainnet', account })
  return getApps(client)
}
`,
)
const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
  conditions,
  logLevel: 'silent',
})
rmSync(work, { recursive: true, force: true })
const code = result.outputFiles[0]!.contents
const byPackage = new Map<string, number>()
for (const [file, info] of Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)) {
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file)
  const key = match
    ? match[1]!
    : file.includes('sdk-core')
      ? '@ratio1/sdk-core'
      : '@ratio1/sdk-deeploy'
  byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput)
}
const bundle = {
  minifiedBytes: code.length,
  gzipBytes: gzipSync(code, { level: 9 }).length,
  byPackageMinified: Object.fromEntries([...byPackage].sort((a, b) => b[1] - a[1])),
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  signing: { createPayloadBytes: createBytes, v3, legacy },
  json: { payloadBytes: bigBytes, canonical, hash, legacyJson, stringify },
  bundle,
}
rmSync(sdkFile)
writeFileSync(join(root, '.bench-results/bench.json'), JSON.stringify(results, null, 2))

const mbps = (r: { msPerOp: number }) => (bigBytes / 1_048_576 / (r.msPerOp / 1000)).toFixed(1)
console.log(`| Measurement | Result |
|---|---|
| Signed create requests (v3, 10 plugins, ${createBytes} B) | ${v3.perSecond.toFixed(0)} /s (${v3.msPerOp.toFixed(2)} ms each) |
| Signed create requests (legacy, same payload) | ${legacy.perSecond.toFixed(0)} /s (${legacy.msPerOp.toFixed(2)} ms each) |
| toCanonicalJson, ${(bigBytes / 1e6).toFixed(2)} MB payload | ${canonical.msPerOp.toFixed(1)} ms (${mbps(canonical)} MiB/s) |
| hashRequestPayload (canonical JSON + SHA-256), same payload | ${hash.msPerOp.toFixed(1)} ms (${mbps(hash)} MiB/s) |
| toLegacyJson (indent 1), same payload | ${legacyJson.msPerOp.toFixed(1)} ms (${mbps(legacyJson)} MiB/s) |
| JSON.stringify (reference), same payload | ${stringify.msPerOp.toFixed(1)} ms (${mbps(stringify)} MiB/s) |
| Bundle: createDeeployClient + getApps (esbuild, minified) | ${(bundle.minifiedBytes / 1024).toFixed(1)} KiB |
| Bundle: same, min+gzip (level 9) | ${(bundle.gzipBytes / 1024).toFixed(1)} KiB |`)
console.log('\nMinified bytes by package:', bundle.byPackageMinified)
