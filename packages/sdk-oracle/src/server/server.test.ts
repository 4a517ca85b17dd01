import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createHttpFleet } from '../fleet/createHttpFleet.js'
import { createSimulatedFleet } from '../fleet/createSimulatedFleet.js'
import { serveFleet } from '../fleet/serveFleet.js'
import { createLogger } from '../utils/logger.js'
import { loadOracleConfig } from './loadOracleConfig.js'

const key = `0x${'11'.repeat(32)}`
const env = {
  ORACLE_PRIVATE_KEY: key,
  ORACLE_RPC_URL: 'http://127.0.0.1:8545',
  ORACLE_POAI_MANAGER: '0x0dcd1bf9a1b36ce34237eeafef220932846bcd82',
  ORACLE_CONTROLLER: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
}

describe('loadOracleConfig', () => {
  test('applies defaults and checksums addresses', () => {
    const config = loadOracleConfig({ env })
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      tickMs: 5_000,
      poaiManager: '0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82',
      minBalanceWei: 300_000_000_000_000n,
      closureBackoffMs: [1_000, 250_000],
    })
  })

  test('the environment overrides the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oracle-config-'))
    const file = join(dir, 'oracle.json')
    writeFileSync(
      file,
      JSON.stringify({ ...Object.fromEntries([]), port: 4000, tickMs: 250, alias: 'from-file' }),
    )
    const config = loadOracleConfig({
      env: { ...env, ORACLE_CONFIG_FILE: file, ORACLE_PORT: '4100' },
    })
    expect(config).toMatchObject({ port: 4100, tickMs: 250, alias: 'from-file' })
  })

  test('reports every invalid setting by name, never the key', () => {
    let error: unknown
    try {
      loadOracleConfig({
        env: {
          ...env,
          ORACLE_PRIVATE_KEY: '0x12',
          ORACLE_PORT: '70000',
          ORACLE_CONTROLLER: 'nope',
        },
      })
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ name: 'InvalidOracleConfigError' })
    const issues = (error as { issues: string[] }).issues
    expect(issues).toHaveLength(3)
    expect(issues.join('\n')).toMatch(
      /privateKey \(ORACLE_PRIVATE_KEY\): expected a 0x-prefixed 32-byte hex private key/,
    )
    expect(issues.join('\n')).toMatch(/port \(ORACLE_PORT\)/)
    expect(issues.join('\n')).toMatch(
      /controller \(ORACLE_CONTROLLER\): expected a 0x-prefixed 20-byte address/,
    )
    expect((error as Error).message).toMatchInlineSnapshot(`
      "The oracle configuration from the environment is invalid.

      - privateKey (ORACLE_PRIVATE_KEY): expected a 0x-prefixed 32-byte hex private key
      - controller (ORACLE_CONTROLLER): expected a 0x-prefixed 20-byte address
      - port (ORACLE_PORT): Too big: expected number to be <=65535
      Fix the listed settings and restart.

      Docs: docs/guides/errors.md#invalidoracleconfigerror
      Version: @ratio1/sdk-oracle@x.y.z"
    `)
  })

  test('a missing required setting is named', () => {
    expect(() => loadOracleConfig({ env: {} })).toThrow(/rpcUrl \(ORACLE_RPC_URL\)/)
  })
})

describe('fleet over HTTP', () => {
  test('the HTTP client sees and drives the served simulated fleet', async () => {
    const fleet = createSimulatedFleet({ size: 3, seed: 'http' })
    const served = await serveFleet(fleet)
    try {
      const remote = createHttpFleet({ url: served.url })
      const nodes = await remote.listNodes()
      expect(nodes.map((n) => n.address)).toEqual(fleet.keys.map((k) => k.address))
      const workload = {
        jobId: 7n,
        appId: 'a_1',
        owner: '0x00000000000000000000000000000000000000a1' as const,
        pipeline: { x: 1 },
      }
      await remote.startWorkload({ node: nodes[0]!.address, workload })
      expect(await remote.listWorkloads()).toMatchObject([
        { jobId: 7n, node: nodes[0]!.address, pipeline: { x: 1 } },
      ])
      fleet.failNode(nodes[1]!.address)
      await expect(
        remote.startWorkload({ node: nodes[1]!.address, workload }),
      ).rejects.toMatchObject({
        name: 'FleetNodeError',
        reason: 'offline',
      })
      await remote.stopWorkload({ node: nodes[0]!.address, jobId: 7n })
      expect(await remote.listWorkloads()).toEqual([])
    } finally {
      await served.close()
    }
  })
})

test('logger writes JSON lines with bigints as strings and respects the level', () => {
  const lines: string[] = []
  const log = createLogger({
    level: 'info',
    write: (l) => lines.push(l),
    now: () => 0,
    fields: { a: 1 },
  })
  log.debug('hidden')
  log.child({ b: 2 }).warn('shown', { jobId: 5n, error: new Error('boom') })
  expect(lines.map((l) => JSON.parse(l))).toEqual([
    {
      time: '1970-01-01T00:00:00.000Z',
      level: 'warn',
      msg: 'shown',
      a: 1,
      b: 2,
      jobId: '5',
      error: { name: 'Error', message: 'boom' },
    },
  ])
})
