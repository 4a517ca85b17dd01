import { join } from 'node:path'
import { createDeeployClient, verifyResponseSignature } from '@ratio1/sdk-deeploy'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createPaidJobs } from '../src/devnet/setupDevnet.js'
import { createSimulatedFleet } from '../src/fleet/createSimulatedFleet.js'
import { runOracle } from '../src/server/runOracle.js'
import { createStateStore } from '../src/store/createStateStore.js'
import { createHarness, type Harness } from './harness.js'

let h: Harness
beforeAll(async () => {
  h = await createHarness()
})
afterAll(async () => {
  await h?.stop()
})

test('runOracle drives the fleet it is given and keeps job specs in the shared database', async () => {
  // The harness's fleet is the network; this fleet object is what a real adapter would be.
  const fleet = createSimulatedFleet({ size: 6, seed: 'harness' })
  const sharedDbPath = join(h.dir, 'run-shared.db')
  const service = await runOracle({
    handleSignals: false,
    fleet,
    env: {
      ORACLE_PRIVATE_KEY: h.devnet.oracles[2]!.privateKey,
      ORACLE_RPC_URL: h.node.url,
      ORACLE_POAI_MANAGER: h.devnet.addresses.poaiManager,
      ORACLE_CONTROLLER: h.devnet.addresses.controller,
      ORACLE_MULTICALL3: h.devnet.addresses.multicall3,
      ORACLE_PORT: '0',
      ORACLE_DB_PATH: join(h.dir, 'run-own.db'),
      ORACLE_SHARED_DB_PATH: sharedDbPath,
      ORACLE_POLLING_INTERVAL_MS: '50',
      ORACLE_LOG_LEVEL: 'error',
      ORACLE_TICK_MS: '3600000',
    },
  })
  try {
    const health = await fetch(`${service.url}/health`).then((r) => r.json())
    expect(health).toMatchObject({ status: 'ok', oracle: h.devnet.oracles[2]!.address })

    const [jobId] = await createPaidJobs({
      rpcUrl: h.node.url,
      csp: h.devnet.csp,
      usdc: h.devnet.addresses.usdc,
    })
    const client = createDeeployClient({
      baseUrl: service.url,
      account: privateKeyToAccount(h.devnet.csp.privateKey),
      retry: 0,
      verifyResponse: verifyResponseSignature,
    })
    const created = await client.createPipeline({
      request: {
        app_alias: 'Custom Fleet',
        job_id: Number(jobId),
        job_app_type: 'native',
        plugins: [{ plugin_signature: 'SOME_PLUGIN' }],
      } as never,
    })
    const running = fleet.snapshot().workloads.filter((w) => w.jobId === jobId)
    expect(running.map((w) => w.node).sort()).toEqual(
      [...(created.request as { target_nodes: string[] }).target_nodes].sort(),
    )
    // Nothing went to the harness's fleet, and the spec is readable from the shared file.
    expect(h.fleet.snapshot().workloads.filter((w) => w.jobId === jobId)).toEqual([])
    const other = createStateStore({ path: ':memory:', sharedPath: sharedDbPath })
    try {
      expect(other.getJob(jobId!)).toMatchObject({ appId: created.app_id, deleted: false })
    } finally {
      other.close()
    }
  } finally {
    await service.stop()
  }
})
