#!/usr/bin/env node
// Sums the JSON test reports every package writes to `.test-results/*.json` (vitest's JSON reporter, or
// the same top-level counters written by the contracts' Solidity test runner) into the one plain line
// that CI reads: `N passed, N failed, N skipped`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const exitCode = Number(process.argv[2] ?? 0)
let passed = 0
let failed = 0
let skipped = 0
const rows = []

for (const group of ['packages', 'examples', '.']) {
  const groupDir = join(root, group)
  if (!existsSync(groupDir)) continue
  for (const name of group === '.' ? ['docs'] : readdirSync(groupDir)) {
    const dir = join(groupDir, name, '.test-results')
    if (!existsSync(dir)) continue
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      const p = report.numPassedTests ?? 0
      const f = report.numFailedTests ?? 0
      const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
      passed += p
      failed += f
      skipped += s
      rows.push(`${group}/${name}/${file}: ${p} passed, ${f} failed, ${s} skipped`)
    }
  }
}

for (const row of rows) console.log(`  ${row}`)
// A failing lint, type check or build produces no test report; count it so the line never says "0 failed"
// for a run that did not pass.
if (exitCode !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
