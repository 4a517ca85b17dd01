import * as z from 'zod/mini'
import type { HttpRequestErrorType, TimeoutErrorType } from '../errors/request.js'
import type { CloudflareClient } from './client.js'
import type { CloudflareApiErrorType } from './errors.js'
import { type CloudflareTunnel, tunnelSchema } from './schemas.js'

export type ListTunnelsParameters = {
  /** Only the tunnel with this name. */
  name?: string | undefined
  /** Include deleted tunnels. @default false */
  includeDeleted?: boolean | undefined
  /** 1-based page of 50. @default 1 */
  page?: number | undefined
  signal?: AbortSignal | undefined
}
export type ListTunnelsReturnType = CloudflareTunnel[]
export type ListTunnelsErrorType = CloudflareApiErrorType | HttpRequestErrorType | TimeoutErrorType

/**
 * Lists the account's Cloudflare tunnels (`GET /accounts/{account_id}/cfd_tunnel`), not deleted ones by
 * default.
 *
 * @example
 * ```ts
 * import { listTunnels } from '@ratio1/sdk-deeploy/tunnels'
 * const tunnels = await listTunnels(cloudflare, { name: 'shop-web' })
 * ```
 */
export async function listTunnels(
  client: CloudflareClient,
  parameters: ListTunnelsParameters = {},
): Promise<ListTunnelsReturnType> {
  return client.request({
    method: 'GET',
    path: `/accounts/${client.accountId}/cfd_tunnel`,
    searchParams: {
      is_deleted: parameters.includeDeleted ?? false,
      page: parameters.page ?? 1,
      per_page: 50,
      ...(parameters.name === undefined ? {} : { name: parameters.name }),
    },
    schema: z.array(tunnelSchema),
    signal: parameters.signal,
  })
}
