import { canonicalNodeSet } from '@ratio1/sdk-core'
import { type DeeployClient, signRequest } from '@ratio1/sdk-deeploy'
import { extendJobNodes } from '@ratio1/sdk-escrow'
import { createWalletClient, http, publicActions } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPaidJobs } from '../src/devnet/setupDevnet.js'
import type { OracleServer } from '../src/server/createOracleServer.js'
import { clientFor, createHarness, type Harness } from './harness.js'

let h: Harness
let api: OracleServer
let client: DeeployClient

beforeAll(async () => {
  h = await createHarness()
  const served = await h.serve()
  api = served.api
  client = clientFor(served.url, h.devnet.csp.privateKey)
})
afterAll(async () => {
  await h?.stop()
})

const container = (image: string, resources = { cpu: 1, memory: '2g' }) => ({
  plugin_signature: 'CONTAINER_APP_RUNNER',
  IMAGE: image,
  CONTAINER_RESOURCES: resources,
})

/** Buys a job, deploys it through the API and lets the other oracles confirm it on chain. */
async function runningJob(nodes = 2n) {
  const [jobId] = await createPaidJobs({
    rpcUrl: h.node.url,
    csp: h.devnet.csp,
    usdc: h.devnet.addresses.usdc,
    nodes,
  })
  const created = await client.createPipeline({
    request: {
      app_alias: 'Api',
      job_id: Number(jobId),
      job_app_type: 'generic',
      plugins: [container('api:1')],
    } as never,
  })
  await h.tickAll([1, 2])
  const job = await h.job(jobId!)
  expect(job.startTimestamp).toBeGreaterThan(0n)
  return {
    jobId: jobId!,
    appId: created.app_id!,
    nodes: (created.request as { target_nodes: string[] }).target_nodes,
  }
}

const workloadsOf = (jobId: bigint) => h.fleet.snapshot().workloads.filter((w) => w.jobId === jobId)
const ethOf = (nodes: readonly string[]) =>
  canonicalNodeSet(h.fleet.keys.filter((k) => nodes.includes(k.address)).map((k) => k.ethAddress))
const submissionsFor = (jobId: bigint) =>
  h.oracles.flatMap((o) => o.store.listSubmissions()).filter((s) => s.jobId === jobId)

describe('update_pipeline', () => {
  test('redeploys the new configuration under the same app id on the same nodes, without a chain transaction', async () => {
    const { jobId, appId, nodes } = await runningJob()
    const before = submissionsFor(jobId).length
    const updated = await client.updatePipeline({
      request: {
        app_alias: 'Api',
        app_id: appId,
        job_id: Number(jobId),
        plugins: [container('api:2')],
      } as never,
    })
    expect(updated).toMatchObject({ status: 'command_delivered', app_id: appId })
    expect((updated.request as { target_nodes: string[] }).target_nodes).toEqual(nodes)

    const running = workloadsOf(jobId)
    expect(running.map((w) => w.node).sort()).toEqual([...nodes].sort())
    for (const w of running) {
      expect(w.appId).toBe(appId)
      expect(w.pipeline.plugins).toEqual([{ ...container('api:2'), instance_id: `${appId}_0` }])
    }
    const stored = h.oracles[0]!.store.getJob(jobId)!
    expect(stored.pipeline).toMatchObject({
      NAME: appId,
      OWNER: h.devnet.csp.address,
      deeploy_specs: { job_id: Number(jobId), job_app_type: 'generic' },
    })
    // The chain keeps its roster and nobody proposed anything new.
    expect((await h.job(jobId)).activeNodes).toEqual(ethOf(nodes))
    expect(submissionsFor(jobId).length).toBe(before)
    const pipeline = await client.getR1fsJobPipeline({ jobId } as never)
    expect(pipeline.pipeline).toMatchObject({ plugins: [{ IMAGE: 'api:2' }] })
  })

  test('instance ids address live instances; untouched instances are kept; a second unnamed instance of a native app is added', async () => {
    const [jobId] = await createPaidJobs({
      rpcUrl: h.node.url,
      csp: h.devnet.csp,
      usdc: h.devnet.addresses.usdc,
    })
    const created = await client.createPipeline({
      request: {
        app_alias: 'Native',
        job_id: Number(jobId),
        job_app_type: 'native',
        plugins: [
          { plugin_signature: 'A_PLUGIN', instance_id: 'first', X: 1 },
          { plugin_signature: 'B_PLUGIN', X: 1 },
        ],
      } as never,
    })
    const appId = created.app_id!
    await client.updatePipeline({
      request: {
        app_id: appId,
        job_id: Number(jobId),
        plugins: [
          { plugin_signature: 'A_PLUGIN', instance_id: 'first', X: 2 },
          { plugin_signature: 'A_PLUGIN', X: 3 },
        ],
      } as never,
    })
    expect(workloadsOf(jobId!)[0]!.pipeline.plugins).toEqual([
      { plugin_signature: 'A_PLUGIN', instance_id: 'first', X: 2 },
      { plugin_signature: 'B_PLUGIN', instance_id: `${appId}_1`, X: 1 },
      { plugin_signature: 'A_PLUGIN', instance_id: `${appId}_2`, X: 3 },
    ])
    await expect(
      client.updatePipeline({
        request: {
          app_id: appId,
          job_id: Number(jobId),
          plugins: [{ plugin_signature: 'A_PLUGIN', instance_id: 'missing' }],
        } as never,
      }),
    ).rejects.toThrow(
      `ERR07_DEEPLOY_PLUGIN_INSTANCE1: Plugin instance A_PLUGIN with ID missing not found in app ${appId} for owner ${h.devnet.csp.address}.`,
    )
  })

  test('moving the app to other nodes waits out the chain’s cooldown, then the new roster reaches the chain', async () => {
    const { jobId, appId, nodes } = await runningJob()
    const spare = h.fleet.keys.map((k) => k.address).filter((a) => !nodes.includes(a))
    const moved = [nodes[0]!, spare[0]!]
    const request = {
      app_id: appId,
      job_id: Number(jobId),
      plugins: [container('api:3')],
      target_nodes: moved,
    }
    // Within 300 s of the last roster change the manager would refuse the new set: nothing changes.
    await expect(client.updatePipeline({ request: request as never })).rejects.toThrow(
      /ERR03_DEEPLOY_NODES2: The node set of job \d+ changed recently; the chain accepts a new one in \d+ s/,
    )
    expect(
      workloadsOf(jobId)
        .map((w) => w.node)
        .sort(),
    ).toEqual([...nodes].sort())
    expect(workloadsOf(jobId)[0]!.pipeline.plugins).toEqual([container('api:1')])

    await h.increaseTime(301)
    const updated = await client.updatePipeline({ request: request as never })
    expect((updated.request as { target_nodes: string[] }).target_nodes).toEqual(moved)
    expect(
      workloadsOf(jobId)
        .map((w) => w.node)
        .sort(),
    ).toEqual([...moved].sort())
    await h.tickAll([1, 2])
    expect((await h.job(jobId)).activeNodes).toEqual(ethOf(moved))
  })

  test('refusals leave the running app untouched', async () => {
    const { jobId, appId } = await runningJob()
    const snapshot = JSON.stringify(workloadsOf(jobId), (_, v) =>
      typeof v === 'bigint' ? `${v}` : v,
    )
    const base = { app_id: appId, job_id: Number(jobId), plugins: [container('api:9')] }
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [{ ...base, app_id: undefined }, 'ERR24_REQUEST13: App ID is required.'],
      [{ ...base, job_id: undefined }, /ERR08_DEEPLOY_PAYMENT1: job_id is required/],
      [
        { ...base, job_app_type: 'native' },
        /ERR11_REQUEST3[.:] job_app_type cannot be changed \(from generic to native\); deploy a new job instead\./,
      ],
      [
        { ...base, app_id: 'other_1234567' },
        `ERR04_DEEPLOY_NODES3: No running workers found for app_id 'other_1234567' (job ${jobId}) and owner '${h.devnet.csp.address}'.`,
      ],
      [
        { ...base, plugins: [container('big', { cpu: 4, memory: '2g' })] },
        /ERR24_JOB_RESOURCES3: Requested resources \{cpu: 4, memory: 2048m\} do not fit/,
      ],
      [{ ...base, target_nodes_count: 3 }, /ERR03_DEEPLOY_NODES2: target_nodes_count 3 differs/],
      [
        { ...base, target_nodes: [h.fleet.keys[0]!.address] },
        `ERR03_DEEPLOY_NODES2: 1 target nodes given, job ${jobId} pays for 2.`,
      ],
      [
        { ...base, target_nodes: ['0xai_nope'] },
        'ERR05_DEEPLOY_NODES4: Unknown node address 0xai_nope.',
      ],
      [{ ...base, job_id: 999_999 }, 'ERR08_DEEPLOY_PAYMENT1: Job 999999 does not exist on chain.'],
    ]
    for (const [request, error] of cases)
      await expect(client.updatePipeline({ request: request as never })).rejects.toThrow(error)
    expect(JSON.stringify(workloadsOf(jobId), (_, v) => (typeof v === 'bigint' ? `${v}` : v))).toBe(
      snapshot,
    )
  })
})

describe('scale_up_job_workers', () => {
  test('refuses nodes the chain does not pay for; after extendJobNodes it adds them and consensus records the larger roster', async () => {
    const { jobId, nodes } = await runningJob(1n)
    await expect(client.scaleUpJobWorkers({ jobId, targetNodesCount: 1 })).rejects.toThrow(
      `ERR08_DEEPLOY_PAYMENT1: Job ${jobId} pays for 1 nodes and runs on 1; 1 more would make 2. Pay for them first (CspEscrow.extendJobNodes).`,
    )
    expect(workloadsOf(jobId)).toHaveLength(1)

    const wallet = createWalletClient({
      chain: {
        ...hardhat,
        contracts: { multicall3: { address: h.devnet.addresses.multicall3! } },
      },
      transport: http(h.node.url),
      account: privateKeyToAccount(h.devnet.csp.privateKey),
      pollingInterval: 50,
    }).extend(publicActions)
    await extendJobNodes(wallet, {
      manager: h.devnet.addresses.poaiManager,
      escrow: h.devnet.csp.escrow,
      jobId,
      newNumberOfNodes: 3,
    })
    await expect(client.scaleUpJobWorkers({ jobId, targetNodesCount: 2 })).rejects.toThrow(
      /ERR03_DEEPLOY_NODES2: The node set of job \d+ changed recently/,
    )
    await h.increaseTime(301)

    const explicit = h.fleet.keys.map((k) => k.address).find((a) => !nodes.includes(a))!
    const scaled = await client.scaleUpJobWorkers({
      jobId,
      targetNodes: [explicit],
      returnRequest: true,
    })
    expect(scaled).toMatchObject({ status: 'command_delivered', job_id: Number(jobId) })
    expect(scaled.request).toMatchObject({ target_nodes: [explicit] })
    const roster = [...nodes, explicit]
    expect(
      workloadsOf(jobId)
        .map((w) => w.node)
        .sort(),
    ).toEqual([...roster].sort())
    await h.tickAll([1, 2])
    expect((await h.job(jobId)).activeNodes).toEqual(ethOf(roster))
    expect(h.oracles[0]!.store.getJob(jobId)!.targetNodes).toEqual(roster)
  })

  test('bad requests are refused with the reason', async () => {
    const { jobId, nodes } = await runningJob(1n)
    const cases: [Parameters<DeeployClient['scaleUpJobWorkers']>[0], string | RegExp][] = [
      [
        { jobId, targetNodes: nodes },
        `ERR03_DEEPLOY_NODES2: Job ${jobId} already runs on ${nodes[0]}; give only new nodes.`,
      ],
      [
        { jobId, targetNodesCount: 50 },
        /ERR09_DEEPLOY_NODES5: Not enough online nodes: 50 more needed/,
      ],
      [
        { jobId, targetNodesCount: 1, nodeResReq: { cpu: 64, memory: '1g' } },
        /ERR09_DEEPLOY_NODES5: Not enough online nodes: 1 more needed for job \d+, 0 available\./,
      ],
      [
        { jobId: 999_999n, targetNodesCount: 1 },
        'ERR08_DEEPLOY_PAYMENT1: Job 999999 does not exist on chain.',
      ],
    ]
    for (const [parameters, error] of cases)
      await expect(client.scaleUpJobWorkers(parameters)).rejects.toThrow(error)
    // Without the client's own check, a request naming no nodes reaches the oracle.
    const signed = await signRequest({
      account: privateKeyToAccount(h.devnet.csp.privateKey),
      requestType: 'scale up workers',
      payload: { job_id: Number(jobId) },
    })
    const raw = await api.handle(
      new Request('http://oracle/scale_up_job_workers', {
        method: 'POST',
        body: JSON.stringify({ request: signed }),
      }),
    )
    expect((await raw.json()).result.error).toBe(
      'ERR04_DEEPLOY_NODES3: Give the new nodes (target_nodes) or how many to add (target_nodes_count ≥ 1).',
    )
    expect(workloadsOf(jobId)).toHaveLength(1)
  })
})
