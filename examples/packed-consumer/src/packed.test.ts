import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { catalogVersion, packAndInstall } from './packAndInstall.js'

// The packages must be built (turbo builds dependencies before this package's tests).
const directory = mkdtempSync(join(tmpdir(), 'ratio1-packed-'))
const consumer = join(directory, 'consumer')
const published = [
  '@ratio1/sdk-core',
  '@ratio1/contracts',
  '@ratio1/sdk-escrow',
  '@ratio1/sdk-deeploy',
  '@ratio1/sdk-oracle',
]
// A Hardhat test key; the signature is checked by recovering it.
const key = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const signer = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'

function run(file: string, source: string): string {
  writeFileSync(join(consumer, file), source)
  return execFileSync(process.execPath, ['--no-warnings', file], {
    cwd: consumer,
    encoding: 'utf8',
  }).trim()
}

beforeAll(() => {
  packAndInstall(directory, published, { viem: catalogVersion('viem') })
})

describe('the published packages, installed from their tarballs', () => {
  test('from ESM: a quote, a signed Deeploy request, the ABIs and every entry point', () => {
    const output = run(
      'check.mjs',
      `import { quoteJob, formatUsdc } from '@ratio1/sdk-core'
import { signRequest, recoverRequestSigner } from '@ratio1/sdk-deeploy'
import { cspEscrowAbi } from '@ratio1/contracts/abis'
import { createJobs, escrowActions } from '@ratio1/sdk-escrow'
import { decideValidation } from '@ratio1/sdk-oracle'
import { createOracleServer } from '@ratio1/sdk-oracle/server'
import { privateKeyToAccount } from 'viem/accounts'
const request = await signRequest({ account: privateKeyToAccount('${key}'), requestType: 'get_apps', payload: {} })
const recovered = await recoverRequestSigner({ request, requestType: 'get_apps' })
console.log(formatUsdc(quoteJob({ jobType: 1, nodes: 5, epochs: 31 }).total), recovered,
  cspEscrowAbi.some((item) => item.type === 'function' && item.name === 'createJobs'),
  [createJobs, escrowActions, decideValidation, createOracleServer].every((f) => typeof f === 'function'))`,
    )
    expect(output).toBe(`58.125 ${signer} true true`)
  })

  test('from CommonJS: the same, and typed errors', () => {
    const output = run(
      'check.cjs',
      `const { quoteJob, EpochsBelowMinimumError } = require('@ratio1/sdk-core')
const { signRequest, recoverRequestSigner } = require('@ratio1/sdk-deeploy')
const { cspEscrowAbi } = require('@ratio1/contracts/abis')
const { createJobs } = require('@ratio1/sdk-escrow')
const { decideValidation } = require('@ratio1/sdk-oracle')
const { privateKeyToAccount } = require('viem/accounts')
let name
try { quoteJob({ jobType: 1, nodes: 5, epochs: 3 }) } catch (error) { name = error instanceof EpochsBelowMinimumError && error.name }
signRequest({ account: privateKeyToAccount('${key}'), requestType: 'get_apps', payload: {} })
  .then((request) => recoverRequestSigner({ request, requestType: 'get_apps' }))
  .then((recovered) => console.log(String(quoteJob({ jobType: 1, nodes: 5, epochs: 31 }).total), name, recovered,
    Array.isArray(cspEscrowAbi), typeof createJobs, typeof decideValidation))`,
    )
    expect(output).toBe(`58125000 EpochsBelowMinimumError ${signer} true function function`)
  })
})
