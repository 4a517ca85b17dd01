import type { CloudflareClient } from './client.js'
import { configureTunnelIngress } from './configureTunnelIngress.js'
import { createTunnel } from './createTunnel.js'
import type { CreateTunnelDnsRecordErrorType } from './createTunnelDnsRecord.js'
import { createTunnelDnsRecord } from './createTunnelDnsRecord.js'
import { getTunnelToken } from './getTunnelToken.js'
import type { CloudflareDnsRecord, CloudflareTunnel } from './schemas.js'

export type CreatePublicHostnameParameters = {
  /** Tunnel name, e.g. `<project>-<job alias>`. */
  name: string
  /** Public hostname in the client's zone, e.g. `shop.example.com`. */
  hostname: string
  /** The job's port as the node's `cloudflared` reaches it. @default `http://localhost:<port>` */
  port: number
  /** Override the origin URL (e.g. `https://localhost:8443`). */
  service?: string | undefined
  signal?: AbortSignal | undefined
}
export type CreatePublicHostnameReturnType = {
  tunnel: CloudflareTunnel
  /** Put this in the template's `tunnel.token` (the job's `CLOUDFLARE_TOKEN`). */
  token: string
  dnsRecord: CloudflareDnsRecord
  /** `https://<hostname>` */
  url: string
}
export type CreatePublicHostnameErrorType = CreateTunnelDnsRecordErrorType

/**
 * Gives a job a public hostname in one call: creates a tunnel, routes `hostname` to the job's port,
 * creates the proxied CNAME and returns the connector token for the job's template.
 *
 * @example
 * ```ts
 * import { createCloudflareClient, createPublicHostname } from '@ratio1/sdk-deeploy/tunnels'
 * import { buildGenericApp } from '@ratio1/sdk-deeploy'
 * const { token, url } = await createPublicHostname(cloudflare, { name: 'shop-web', hostname: 'shop.example.com', port: 80 })
 * const request = buildGenericApp({ jobId, jobType: 1, alias: 'web', image: 'nginx:1.27', port: 80, tunnel: { token }, targetNodesCount: 2 })
 * ```
 */
export async function createPublicHostname(
  client: CloudflareClient,
  parameters: CreatePublicHostnameParameters,
): Promise<CreatePublicHostnameReturnType> {
  const { signal } = parameters
  const tunnel = await createTunnel(client, { name: parameters.name, signal })
  await configureTunnelIngress(client, {
    tunnelId: tunnel.id,
    ingress: [
      {
        hostname: parameters.hostname,
        service: parameters.service ?? `http://localhost:${parameters.port}`,
      },
    ],
    signal,
  })
  const dnsRecord = await createTunnelDnsRecord(client, {
    tunnelId: tunnel.id,
    hostname: parameters.hostname,
    signal,
  })
  const token = tunnel.token ?? (await getTunnelToken(client, { tunnelId: tunnel.id, signal }))
  return { tunnel, token, dnsRecord, url: `https://${parameters.hostname}` }
}
