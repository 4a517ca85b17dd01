import { FleetNodeError } from '../errors/oracle.js'
import type { Fleet, FleetNode, PlacedWorkload } from './types.js'

export type CreateHttpFleetParameters = {
  /** Base URL of a fleet served by `serveFleet`. */
  url: string
  /** Per-request timeout, ms. @default 10_000 */
  timeoutMs?: number | undefined
}

/**
 * A `Fleet` that talks to a fleet served over HTTP by `serveFleet`: how the devnet's oracle processes
 * share one simulated fleet, and the shape a remote network adapter takes. `sendCommand` fails with
 * the server's message when the served fleet cannot deliver commands.
 *
 * @example
 * ```ts
 * import { createHttpFleet } from '@ratio1/sdk-oracle'
 * const fleet = createHttpFleet({ url: 'http://127.0.0.1:7000' })
 * const nodes = await fleet.listNodes()
 * ```
 */
export function createHttpFleet(
  parameters: CreateHttpFleetParameters,
): Fleet & Required<Pick<Fleet, 'sendCommand'>> {
  const base = parameters.url.replace(/\/$/, '')
  const timeout = parameters.timeoutMs ?? 10_000
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(base + path, {
      method,
      signal: AbortSignal.timeout(timeout),
      ...(body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
          }),
    })
    const data = await response.json()
    if (!response.ok) {
      if (data?.name === 'FleetNodeError') {
        const sent = body as { node?: string; appId?: string }
        throw new FleetNodeError({
          node: String(sent?.node),
          // Older servers send only the message; its wording tells the reason apart.
          reason: ['unknown', 'offline', 'not-running'].includes(data.reason)
            ? data.reason
            : /offline/.test(data.error)
              ? 'offline'
              : 'unknown',
          ...(typeof data.jobId === 'string' ? { jobId: BigInt(data.jobId) } : {}),
          ...(data.reason === 'not-running' && typeof sent?.appId === 'string'
            ? { appId: sent.appId }
            : {}),
        })
      }
      throw new Error(`fleet ${method} ${path} failed (${response.status}): ${data?.error}`)
    }
    return data
  }
  return {
    async listNodes() {
      return (await call('GET', '/nodes')) as FleetNode[]
    },
    async listWorkloads() {
      const list = (await call('GET', '/workloads')) as (Omit<PlacedWorkload, 'jobId'> & {
        jobId: string
      })[]
      return list.map((w) => ({ ...w, jobId: BigInt(w.jobId) }))
    },
    async startWorkload({ node, workload }) {
      await call('POST', '/start', { node, workload })
    },
    async stopWorkload({ node, jobId }) {
      await call('POST', '/stop', { node, jobId })
    },
    async sendCommand(command) {
      await call('POST', '/command', command)
    },
  }
}
