import * as z from 'zod/mini'

export const tunnelSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  created_at: z.optional(z.string()),
  deleted_at: z.nullish(z.string()),
  status: z.optional(z.string()),
  config_src: z.optional(z.string()),
  remote_config: z.optional(z.boolean()),
  connections: z.optional(z.array(z.record(z.string(), z.unknown()))),
  metadata: z.optional(z.record(z.string(), z.unknown())),
  /** Returned by create: the connector token `cloudflared` (and `CLOUDFLARE_TOKEN`) uses. */
  token: z.optional(z.string()),
})
/**
 * A Cloudflare tunnel as the v4 API returns it.
 *
 * @useDeclaredType
 */
export type CloudflareTunnel = z.output<typeof tunnelSchema>

export const dnsRecordSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  content: z.string(),
  proxied: z.optional(z.boolean()),
  ttl: z.optional(z.number()),
})
/**
 * A DNS record as Cloudflare's v4 API returns it.
 *
 * @useDeclaredType
 */
export type CloudflareDnsRecord = z.output<typeof dnsRecordSchema>

export const ingressRuleSchema = z.object({
  /** Public hostname; omit only on the final catch-all rule. */
  hostname: z.optional(z.string()),
  /** Origin as seen from the node, e.g. `http://localhost:8080`, or `http_status:404`. */
  service: z.string(),
  path: z.optional(z.string()),
  originRequest: z.optional(z.record(z.string(), z.unknown())),
})
/**
 * One ingress rule of a Cloudflare tunnel: which hostname and path go to which local service.
 *
 * @useDeclaredType
 */
export type IngressRule = z.input<typeof ingressRuleSchema>

export const configurationSchema = z.looseObject({
  tunnel_id: z.optional(z.string()),
  version: z.optional(z.number()),
  config: z.nullish(z.looseObject({ ingress: z.optional(z.array(ingressRuleSchema)) })),
})
