import * as z from 'zod/mini'
import type { HttpRequestErrorType, TimeoutErrorType } from '../errors/request.js'
import type { CloudflareClient } from './client.js'
import type { CloudflareApiErrorType } from './errors.js'

export type GetTunnelTokenParameters = { tunnelId: string; signal?: AbortSignal | undefined }
/** The connector token; a secret: it lets anyone run the tunnel's origin. */
export type GetTunnelTokenReturnType = string
export type GetTunnelTokenErrorType =
  | CloudflareApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType

/**
 * Reads a tunnel's connector token (`GET /accounts/{account_id}/cfd_tunnel/{tunnel_id}/token`), the
 * value a job's `CLOUDFLARE_TOKEN` (template `tunnel.token`) needs.
 *
 * @example
 * ```ts
 * import { getTunnelToken } from '@ratio1/sdk-deeploy/tunnels'
 * const token = await getTunnelToken(cloudflare, { tunnelId })
 * ```
 */
export async function getTunnelToken(
  client: CloudflareClient,
  parameters: GetTunnelTokenParameters,
): Promise<GetTunnelTokenReturnType> {
  return client.request({
    method: 'GET',
    path: `/accounts/${client.accountId}/cfd_tunnel/${encodeURIComponent(parameters.tunnelId)}/token`,
    schema: z.string().check(z.minLength(1)),
    signal: parameters.signal,
  })
}
