import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'
import type { HttpRequestErrorType, TimeoutErrorType } from '../errors/request.js'
import type { CloudflareClient } from './client.js'
import type { CloudflareApiErrorType } from './errors.js'
import { type CloudflareDnsRecord, dnsRecordSchema } from './schemas.js'

export type CreateTunnelDnsRecordParameters = {
  tunnelId: string
  /** The public hostname, in the client's zone. */
  hostname: string
  signal?: AbortSignal | undefined
}
export type CreateTunnelDnsRecordReturnType = CloudflareDnsRecord
export type CreateTunnelDnsRecordErrorType =
  | InvalidParameterErrorType
  | CloudflareApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType

/**
 * Points a hostname at a tunnel: a proxied DNS `CNAME` to `<tunnel id>.cfargotunnel.com`
 * (`POST /zones/{zone_id}/dns_records`). The client needs a `zoneId`.
 *
 * @example
 * ```ts
 * import { createTunnelDnsRecord } from '@ratio1/sdk-deeploy/tunnels'
 * await createTunnelDnsRecord(cloudflare, { tunnelId, hostname: 'shop.example.com' })
 * ```
 */
export async function createTunnelDnsRecord(
  client: CloudflareClient,
  parameters: CreateTunnelDnsRecordParameters,
): Promise<CreateTunnelDnsRecordReturnType> {
  if (!client.zoneId)
    throw new InvalidParameterError({
      field: 'zoneId',
      value: undefined,
      rule: 'the zone of the hostname (createCloudflareClient({ zoneId }))',
    })
  if (
    !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(parameters.hostname)
  )
    throw new InvalidParameterError({
      field: 'hostname',
      value: parameters.hostname,
      rule: 'a DNS hostname such as app.example.com',
    })
  return client.request({
    method: 'POST',
    path: `/zones/${client.zoneId}/dns_records`,
    json: {
      type: 'CNAME',
      name: parameters.hostname,
      content: `${parameters.tunnelId}.cfargotunnel.com`,
      proxied: true,
      ttl: 1,
    },
    schema: dnsRecordSchema,
    signal: parameters.signal,
  })
}
