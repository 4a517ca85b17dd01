#!/usr/bin/env node
// Benchmarks of @ratio1/sdk-core's built output (run `pnpm --filter @ratio1/sdk-core build` first;
// `pnpm bench` does). Prints a Markdown table and writes .bench-results/sdk-core.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { quoteJob, simulateAllocation } from '../dist/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

// Every result feeds `sink`, so the engine cannot drop the work being timed.
let sink = 0n
function measure(name, iterations, run) {
  for (let i = 0; i < Math.min(iterations, 1000); i++) sink += run(i) // warm-up
  const samples = []
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < iterations; i++) sink += run(i)
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  const median = samples[2]
  return { name, iterations, medianMs: median, perSecond: (iterations / median) * 1000 }
}

const quotes = measure(
  'quoteJob',
  200_000,
  (i) =>
    quoteJob({
      jobType: (i % 9) + 1,
      nodes: (i % 50) + 1,
      epochs: 30 + (i % 300),
      currentEpoch: 500,
    }).total,
)

const nodes = Array.from(
  { length: 100_000 },
  (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`,
)
const jobs = Array.from({ length: 10_000 }, (_, i) => ({
  id: BigInt(i + 1),
  pricePerEpoch: 375_000n,
  lastExecutionEpoch: 600n,
  lastAllocatedEpoch: 546n,
  balance: 10n ** 12n,
  activeNodes: nodes.slice(i * 10, i * 10 + 10),
}))
const allocation = measure('simulateAllocation (10,000 jobs × 10 nodes, one epoch)', 1, () => {
  const result = simulateAllocation({ jobs, currentEpoch: 548n })
  if (result.nodeCredits.size !== 100_000) throw new Error('unexpected allocation')
  return result.totalBurn
})

async function bundleSize(named) {
  const result = await build({
    stdin: {
      contents: `import { ${named} } from '@ratio1/sdk-core'\nconsole.log(${named})`,
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    alias: { '@ratio1/sdk-core': join(root, 'dist/index.js') },
  })
  const code = result.outputFiles[0].contents
  return { named, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }
}
const bundles = [await bundleSize('quoteJob'), await bundleSize('getNetwork')]

if (sink === 0n) throw new Error('benchmarks computed nothing')
const results = {
  date: new Date().toISOString(),
  node: process.version,
  quotes,
  allocation,
  bundles,
}
mkdirSync(join(root, '.bench-results'), { recursive: true })
writeFileSync(join(root, '.bench-results/sdk-core.json'), JSON.stringify(results, null, 2))

const fmt = (n) => Math.round(n).toLocaleString('en-US')
console.log('| benchmark | result |')
console.log('| --- | --- |')
console.log(
  `| quotes per second (\`quoteJob\`, median of 5 × 200,000) | ${fmt(quotes.perSecond)} /s |`,
)
console.log(
  `| allocate one epoch across 10,000 jobs × 10 nodes (\`simulateAllocation\`, median of 5) | ${allocation.medianMs.toFixed(1)} ms |`,
)
for (const bundle of bundles)
  console.log(
    `| bundle importing only \`${bundle.named}\` (esbuild, minified, viem bundled and tree-shaken) | ${(bundle.minBytes / 1024).toFixed(2)} kB min, ${(bundle.gzipBytes / 1024).toFixed(2)} kB min+gz |`,
  )
