import { secp256k1 } from '@noble/curves/secp256k1'
import { delay, HttpResponse, http, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { bytesToHex, hexToBytes, sha256, stringToBytes } from 'viem'
import * as z from 'zod/mini'
import { toPythonJson } from '../src/json/toPythonJson.js'
import type { DeeployRequestType } from '../src/signing/requestTypes.js'
import { verifyRequest } from '../src/signing/verifyRequest.js'
import { baseUrl, oracleUrl, testNodeAddress, testPrivateKey } from './constants.js'

// msw helpers that behave like a Ratio1 oracle: they check the request signature the way the oracle
// does, validate the fixture they answer with against the client's own zod schema (so mocks cannot
// drift from the documented shapes), and sign `result` with a node key like a real oracle.

export const server = setupServer()

/** Signs a result dict as an oracle node does (SIGN_CANON_V v2, DER over sha256(digest)). */
export function signResult(result: Record<string, unknown>): Record<string, unknown> {
  const data = { ...result, SIGN_CANON_V: 'v2' }
  const hash = sha256(stringToBytes(toPythonJson(data))).slice(2)
  const message = sha256(hexToBytes(`0x${hash}`), 'bytes')
  const der = secp256k1
    .sign(message, hexToBytes(testPrivateKey), { prehash: false })
    .toDERRawBytes()
  const sign = Buffer.from(der).toString('base64url')
  return {
    ...data,
    EE_HASH: hash,
    EE_SIGN: sign + '='.repeat((4 - (sign.length % 4)) % 4),
    EE_SENDER: testNodeAddress,
    EE_ETH_SENDER: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
    EE_ETH_SIGN: '0xBEEF',
  }
}

export function envelope(result: Record<string, unknown>, sign = true): JsonBodyType {
  return {
    result: (sign ? signResult(result) : result) as JsonBodyType,
    server_node_addr: testNodeAddress,
    evm_network: 'devnet',
  }
}

export const serverInfo = {
  alias: 'test-oracle',
  version: '2.9.0',
  time: '2026-11-22 01:00:00',
  current_epoch: 200,
  uptime: '3 days, 4:05:06',
}

export type Received = { request: Record<string, unknown>; url: string; count: number }

/**
 * A Deeploy endpoint. `requestType` set ⇒ the request must carry a valid signature (else the handler
 * answers `status: "fail"` with the oracle's message); `schema` ⇒ the fixture must parse.
 */
export function deeployEndpoint<schema extends z.ZodMiniType>(options: {
  path: string
  requestType?: DeeployRequestType | undefined
  schema?: schema | undefined
  result: (received: Received) => z.input<schema> | Record<string, unknown>
  onRequest?: ((received: Received) => void) | undefined
}) {
  let count = 0
  return http.post(`${baseUrl}${options.path}`, async ({ request: httpRequest }) => {
    count++
    const body = (await httpRequest.json()) as { request: Record<string, unknown> }
    const received: Received = { request: body.request, url: httpRequest.url, count }
    options.onRequest?.(received)
    if (options.requestType) {
      try {
        await verifyRequest({ request: body.request, requestType: options.requestType })
      } catch (error) {
        const oracleMessage = (error as { oracleMessage?: string }).oracleMessage ?? String(error)
        return HttpResponse.json(
          envelope({
            status: 'fail',
            error: oracleMessage,
            request: body.request,
            server_info: serverInfo,
          }),
        )
      }
    }
    const result = options.result(received) as Record<string, unknown>
    if (options.schema) {
      const checked = z.safeParse(options.schema, result)
      if (!checked.success)
        throw new Error(`fixture for ${options.path} is invalid: ${checked.error.message}`)
    }
    return HttpResponse.json(envelope({ ...result, server_info: serverInfo }))
  })
}

/** An oracle-API endpoint answering a signed `{"result": fixture}` like the oracle's FastAPI layer. */
export function oracleEndpoint<schema extends z.ZodMiniType>(options: {
  path: string
  method?: 'get' | 'post'
  schema: schema
  result: (url: URL, body: unknown) => z.input<schema>
}) {
  return http[options.method ?? 'get'](`${oracleUrl}${options.path}`, async ({ request }) => {
    const body = request.method === 'POST' ? await request.json() : undefined
    const result = options.result(new URL(request.url), body)
    const checked = z.safeParse(options.schema, result)
    if (!checked.success)
      throw new Error(`fixture for ${options.path} is invalid: ${checked.error.message}`)
    return HttpResponse.json(envelope(result as Record<string, unknown>))
  })
}

/** Answers with a fixed status/body after an optional delay; counts calls. */
export function rawEndpoint(options: {
  path: string
  method?: 'get' | 'post'
  status?: number
  body?: string
  delayMs?: number
  base?: string
}) {
  const calls = { count: 0 }
  const handler = http[options.method ?? 'post'](
    `${options.base ?? baseUrl}${options.path}`,
    async () => {
      calls.count++
      if (options.delayMs) await delay(options.delayMs)
      return new HttpResponse(options.body ?? '', {
        status: options.status ?? 200,
        headers: { 'content-type': 'application/json' },
      })
    },
  )
  return { handler, calls }
}

export { bytesToHex }

/**
 * One valid handler per Deeploy endpoint and oracle-API read, each answering a fixture that its zod
 * schema accepts and checking request signatures like an oracle. Tests override single endpoints with
 * `server.use(...)`; a shared test-utils package can adopt these as they are.
 */
export async function defaultHandlers() {
  const schemas = await import('../src/schemas/deeploy.js')
  const oracle = await import('../src/schemas/oracle.js')
  const fixtures = await import('./fixtures.js')
  const { auth, nodeA, getAppsResult } = fixtures
  return [
    deeployEndpoint({
      path: '/get_apps',
      requestType: 'get apps',
      schema: schemas.getAppsResultSchema(),
      result: () => getAppsResult([{ id: 12, appId: 'web_1a2b3c4', nodes: [nodeA] }]),
    }),
    ...(['/create_pipeline', '/update_pipeline'] as const).map((path) =>
      deeployEndpoint({
        path,
        requestType: path === '/create_pipeline' ? 'create pipeline' : 'update pipeline',
        schema: schemas.deployResultSchema(),
        result: () => ({ status: 'success', status_details: {}, app_id: 'web_1a2b3c4', auth }),
      }),
    ),
    deeployEndpoint({
      path: '/scale_up_job_workers',
      requestType: 'scale up workers',
      schema: schemas.scaleUpResultSchema(),
      result: () => ({ status: 'success', status_details: {}, job_id: 12, request: null, auth }),
    }),
    deeployEndpoint({
      path: '/delete_pipeline',
      requestType: 'delete pipeline',
      schema: schemas.deleteResultSchema(),
      result: () => ({ request: { status: 'success', targets: [], job_id: 12 }, auth }),
    }),
    deeployEndpoint({
      path: '/send_instance_command',
      requestType: 'send instance command',
      schema: schemas.instanceCommandResultSchema(),
      result: () => ({
        request: { status: 'command_delivered', app_id: 'web_1a2b3c4', target_nodes: [nodeA] },
        auth,
      }),
    }),
    deeployEndpoint({
      path: '/send_app_command',
      requestType: 'send app command',
      schema: schemas.appCommandResultSchema(),
      result: () => ({ request: { status: 'command_delivered', job_id: 12 }, targets: [], auth }),
    }),
    deeployEndpoint({
      path: '/get_r1fs_job_pipeline',
      requestType: 'get r1fs job pipeline',
      schema: schemas.r1fsPipelineResultSchema(),
      result: () => ({ status: 'success', job_id: 12, pipeline: { NAME: 'web_1a2b3c4' }, auth }),
    }),
    ...(['/get_preferred_nodes', '/save_preferred_nodes'] as const).map((path) =>
      deeployEndpoint({
        path,
        requestType:
          path === '/get_preferred_nodes' ? 'get preferred nodes' : 'save preferred nodes',
        schema: schemas.preferredNodesResultSchema(),
        result: () => ({ status: 'success', plus_level: 1, preferred_nodes: [], auth }),
      }),
    ),
    deeployEndpoint({
      path: '/get_oracle_job_details',
      requestType: 'get oracle job details',
      schema: schemas.oracleJobDetailsResultSchema(),
      result: () => ({
        status: 'success',
        job_id: 12,
        project_name: null,
        job_name: 'web',
        job_type: 1,
      }),
    }),
    deeployEndpoint({
      path: '/node_specs',
      schema: schemas.nodeSpecsResultSchema(),
      result: () => ({ status: 'success', node_specs: { [nodeA]: { error: 'unknown node' } } }),
    }),
    deeployEndpoint({
      path: '/reconcile_csp_escrow_jobs',
      schema: schemas.reconcileResultSchema(),
      result: () => ({ status: 'success', results: {} }),
    }),
    oracleEndpoint({
      path: '/current_epoch',
      schema: oracle.currentEpochResultSchema(),
      result: () => ({ current_epoch: 200 }),
    }),
    oracleEndpoint({
      path: '/active_nodes_list',
      schema: oracle.activeNodesListResultSchema(),
      result: () => ({
        nodes_total_items: 0,
        nodes_total_pages: 0,
        nodes_items_per_page: 10,
        nodes_page: 1,
        nodes: {},
      }),
    }),
    oracleEndpoint({
      path: '/active_nodes_country_stats',
      schema: oracle.countryStatsResultSchema(),
      result: () => ({ countries: [] }),
    }),
    ...(['/node_last_epoch', '/node_epochs_range'] as const).map((path) =>
      oracleEndpoint({
        path,
        schema: oracle.nodeEpochsResultSchema(),
        result: () => ({ node: nodeA, epochs: [], epochs_vals: [] }),
      }),
    ),
    oracleEndpoint({
      path: '/nodes_list',
      schema: oracle.nodesListResultSchema(),
      result: () => ({ nodes: { [nodeA]: { alias: 'a' } } }),
    }),
    oracleEndpoint({
      path: '/node_epochs',
      schema: oracle.nodeEpochsResultSchema(),
      result: () => ({ node: nodeA, epochs: [1, 2], epochs_vals: [255, 128] }),
    }),
    oracleEndpoint({
      path: '/node_epoch',
      schema: oracle.nodeEpochResultSchema(),
      result: (url) => ({
        node: nodeA,
        epoch_id: Number(url.searchParams.get('epoch')),
        epoch_val: 128,
        epoch_prc: 0.502,
      }),
    }),
    oracleEndpoint({
      path: '/multi_node_epochs_range',
      method: 'post',
      schema: oracle.multiNodeEpochsResultSchema(),
      result: () => ({}),
    }),
  ]
}
