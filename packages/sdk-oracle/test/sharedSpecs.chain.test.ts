import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createPaidJobs } from '../src/devnet/setupDevnet.js'
import type { Oracle } from '../src/oracle/createOracle.js'
import { createStateStore, type StateStore } from '../src/store/createStateStore.js'
import { clientFor, createHarness, type Harness } from './harness.js'

let h: Harness
const urls: string[] = []
const stores: StateStore[] = []
const oracles: Oracle[] = []

beforeAll(async () => {
  h = await createHarness()
  // Two oracles with their own state and one shared spec database, as `pnpm devnet` runs them.
  for (const index of [0, 1]) {
    const store = createStateStore({
      path: join(h.dir, `own-${index}.db`),
      sharedPath: join(h.dir, 'shared.db'),
    })
    stores.push(store)
    const { oracle } = h.makeOracle(index, { store })
    oracles.push(oracle)
    urls.push((await h.serve({ index, oracle, store })).url)
  }
})
afterAll(async () => {
  await h?.stop()
  for (const store of stores) store.close()
})

/** A client of the CSP for oracle `index`'s API. */
const clientOf = (index: number) => clientFor(urls[index]!, h.devnet.csp.privateKey)

const app = (jobId: bigint) => ({
  app_alias: 'Shared',
  job_id: Number(jobId),
  job_app_type: 'generic',
  plugins: [
    {
      plugin_signature: 'CONTAINER_APP_RUNNER',
      IMAGE: 'shared:1',
      CONTAINER_RESOURCES: { cpu: 1, memory: '2g' },
    },
  ],
})

test('a job deployed through one oracle is known to the other, and a deletion through the other is final for both', async () => {
  const [first, second] = [clientOf(0), clientOf(1)]
  const [jobId] = await createPaidJobs({
    rpcUrl: h.node.url,
    csp: h.devnet.csp,
    usdc: h.devnet.addresses.usdc,
  })
  const created = await first.createPipeline({ request: app(jobId!) as never })
  const fromSecond = await second.getR1fsJobPipeline({ jobId: jobId! } as never)
  expect(fromSecond.pipeline).toMatchObject({ NAME: created.app_id, OWNER: h.devnet.csp.address })

  for (const oracle of oracles) await oracle.tick()
  await second.deletePipeline({ jobId: jobId! })
  expect(stores[0]!.getJob(jobId!)?.deleted).toBe(true)
  expect(h.fleet.snapshot().workloads.filter((w) => w.jobId === jobId)).toEqual([])
  // Neither oracle's loops bring it back: the shared spec says it was deleted.
  for (const oracle of oracles) await oracle.tick()
  await expect(first.getR1fsJobPipeline({ jobId: jobId! } as never)).resolves.toMatchObject({
    pipeline: { NAME: created.app_id },
  })
  expect(h.fleet.snapshot().workloads.filter((w) => w.jobId === jobId)).toEqual([])
})

test('two oracles asked to deploy the same job at once: exactly one deploys it', async () => {
  const [first, second] = [clientOf(0), clientOf(1)]
  const [jobId] = await createPaidJobs({
    rpcUrl: h.node.url,
    csp: h.devnet.csp,
    usdc: h.devnet.addresses.usdc,
  })
  const results = await Promise.allSettled([
    first.createPipeline({ request: app(jobId!) as never }),
    second.createPipeline({ request: app(jobId!) as never }),
  ])
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
  expect(String(refused.reason)).toContain(`Job ${jobId} is already deployed.`)
  const running = h.fleet.snapshot().workloads.filter((w) => w.jobId === jobId)
  expect(running).toHaveLength(2)
  expect(new Set(running.map((w) => w.appId)).size).toBe(1)
})
