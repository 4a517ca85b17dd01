import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type DeeployRequestType,
  deeployRequestTypes,
  toCanonicalJson,
  verifyRequest,
} from '@ratio1/sdk-deeploy'
import type { Address, PublicClient } from 'viem'
import type { Fleet } from '../fleet/types.js'
import type { Oracle, OracleAddresses } from '../oracle/createOracle.js'
import type { StateStore } from '../store/createStateStore.js'
import { type Clock, systemClock } from '../utils/clock.js'
import { type Logger, silentLogger } from '../utils/logger.js'
import { version } from '../version.js'
import { sendAppCommand, sendInstanceCommand } from './commandHandlers.js'
import {
  type Auth,
  createPipeline,
  deletePipeline,
  getApps,
  getOracleJobDetails,
  getR1fsJobPipeline,
  nodeSpecs,
  resolveEscrow,
} from './handlers.js'
import { DeeployFailure, formatTime, formatUptime, isRecord, redact } from './internal.js'
import { scaleUpJobWorkers, updatePipeline } from './jobUpdateHandlers.js'
import { getPreferredNodes, savePreferredNodes } from './preferredNodeHandlers.js'
import { reconcileCspEscrowJobs } from './reconcileHandler.js'
import { createResultSigner } from './signResult.js'
import type { ServerContext } from './types.js'

export type CreateOracleServerParameters = {
  oracle: Oracle
  fleet: Fleet
  store: StateStore
  publicClient: PublicClient
  addresses: OracleAddresses
  /** The oracle's key: its node address signs every response. */
  privateKey: `0x${string}`
  clock?: Clock | undefined
  logger?: Logger | undefined
  /** Network name in envelopes and `chain_job.network`. @default 'localnet' */
  network?: string | undefined
  /** @default 'r1-oracle' */
  alias?: string | undefined
  /** Oldest accepted nonce, seconds. @default 43_200 */
  nonceMaxAgeSeconds?: number | undefined
  /** Largest accepted body. @default 1 MiB */
  maxBodyBytes?: number | undefined
  /**
   * An escrow's Plus level; Preferred Nodes answer only when it is above 0. The deployed contracts
   * have no Plus level yet, so every escrow counts as level 1, as the original's shim does.
   * @default () => 1
   */
  plusLevel?: ((escrow: Address) => Promise<number> | number) | undefined
}

export type OracleServer = {
  /** The underlying `node:http` server. */
  server: Server
  /**
   * Answers one request in-process, as the HTTP server would (same envelope, signatures, limits and
   * counters): for `fetch`-style hosts and routers, and for tools that need no port.
   */
  handle(request: Request): Promise<Response>
  /** Listens on `host:port` (loopback by default) and resolves with the bound URL. */
  listen(parameters?: { host?: string | undefined; port?: number | undefined }): Promise<string>
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>
  /** Prometheus text of the request and loop counters. */
  metricsText(): string
}

type Body = { tooLarge: boolean; text: string }
type Reply = { status: number; headers: Record<string, string>; text: string }

type OwnerHandler = (
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) => Promise<Record<string, unknown>>

// The endpoints a CSP (owner or delegate) signs, once the signature and the escrow are checked.
const ownerHandlers: Partial<Record<string, OwnerHandler>> = {
  '/get_apps': getApps,
  '/create_pipeline': createPipeline,
  '/update_pipeline': updatePipeline,
  '/scale_up_job_workers': scaleUpJobWorkers,
  '/delete_pipeline': deletePipeline,
  '/send_instance_command': sendInstanceCommand,
  '/send_app_command': sendAppCommand,
  '/get_r1fs_job_pipeline': getR1fsJobPipeline,
  '/get_preferred_nodes': getPreferredNodes,
  '/save_preferred_nodes': savePreferredNodes,
}

class RawJson {
  constructor(readonly text: string) {}
}

// Writes change fleet or stored state; replaying their signed bodies is refused. Reads may repeat:
// clients retry them and concurrent identical reads sign identically within one millisecond.
const writePaths = new Set([
  '/create_pipeline',
  '/update_pipeline',
  '/scale_up_job_workers',
  '/delete_pipeline',
  '/send_instance_command',
  '/send_app_command',
  '/save_preferred_nodes',
])

/**
 * Creates the reference oracle's HTTP server (`node:http`): the Deeploy API of deeploy-api.md §3 with
 * the `{"result": …}` envelope and node-signed results (§1.5), requests verified with
 * `@ratio1/sdk-deeploy`'s verifier (v3, legacy, EIP-1271, nonce window) plus a replay store for
 * writes, escrow and job ownership, payment and tier checked on chain, jobs scheduled on the fleet.
 * Also serves `GET /health` and `GET /metrics`. Every failure, including malformed JSON, oversized
 * bodies and unknown paths, is answered in the envelope with `result.status = "fail"` and a message
 * that names the problem.
 *
 * @example
 * ```ts
 * import { createOracleServer } from '@ratio1/sdk-oracle/server'
 * const api = createOracleServer({ oracle, fleet, store, publicClient, addresses, privateKey })
 * const url = await api.listen({ port: 3000 })
 * ```
 */
export function createOracleServer(parameters: CreateOracleServerParameters): OracleServer {
  const clock = parameters.clock ?? systemClock
  const signer = createResultSigner(parameters.privateKey)
  const ctx: ServerContext = {
    oracle: parameters.oracle,
    fleet: parameters.fleet,
    store: parameters.store,
    publicClient: parameters.publicClient,
    addresses: parameters.addresses,
    signer,
    clock,
    logger: (parameters.logger ?? silentLogger).child({ component: 'api' }),
    network: parameters.network ?? 'localnet',
    alias: parameters.alias ?? 'r1-oracle',
    startedAt: clock.now(),
    nonceMaxAgeSeconds: parameters.nonceMaxAgeSeconds ?? 43_200,
    maxBodyBytes: parameters.maxBodyBytes ?? 1_048_576,
    plusLevel: parameters.plusLevel ?? (() => 1),
  }
  const counters = new Map<string, number>()
  const latency = { count: 0, sumMs: 0 }
  const count = (path: string, status: number) => {
    const key = `${path}|${status}`
    counters.set(key, (counters.get(key) ?? 0) + 1)
  }

  const envelope = (result: Record<string, unknown>) => {
    const epoch = ctx.oracle.lastView()?.currentEpoch
    const signed = signer.sign({
      ...result,
      server_info: {
        alias: ctx.alias,
        version,
        time: formatTime(clock.now()),
        current_epoch: epoch === undefined ? 0 : Number(epoch),
        uptime: formatUptime(clock.now() - ctx.startedAt),
      },
    })
    const rest = JSON.stringify({
      server_node_addr: signer.nodeAddress,
      evm_network: ctx.network,
      ee_node_alias: ctx.alias,
      ee_node_address: signer.nodeAddress,
      ee_node_eth_address: signer.ethAddress,
      ee_node_network: ctx.network,
      ee_node_ver: version,
    })
    // The result is written with the serializer that hashed it, so every number keeps the exact
    // spelling a verifier re-hashes (JSON.stringify writes 1e-9 where Python writes 1e-09).
    return new RawJson(`{"result":${toCanonicalJson(signed)},${rest.slice(1)}`)
  }
  const reply = (status: number, body: unknown, path: string): Reply => {
    count(path, status)
    return {
      status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'access-control-allow-origin': '*',
      },
      text: body instanceof RawJson ? body.text : JSON.stringify(body),
    }
  }
  const fail = (status: number, path: string, error: string, request?: unknown) =>
    reply(
      status,
      envelope({
        status: 'fail',
        error,
        ...(request === undefined ? {} : { request: redact(request) }),
      }),
      path,
    )

  const handleDeeploy = async (
    path: string,
    request: Record<string, unknown>,
  ): Promise<Record<string, unknown>> => {
    if (path === '/node_specs') return nodeSpecs(ctx, request)
    // Unsigned: the mined transfer transaction is the proof.
    if (path === '/reconcile_csp_escrow_jobs') return reconcileCspEscrowJobs(ctx, request)
    const requestType = deeployRequestTypes[path as keyof typeof deeployRequestTypes] as
      | DeeployRequestType
      | undefined
    if (!requestType) throw new DeeployFailure(`Unknown endpoint ${path}`)
    let verified: Awaited<ReturnType<typeof verifyRequest>>
    try {
      verified = await verifyRequest({
        request,
        requestType,
        client: ctx.publicClient,
        now: clock.now(),
        maxAgeSeconds: ctx.nonceMaxAgeSeconds,
      })
    } catch (error) {
      const message = (error as { oracleMessage?: string }).oracleMessage
      throw new DeeployFailure(message ?? (error as Error).message)
    }
    if (writePaths.has(path)) {
      const key = createHash('sha256')
        .update(`${verified.signer}|${String(request.EE_ETH_SIGN)}`)
        .digest('hex')
      const expiresAt = verified.nonceTimestamp + ctx.nonceMaxAgeSeconds * 1000
      if (!ctx.store.claimNonce(key, expiresAt, clock.now()))
        throw new DeeployFailure(
          'Replayed request: this signed request was already processed. Sign a new request with a fresh nonce.',
        )
    }
    if (path === '/get_oracle_job_details')
      return getOracleJobDetails(ctx, request, verified.signer)
    const auth: Auth = await resolveEscrow(ctx, verified.signer, verified.nonceTimestamp)
    const handler = ownerHandlers[path]
    if (!handler) throw new DeeployFailure(`Unknown endpoint ${path}`)
    return handler(ctx, request, auth)
  }

  const respond = async (
    method: string,
    path: string,
    readBody: () => Promise<Body>,
  ): Promise<Reply> => {
    const started = performance.now()
    const known =
      path in deeployRequestTypes || path === '/node_specs' || path === '/reconcile_csp_escrow_jobs'
    try {
      if (method === 'OPTIONS')
        return {
          status: 204,
          headers: {
            'access-control-allow-origin': '*',
            'access-control-allow-methods': 'GET, POST, OPTIONS',
            'access-control-allow-headers': '*',
          },
          text: '',
        }
      if (method === 'GET' && path === '/health') {
        const m = ctx.oracle.metrics()
        return reply(
          200,
          {
            status: m.lowBalance ? 'degraded' : 'ok',
            oracle: ctx.oracle.address,
            node_address: signer.nodeAddress,
            version,
            uptime: formatUptime(clock.now() - ctx.startedAt),
            last_tick_at: m.lastTickAt === undefined ? null : new Date(m.lastTickAt).toISOString(),
            current_epoch: m.lastEpoch === undefined ? null : Number(m.lastEpoch),
            low_balance: m.lowBalance,
          },
          path,
        )
      }
      if (method === 'GET' && path === '/metrics') {
        count(path, 200)
        return {
          status: 200,
          headers: { 'content-type': 'text/plain; version=0.0.4' },
          text: metricsText(),
        }
      }
      if (!known)
        return fail(
          404,
          path,
          `Unknown endpoint ${method} ${path}: see the Deeploy API paths in deeploy-api.md §3.`,
        )
      if (method !== 'POST')
        return fail(
          405,
          path,
          `${path} accepts POST with a JSON body {"request": {...}}, not ${method}.`,
        )
      const body = await readBody()
      if (body.tooLarge)
        return fail(413, path, `Request body exceeds the ${ctx.maxBodyBytes}-byte limit.`)
      let parsed: unknown
      try {
        parsed = JSON.parse(body.text)
      } catch (error) {
        return fail(422, path, `Body is not valid JSON: ${(error as Error).message}`)
      }
      if (!isRecord(parsed) || !isRecord(parsed.request))
        return fail(422, path, 'Body must be a JSON object whose "request" member is an object.')
      const request = parsed.request
      try {
        return reply(200, envelope(await handleDeeploy(path, request)), path)
      } catch (error) {
        if (error instanceof DeeployFailure) return fail(200, path, error.message, request)
        ctx.logger.error('request failed', { path, error })
        return fail(
          500,
          path,
          `ERR01_DEEPLOY_GENERIC_ERROR: internal error: ${(error as Error).message}`,
          request,
        )
      }
    } catch (error) {
      ctx.logger.error('request handling failed', { path, error })
      return fail(500, path, 'ERR01_DEEPLOY_GENERIC_ERROR: internal error.')
    } finally {
      latency.count++
      latency.sumMs += performance.now() - started
    }
  }

  const readNodeBody = (req: IncomingMessage) =>
    new Promise<Body>((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? 0)
      if (declared > ctx.maxBodyBytes) {
        resolve({ tooLarge: true, text: '' })
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      let tooLarge = false
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > ctx.maxBodyBytes) tooLarge = true
        else chunks.push(chunk)
      })
      req.on('end', () => resolve({ tooLarge, text: Buffer.concat(chunks).toString('utf8') }))
      req.on('error', reject)
    })

  const handleNode = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    let out: Reply
    try {
      out = await respond(req.method ?? 'GET', path, () => readNodeBody(req))
    } catch {
      res.destroy()
      return
    }
    // Whatever was not read (refused early, or over the limit) is drained so the socket stays usable.
    req.resume()
    res.writeHead(out.status, {
      ...out.headers,
      ...(out.status === 204 ? {} : { 'content-length': Buffer.byteLength(out.text) }),
    })
    res.end(out.text)
  }

  const readFetchBody = async (request: Request): Promise<Body> => {
    const declared = Number(request.headers.get('content-length') ?? 0)
    if (declared > ctx.maxBodyBytes) return { tooLarge: true, text: '' }
    if (!request.body) return { tooLarge: false, text: '' }
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength
      if (size > ctx.maxBodyBytes) return { tooLarge: true, text: '' }
      chunks.push(chunk)
    }
    return { tooLarge: false, text: Buffer.concat(chunks).toString('utf8') }
  }

  const server = createServer((req, res) => {
    void handleNode(req, res)
  })
  server.keepAliveTimeout = 5_000
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000

  function metricsText(): string {
    const m = ctx.oracle.metrics()
    const lines = [
      '# TYPE r1_oracle_http_requests_total counter',
      ...[...counters.entries()].map(([key, value]) => {
        const [path, status] = key.split('|')
        return `r1_oracle_http_requests_total{path="${path}",status="${status}"} ${value}`
      }),
      '# TYPE r1_oracle_http_request_seconds_sum counter',
      `r1_oracle_http_request_seconds_sum ${(latency.sumMs / 1000).toFixed(6)}`,
      `r1_oracle_http_request_seconds_count ${latency.count}`,
      '# TYPE r1_oracle_ticks_total counter',
      `r1_oracle_ticks_total ${m.ticks}`,
      `r1_oracle_tick_errors_total ${m.tickErrors}`,
      `r1_oracle_submissions_total ${m.submissions}`,
      `r1_oracle_submissions_skipped_total ${m.submissionsSkipped}`,
      `r1_oracle_allocations_total ${m.allocations}`,
      `r1_oracle_workloads_started_total ${m.workloadsStarted}`,
      `r1_oracle_workloads_stopped_total ${m.workloadsStopped}`,
      '# TYPE r1_oracle_low_balance gauge',
      `r1_oracle_low_balance ${m.lowBalance ? 1 : 0}`,
      `r1_oracle_current_epoch ${m.lastEpoch ?? 0}`,
      `r1_oracle_last_tick_ms ${m.lastTickMs ?? 0}`,
    ]
    return `${lines.join('\n')}\n`
  }

  return {
    server,
    async handle(request) {
      const path = new URL(request.url).pathname
      const out = await respond(request.method, path, () => readFetchBody(request))
      if (request.body && !request.bodyUsed) await request.body.cancel().catch(() => {})
      return new Response(out.status === 204 ? null : out.text, {
        status: out.status,
        headers: out.headers,
      })
    },
    listen({ host = '127.0.0.1', port = 0 } = {}) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const address = server.address() as AddressInfo
          resolve(`http://${host}:${address.port}`)
        })
      })
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
    },
    metricsText,
  }
}
