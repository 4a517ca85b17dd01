import { z } from 'zod'

export const tunnelSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  created_at: z.string().optional(),
  deleted_at: z.string().nullish(),
  status: z.string().optional(),
  config_src: z.string().optional(),
  remote_config: z.boolean().optional(),
  connections: z.array(z.record(z.string(), z.unknown())).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** Returned by create: the connector token `cloudflared` (and `CLOUDFLARE_TOKEN`) uses. */
  token: z.string().optional(),
})
/** A Cloudflare tunnel as the v4 API returns it. */
export type CloudflareTunnel = z.output<typeof tunnelSchema>

export const dnsRecordSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  content: z.string(),
  proxied: z.boolean().optional(),
  ttl: z.number().optional(),
})
export type CloudflareDnsRecord = z.output<typeof dnsRecordSchema>

export const ingressRuleSchema = z.object({
  /** Public hostname; omit only on the final catch-all rule. */
  hostname: z.string().optional(),
  /** Origin as seen from the node, e.g. `http://localhost:8080`, or `http_status:404`. */
  service: z.string(),
  path: z.string().optional(),
  originRequest: z.record(z.string(), z.unknown()).optional(),
})
export type IngressRule = z.input<typeof ingressRuleSchema>

export const configurationSchema = z.looseObject({
  tunnel_id: z.string().optional(),
  version: z.number().optional(),
  config: z.looseObject({ ingress: z.array(ingressRuleSchema).optional() }).nullish(),
})
