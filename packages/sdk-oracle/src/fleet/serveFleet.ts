import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FleetNodeError } from '../errors/oracle.js'
import type { NodeAddress } from '../loops/types.js'
import type { SimulatedFleet } from './createSimulatedFleet.js'
import type { Fleet } from './types.js'

export type ServeFleetParameters = {
  /** @default '127.0.0.1' */
  host?: string | undefined
  /** @default 0 (any free port) */
  port?: number | undefined
}
export type ServeFleetReturnType = { url: string; server: Server; close(): Promise<void> }

const json = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) {
    text += chunk
    if (text.length > 1_048_576) throw new Error('body too large')
  }
  const value = JSON.parse(text || '{}')
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected an object')
  return value
}

/**
 * Serves a fleet over HTTP on loopback so several oracle processes share it (the devnet does this):
 * `GET /nodes`, `GET /workloads`, `POST /start {node, workload}`, `POST /stop {node, jobId}`,
 * `POST /command {node, jobId, appId, command, pluginSignature?, instanceId?}` (when the fleet has
 * `sendCommand`), and for a simulated fleet `POST /fail {node}`, `POST /recover {node}` and
 * `GET /commands` (what the nodes received). `createHttpFleet` is the client.
 *
 * @example
 * ```ts
 * import { createSimulatedFleet, serveFleet } from '@ratio1/sdk-oracle'
 * const { url } = await serveFleet(createSimulatedFleet(), { port: 7000 })
 * ```
 */
export async function serveFleet(
  fleet: Fleet | SimulatedFleet,
  parameters: ServeFleetParameters = {},
): Promise<ServeFleetReturnType> {
  const server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(json(body))
    }
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname
      if (req.method === 'GET' && path === '/nodes') return reply(200, await fleet.listNodes())
      if (req.method === 'GET' && path === '/workloads')
        return reply(200, await fleet.listWorkloads())
      if (req.method === 'GET' && path === '/commands' && 'commands' in fleet)
        return reply(200, fleet.commands())
      if (req.method !== 'POST') return reply(404, { error: `unknown route ${req.method} ${path}` })
      const body = await readJson(req)
      const node = body.node as NodeAddress
      if (path === '/start') {
        const w = body.workload as Record<string, unknown>
        await fleet.startWorkload({
          node,
          workload: {
            jobId: BigInt(String(w.jobId)),
            appId: String(w.appId),
            owner: w.owner as `0x${string}`,
            pipeline: (w.pipeline ?? {}) as Record<string, unknown>,
          },
        })
        return reply(200, { ok: true })
      }
      if (path === '/stop') {
        await fleet.stopWorkload({ node, jobId: BigInt(String(body.jobId)) })
        return reply(200, { ok: true })
      }
      if (path === '/command') {
        if (!fleet.sendCommand)
          return reply(501, {
            error: 'the served fleet cannot deliver commands: it does not implement sendCommand',
          })
        if (body.command === undefined)
          return reply(400, { error: 'command is required: the JSON value to deliver' })
        await fleet.sendCommand({
          node,
          jobId: BigInt(String(body.jobId)),
          appId: String(body.appId),
          command: body.command,
          ...(typeof body.pluginSignature === 'string'
            ? { pluginSignature: body.pluginSignature }
            : {}),
          ...(typeof body.instanceId === 'string' ? { instanceId: body.instanceId } : {}),
        })
        return reply(200, { ok: true })
      }
      if ((path === '/fail' || path === '/recover') && 'failNode' in fleet) {
        if (path === '/fail') fleet.failNode(node)
        else fleet.recoverNode(node)
        return reply(200, { ok: true })
      }
      return reply(404, { error: `unknown route POST ${path}` })
    } catch (error) {
      const e = error as { name?: string; shortMessage?: string; message: string }
      // The client rebuilds a FleetNodeError from these, so callers branch on the same reason.
      const detail =
        error instanceof FleetNodeError
          ? {
              node: error.node,
              reason: error.reason,
              ...(error.jobId === undefined ? {} : { jobId: error.jobId }),
            }
          : {}
      reply(400, { error: e.shortMessage ?? e.message, name: e.name, ...detail })
    }
  })
  const host = parameters.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(parameters.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      }),
  }
}
