import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { catalogVersion, packAndInstall } from './packAndInstall.js'

// The packages must be built (turbo builds dependencies before this package's tests).
const directory = mkdtempSync(join(tmpdir(), 'ratio1-packed-'))
const consumer = join(directory, 'consumer')

function run(file: string, source: string): string {
  writeFileSync(join(consumer, file), source)
  return execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' }).trim()
}

beforeAll(() => {
  packAndInstall(directory, ['@ratio1/sdk-core'], { viem: catalogVersion('viem') })
})

describe('the published packages, installed from their tarballs', () => {
  test('sdk-core from ESM: a quote', () => {
    expect(
      run(
        'quote.mjs',
        `import { quoteJob, formatUsdc } from '@ratio1/sdk-core'
console.log(formatUsdc(quoteJob({ jobType: 1, nodes: 5, epochs: 31 }).total))`,
      ),
    ).toBe('58.125')
  })

  test('sdk-core from CommonJS: a quote and a typed error', () => {
    expect(
      run(
        'quote.cjs',
        `const { quoteJob, EpochsBelowMinimumError } = require('@ratio1/sdk-core')
let name
try { quoteJob({ jobType: 1, nodes: 5, epochs: 3 }) } catch (error) { name = error instanceof EpochsBelowMinimumError && error.name }
console.log(String(quoteJob({ jobType: 1, nodes: 5, epochs: 31 }).total), name)`,
      ),
    ).toBe('58125000 EpochsBelowMinimumError')
  })
})
