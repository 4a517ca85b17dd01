import { canonicalNodeSet } from '@ratio1/sdk-core'
import {
  createDeeployClient,
  DeeployApiError,
  signRequest,
  verifyResponseSignature,
} from '@ratio1/sdk-deeploy'
import fc from 'fast-check'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPaidJobs } from '../src/devnet/setupDevnet.js'
import type { OracleServer } from '../src/server/createOracleServer.js'
import { clientFor, createHarness, type Harness } from './harness.js'

let h: Harness
let api: OracleServer
let url: string

beforeAll(async () => {
  h = await createHarness()
  ;({ api, url } = await h.serve({ maxBodyBytes: 64 * 1024 }))
})
afterAll(async () => {
  await h?.stop()
})

const post = async (path: string, body: string | object) => {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, text, json: JSON.parse(text) }
}

const genericApp = {
  app_alias: 'Web Server',
  plugins: [
    {
      plugin_signature: 'CONTAINER_APP_RUNNER',
      IMAGE: 'nginx:latest',
      CONTAINER_RESOURCES: { cpu: 1, memory: '2g' },
    },
  ],
  job_app_type: 'generic',
}

describe('Deeploy API with the sdk-deeploy client', () => {
  test('create_pipeline deploys a paid job, the other oracles confirm it, get_apps shows chain and live state', async () => {
    const [jobId] = await createPaidJobs({
      rpcUrl: h.node.url,
      csp: h.devnet.csp,
      usdc: h.devnet.addresses.usdc,
    })
    const client = clientFor(url, h.devnet.csp.privateKey)
    const created = await client.createPipeline({
      request: { ...genericApp, job_id: Number(jobId), target_nodes_count: 2 } as never,
    })
    expect(created.status).toBe('command_delivered')
    expect(created.app_id).toMatch(/^web server_[0-9a-f]{7}$/)
    const deployed = (created.request as { target_nodes: string[] }).target_nodes
    expect(deployed).toHaveLength(2)

    await h.tickAll([1])
    const expected = canonicalNodeSet(
      h.fleet.keys.filter((k) => deployed.includes(k.address)).map((k) => k.ethAddress),
    )
    expect((await h.job(jobId!)).activeNodes).toEqual(expected)

    const { apps } = await client.getApps()
    const app = apps[String(jobId)]!
    expect(app.chain_job?.activeNodes).toEqual(expected)
    expect(app.chain_job?.startTimestamp).toBeGreaterThan(0n)
    expect(Object.keys(app.online).sort()).toEqual([...deployed].sort())
    expect(app.pipeline).toMatchObject({ OWNER: h.devnet.csp.address })

    const legacy = createDeeployClient({
      baseUrl: url,
      account: privateKeyToAccount(h.devnet.csp.privateKey),
      signatureScheme: 'legacy',
      retry: 0,
    })
    const pipeline = await legacy.getR1fsJobPipeline({ jobId: jobId! } as never)
    expect(pipeline.pipeline).toMatchObject({ NAME: created.app_id })

    // A second create for the same job is refused, and the chain keeps the agreed set.
    await expect(
      client.createPipeline({ request: { ...genericApp, job_id: Number(jobId) } as never }),
    ).rejects.toThrow(DeeployApiError)
  })

  test('node_specs, get_oracle_job_details (oracles only) and delete_pipeline through the client', async () => {
    const [jobId] = await createPaidJobs({
      rpcUrl: h.node.url,
      csp: h.devnet.csp,
      usdc: h.devnet.addresses.usdc,
    })
    const client = clientFor(url, h.devnet.csp.privateKey)
    const created = await client.createPipeline({
      request: { ...genericApp, job_id: Number(jobId) } as never,
    })
    const nodes = (created.request as { target_nodes: string[] }).target_nodes
    const specs = await client.getNodeSpecs({ nodes: [...nodes, '0xai_unknown'] })
    expect(specs.node_specs[nodes[0]!]).toMatchObject({ node_is_online: true, cpu: { total: 16 } })
    expect(specs.node_specs['0xai_unknown']).toMatchObject({
      error: expect.stringMatching(/not known/),
    })

    const asOracle = createDeeployClient({
      baseUrl: url,
      account: privateKeyToAccount(h.devnet.oracles[1]!.privateKey),
      retry: 0,
    })
    const details = await asOracle.getOracleJobDetails({ jobId: jobId! })
    expect(details).toMatchObject({ status: 'success', job_name: created.app_id, job_type: 1 })
    await expect(client.getOracleJobDetails({ jobId: jobId! })).rejects.toThrow(/is not an oracle/)

    const deleted = await client.deletePipeline({ jobId: jobId! })
    expect(deleted.request.targets.map((t) => t.NODE).sort()).toEqual([...nodes].sort())
    expect(h.fleet.snapshot().workloads.filter((w) => w.jobId === jobId)).toEqual([])
    expect(h.oracles[0]!.store.getJob(jobId!)?.deleted).toBe(true)
  })

  test('handle(Request) answers in-process exactly as the HTTP server does', async () => {
    const signed = await signRequest({
      account: privateKeyToAccount(h.devnet.csp.privateKey),
      requestType: 'get apps',
      payload: {},
    })
    const inProcess = await api.handle(
      new Request('http://oracle.local/get_apps', {
        method: 'POST',
        body: JSON.stringify({ request: signed }),
      }),
    )
    const overHttp = await post('/get_apps', { request: signed })
    const body = await inProcess.text()
    expect(inProcess.status).toBe(200)
    expect(verifyResponseSignature({ body }).valid).toBe(true)
    // Signatures, server time and each instance's last-seen second differ between two requests.
    const timeless = new Set(['EE_SIGN', 'EE_HASH', 'server_info', 'last_alive'])
    const strip = (text: string) =>
      JSON.parse(text, (key, value) => (timeless.has(key) ? undefined : value))
    expect(strip(body)).toEqual(strip(overHttp.text))

    const big = await api.handle(
      new Request('http://oracle.local/get_apps', {
        method: 'POST',
        body: JSON.stringify({ request: { pad: 'x'.repeat(70 * 1024) } }),
      }),
    )
    expect(big.status).toBe(413)
    expect((await big.json()).result.error).toBe('Request body exceeds the 65536-byte limit.')
    const unknown = await api.handle(new Request('http://oracle.local/nope'))
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).result.error).toMatch(/^Unknown endpoint GET \/nope/)
    const preflight = await api.handle(
      new Request('http://oracle.local/get_apps', { method: 'OPTIONS' }),
    )
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
  })

  test('health and metrics', async () => {
    const health = await fetch(`${url}/health`).then((r) => r.json())
    expect(health).toMatchObject({ status: 'ok', oracle: h.devnet.oracles[0]!.address })
    const metrics = await fetch(`${url}/metrics`).then((r) => r.text())
    expect(metrics).toMatch(
      /r1_oracle_http_requests_total\{path="\/create_pipeline",status="200"\} \d+/,
    )
  })
})

describe('bad input', () => {
  const csp = () => privateKeyToAccount(h.devnet.csp.privateKey)

  test('forged, expired and replayed signatures, no escrow, someone else’s job, EIP-1271', async () => {
    const signed = await signRequest({ account: csp(), requestType: 'get apps', payload: {} })
    // Forged: the payload changed after signing.
    const forged = await post('/get_apps', { request: { ...signed, project_id: 'x' } })
    expect(forged.json.result).toMatchObject({
      status: 'fail',
      error: expect.stringMatching(/Invalid payload hash|Invalid signature/),
    })
    // Another key signing for the CSP's address.
    const impostor = await signRequest({
      account: privateKeyToAccount(h.devnet.stranger.privateKey),
      requestType: 'get apps',
      payload: {},
    })
    const wrongSigner = await post('/get_apps', {
      request: { ...impostor, EE_ETH_SENDER: h.devnet.csp.address },
    })
    expect(wrongSigner.json.result.error).toMatch(
      /^Invalid signature: recovered 0x[0-9a-fA-F]{40} != /,
    )
    // A "__proto__" key in the request is echoed without it, and the response still verifies.
    const proto = await post('/get_apps', '{"request":{"__proto__":{"x":1},"nonce":"0x1"}}')
    expect(proto.json.result).toMatchObject({
      status: 'fail',
      error: 'Invalid sender address: None',
    })
    expect(verifyResponseSignature({ body: proto.text }).valid).toBe(true)
    // Expired nonce (13 h old).
    const old = await signRequest({
      account: csp(),
      requestType: 'get apps',
      payload: { nonce: `0x${(Date.now() - 13 * 3_600_000).toString(16)}` },
    })
    expect((await post('/get_apps', { request: old })).json.result.error).toBe('Nonce is expired!')
    // Replayed write.
    const del = await signRequest({
      account: csp(),
      requestType: 'delete pipeline',
      payload: { job_id: 999 },
    })
    const firstDelete = await post('/delete_pipeline', { request: del })
    expect(firstDelete.json.result.error).toMatch(/^ERR04_DEEPLOY_NODES3/)
    const replay = await post('/delete_pipeline', { request: del })
    expect(replay.json.result.error).toMatch(/^Replayed request/)
    // A sender without an escrow.
    const stranger = await signRequest({
      account: privateKeyToAccount(h.devnet.stranger.privateKey),
      requestType: 'get apps',
      payload: {},
    })
    expect((await post('/get_apps', { request: stranger })).json.result.error).toBe(
      `Wallet ${h.devnet.stranger.address} has no active escrow`,
    )

    // A second CSP tries to deploy the first CSP's job.
    await h.escrowForStranger()
    const [jobId] = await createPaidJobs({
      rpcUrl: h.node.url,
      csp: h.devnet.csp,
      usdc: h.devnet.addresses.usdc,
    })
    const theft = await signRequest({
      account: privateKeyToAccount(h.devnet.stranger.privateKey),
      requestType: 'create pipeline',
      payload: { ...genericApp, job_id: Number(jobId) },
    })
    const stolen = await post('/create_pipeline', { request: theft })
    expect(stolen.json.result.error).toBe(
      `ERR08_DEEPLOY_PAYMENT1: Job ${jobId} belongs to ${h.devnet.csp.address}, not to ${h.devnet.stranger.address}.`,
    )
    expect(h.oracles[0]!.store.getJob(jobId!)).toBeUndefined()

    // EIP-1271: a contract wallet that accepts any signature passes verification (and then has no escrow).
    const wallet = '0x00000000000000000000000000000000000c0de1'
    await h.publicClient.request({
      method: 'hardhat_setCode' as never,
      params: [wallet, '0x631626ba7e60e01b60005260206000f3'] as never,
    })
    const contractSigned = {
      ...(await signRequest({ account: csp(), requestType: 'get apps', payload: {} })),
      EE_ETH_SENDER: wallet,
    }
    const eip1271 = await post('/get_apps', { request: contractSigned })
    expect(eip1271.json.result.error).toMatch(/^Wallet 0x0{35}C0DE1 has no active escrow$/i)
  })

  test('property: 1,000 malformed, oversized, mistyped, forged and misrouted requests each get an envelope error, and the server stays consistent', async () => {
    const jobsBefore = h.oracles[0]!.store.listJobs().length
    const account = csp()
    const paths = [
      '/get_apps',
      '/create_pipeline',
      '/update_pipeline',
      '/scale_up_job_workers',
      '/delete_pipeline',
      '/send_instance_command',
      '/send_app_command',
      '/get_r1fs_job_pipeline',
      '/get_preferred_nodes',
      '/save_preferred_nodes',
      '/node_specs',
      '/reconcile_csp_escrow_jobs',
    ]
    const input = fc.oneof(
      fc.record({
        kind: fc.constant('text' as const),
        path: fc.constantFrom(...paths),
        body: fc.string({ maxLength: 200 }),
      }),
      fc.record({
        kind: fc.constant('value' as const),
        path: fc.constantFrom(...paths),
        body: fc.jsonValue({ maxDepth: 3 }),
      }),
      fc.record({
        kind: fc.constant('request' as const),
        path: fc.constantFrom(...paths),
        body: fc.dictionary(
          fc.constantFrom(
            'nonce',
            'EE_ETH_SENDER',
            'EE_ETH_SIGN',
            'EE_HASH',
            'job_id',
            'app_alias',
            'plugins',
            'target_nodes',
          ),
          fc.jsonValue({ maxDepth: 2 }),
        ),
      }),
      fc.record({
        kind: fc.constant('unknown' as const),
        path: fc.stringMatching(/^\/[a-z_]{1,20}$/),
        body: fc.constant('{}'),
      }),
      fc.record({
        kind: fc.constant('oversized' as const),
        path: fc.constantFrom(...paths),
        body: fc.integer({ min: 65 * 1024, max: 200 * 1024 }),
      }),
      fc.record({
        kind: fc.constant('forged' as const),
        path: fc.constantFrom('/get_apps', '/create_pipeline'),
        body: fc.record({
          job_id: fc.integer({ min: 1, max: 50 }),
          app_alias: fc.string({ maxLength: 20 }),
        }),
      }),
    )
    let count = 0
    await fc.assert(
      fc.asyncProperty(input, async (sample) => {
        count++
        let response: Awaited<ReturnType<typeof post>>
        switch (sample.kind) {
          case 'text':
            response = await post(sample.path, sample.body)
            break
          case 'value':
            response = await post(sample.path, JSON.stringify(sample.body))
            break
          case 'request':
            response = await post(sample.path, { request: sample.body })
            break
          case 'unknown':
            response = await post(sample.path, sample.body)
            break
          case 'oversized':
            response = await post(sample.path, { request: { pad: 'x'.repeat(sample.body) } })
            expect(response.status).toBe(413)
            break
          case 'forged': {
            const signed = await signRequest({
              account,
              requestType: sample.path === '/get_apps' ? 'get apps' : 'create pipeline',
              payload: sample.body,
            })
            response = await post(sample.path, {
              request: { ...signed, app_alias: `${sample.body.app_alias}!` },
            })
            break
          }
        }
        const result = response.json.result
        if (sample.path === '/node_specs' && result.status === 'success') return
        expect(result.status).toBe('fail')
        expect(typeof result.error).toBe('string')
        expect(result.error.length).toBeGreaterThan(5)
        expect([200, 404, 413, 422]).toContain(response.status)
        expect(verifyResponseSignature({ body: response.text }).valid).toBe(true)
      }),
      { numRuns: 1_000 },
    )
    expect(count).toBeGreaterThanOrEqual(1_000)
    // Still up and consistent: nothing was deployed, a valid request still works.
    expect(h.oracles[0]!.store.listJobs()).toHaveLength(jobsBefore)
    const client = createDeeployClient({ baseUrl: url, account, retry: 0 })
    expect((await client.getApps()).status).toBe('success')
    expect((await fetch(`${url}/health`)).status).toBe(200)
  })
})
