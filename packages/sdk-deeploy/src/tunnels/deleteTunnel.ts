import type { HttpRequestErrorType, TimeoutErrorType } from '../errors/request.js'
import type { CloudflareClient } from './client.js'
import type { CloudflareApiErrorType } from './errors.js'
import { type CloudflareTunnel, tunnelSchema } from './schemas.js'

export type DeleteTunnelParameters = { tunnelId: string; signal?: AbortSignal | undefined }
export type DeleteTunnelReturnType = CloudflareTunnel
export type DeleteTunnelErrorType = CloudflareApiErrorType | HttpRequestErrorType | TimeoutErrorType

/**
 * Deletes a Cloudflare tunnel (`DELETE /accounts/{account_id}/cfd_tunnel/{tunnel_id}`). Stop the job
 * (or remove its token) first: Cloudflare refuses to delete a tunnel with active connections. DNS
 * records pointing at it are not removed; use {@link deleteDnsRecord}.
 *
 * @example
 * ```ts
 * import { deleteTunnel } from '@ratio1/sdk-deeploy/tunnels'
 * await deleteTunnel(cloudflare, { tunnelId: tunnel.id })
 * ```
 */
export async function deleteTunnel(
  client: CloudflareClient,
  parameters: DeleteTunnelParameters,
): Promise<DeleteTunnelReturnType> {
  return client.request({
    method: 'DELETE',
    path: `/accounts/${client.accountId}/cfd_tunnel/${encodeURIComponent(parameters.tunnelId)}`,
    schema: tunnelSchema,
    signal: parameters.signal,
  })
}
