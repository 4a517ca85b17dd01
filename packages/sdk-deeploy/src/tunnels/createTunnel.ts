import type { HttpRequestErrorType, TimeoutErrorType } from '../errors/request.js'
import type { CloudflareClient } from './client.js'
import type { CloudflareApiErrorType } from './errors.js'
import { type CloudflareTunnel, tunnelSchema } from './schemas.js'

export type CreateTunnelParameters = {
  /** Tunnel name, unique in the account (e.g. `<project>-<job alias>`). */
  name: string
  signal?: AbortSignal | undefined
}
/** The tunnel; `token` is the connector token to put in the job's `CLOUDFLARE_TOKEN`. */
export type CreateTunnelReturnType = CloudflareTunnel
export type CreateTunnelErrorType = CloudflareApiErrorType | HttpRequestErrorType | TimeoutErrorType

/**
 * Creates a remotely managed Cloudflare tunnel (`POST /accounts/{account_id}/cfd_tunnel` with
 * `config_src: "cloudflare"`), whose ingress is then set with {@link configureTunnelIngress}.
 *
 * @example
 * ```ts
 * import { createCloudflareClient, createTunnel } from '@ratio1/sdk-deeploy/tunnels'
 * const tunnel = await createTunnel(cloudflare, { name: 'shop-web' })
 * ```
 */
export async function createTunnel(
  client: CloudflareClient,
  parameters: CreateTunnelParameters,
): Promise<CreateTunnelReturnType> {
  return client.request({
    method: 'POST',
    path: `/accounts/${client.accountId}/cfd_tunnel`,
    json: { name: parameters.name, config_src: 'cloudflare' },
    schema: tunnelSchema,
    signal: parameters.signal,
  })
}
