import type * as z from 'zod/mini'
import type { HttpRequestErrorType, TimeoutErrorType } from '../errors/request.js'
import type { CloudflareClient } from './client.js'
import type { CloudflareApiErrorType } from './errors.js'
import { configurationSchema, type IngressRule } from './schemas.js'

export type ConfigureTunnelIngressParameters = {
  tunnelId: string
  /** Hostname → origin rules, e.g. `{ hostname: 'shop.example.com', service: 'http://localhost:8080' }`. */
  ingress: IngressRule[]
  signal?: AbortSignal | undefined
}
/**
 * The tunnel configuration as Cloudflare stored it.
 *
 * @useDeclaredType
 */
export type ConfigureTunnelIngressReturnType = z.output<typeof configurationSchema>
export type ConfigureTunnelIngressErrorType =
  | CloudflareApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType

/**
 * Sets the public hostnames of a remotely managed tunnel
 * (`PUT /accounts/{account_id}/cfd_tunnel/{tunnel_id}/configurations`). Cloudflare requires the last
 * rule to be a catch-all; one answering 404 is appended when the given rules do not end with one.
 *
 * @example
 * ```ts
 * import { configureTunnelIngress } from '@ratio1/sdk-deeploy/tunnels'
 * await configureTunnelIngress(cloudflare, {
 *   tunnelId, ingress: [{ hostname: 'shop.example.com', service: 'http://localhost:8080' }],
 * })
 * ```
 */
export async function configureTunnelIngress(
  client: CloudflareClient,
  parameters: ConfigureTunnelIngressParameters,
): Promise<ConfigureTunnelIngressReturnType> {
  const ingress = [...parameters.ingress]
  if (ingress.length === 0 || ingress[ingress.length - 1]!.hostname !== undefined)
    ingress.push({ service: 'http_status:404' })
  return client.request({
    method: 'PUT',
    path: `/accounts/${client.accountId}/cfd_tunnel/${encodeURIComponent(parameters.tunnelId)}/configurations`,
    json: { config: { ingress } },
    schema: configurationSchema,
    signal: parameters.signal,
  })
}
