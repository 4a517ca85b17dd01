import * as z from 'zod'
import type { TemplateValidationErrorType } from '../errors/template.js'
import { memo } from '../internal/memo.js'
import type { CreatePipelineRequest, PluginInstanceConfig } from '../types/pipeline.js'
import { paidJobType, parseOrThrow, placementFields } from './internal.js'
import { aliasSchema, envSchema, nodeAddressSchema, placementShape, portSchema } from './schemas.js'
import { type ServiceTemplate, serviceTemplates } from './services.js'

const keys = /* @__PURE__ */ memo(
  () => serviceTemplates.map((service) => service.key) as [string, ...string[]],
)

const serviceAppSchema = /* @__PURE__ */ memo(() =>
  z
    .object({
      ...placementShape(),
      /** Catalogue key (`postgresql`, `n8n`…) or id. */
      service: z.union([z.enum(keys()), z.number().int()]),
      alias: aliasSchema().optional(),
      /** Services run on exactly one node. */
      targetNodes: z.array(nodeAddressSchema()).max(1, 'a service runs on one node').optional(),
      targetNodesCount: z.literal(1, 'a service runs on one node').optional(),
      /** Values of the service's inputs (env keys); inputs without a default are required. */
      inputs: z.record(z.string(), z.string().min(1, 'input values cannot be empty')).optional(),
      /** Extra environment variables. */
      env: envSchema().optional(),
      /** Public access through the service's tunnel engine; without it a host port is mapped. */
      public: z
        .union([
          z.object({ engine: z.literal('cloudflare'), token: z.string().min(3).max(512) }).strict(),
          z
            .object({
              engine: z.literal('ngrok'),
              authToken: z.string().min(3).max(512),
              edgeLabel: z
                .string()
                .min(3, 'ngrok edge labels are 3–64 characters')
                .max(64, 'ngrok edge labels are 3–64 characters'),
            })
            .strict(),
        ])
        .optional(),
      /** Host port for a private service (default: a free-looking port in 32001–32700). */
      hostPort: portSchema().optional(),
    })
    .strict()
    .superRefine((input, ctx) => {
      const service = findService(input.service)
      if (!service) {
        ctx.addIssue({
          code: 'custom',
          path: ['service'],
          message: `unknown service ${String(input.service)}`,
        })
        return
      }
      for (const item of service.inputs)
        if (input.inputs?.[item.key] === undefined && item.defaultValue === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['inputs', item.key],
            message: `${service.name} needs ${item.label} (${item.key})`,
          })
      for (const key of Object.keys(input.inputs ?? {}))
        if (!service.inputs.some((item) => item.key === key))
          ctx.addIssue({
            code: 'custom',
            path: ['inputs', key],
            message: `${service.name} has no input ${key}`,
          })
      if (input.public && input.public.engine !== service.tunnelEngine)
        ctx.addIssue({
          code: 'custom',
          path: ['public', 'engine'],
          message: `${service.name} is exposed through ${service.tunnelEngine}`,
        })
      if (input.public && input.hostPort !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['hostPort'],
          message: 'a public service uses its tunnel, not a host port',
        })
    }),
)

function findService(key: string | number): ServiceTemplate | undefined {
  return serviceTemplates.find((service) => service.key === key || service.id === key)
}

/**
 * A catalogue service on a paid service job.
 *
 * @useDeclaredType
 */
export type BuildServiceAppParameters = Omit<
  z.input<ReturnType<typeof serviceAppSchema>>,
  'targetNodesCount'
> & {
  targetNodesCount?: 1 | undefined
}
export type BuildServiceAppReturnType = CreatePipelineRequest
export type BuildServiceAppErrorType = TemplateValidationErrorType

/**
 * Builds the `/create_pipeline` request of a catalogue service (PostgreSQL, MySQL, MongoDB, n8n, VDO.Ninja,
 * Docker Registry, Neo4j, Moodle, Matrix Synapse, OpenBao): the template's image, port, env, volumes and
 * commands, the caller's inputs, and either public access through the service's tunnel engine or a host
 * port mapping. Services run on one node and need a service job type (50–52); resources are the tier's.
 *
 * @throws {TemplateValidationError} listing every rule the input breaks.
 *
 * @example
 * ```ts
 * import { buildServiceApp } from '@ratio1/sdk-deeploy'
 * const request = buildServiceApp({
 *   service: 'postgresql', jobId: 9n, jobType: 50, targetNodesCount: 1,
 *   inputs: { POSTGRES_PASSWORD: 'change-me' },
 * })
 * ```
 */
export function buildServiceApp(parameters: BuildServiceAppParameters): BuildServiceAppReturnType {
  const input = parseOrThrow(serviceAppSchema(), { targetNodesCount: 1, ...parameters }, 'service')
  const service = findService(input.service)!
  const jobType = paidJobType(input.jobType, ['service'], `${service.name} service`)
  const inputs = Object.fromEntries(
    service.inputs.map((item) => [item.key, input.inputs?.[item.key] ?? item.defaultValue!]),
  )
  const hostPort = input.hostPort ?? 32001 + Math.floor(Math.random() * 700)
  const exposure = input.public
    ? input.public.engine === 'cloudflare'
      ? {
          TUNNEL_ENGINE: 'cloudflare',
          TUNNEL_ENGINE_ENABLED: true,
          CLOUDFLARE_TOKEN: input.public.token,
        }
      : {
          TUNNEL_ENGINE: 'ngrok',
          TUNNEL_ENGINE_ENABLED: true,
          NGROK_AUTH_TOKEN: input.public.authToken,
          NGROK_EDGE_LABEL: input.public.edgeLabel,
        }
    : { TUNNEL_ENGINE: service.tunnelEngine, TUNNEL_ENGINE_ENABLED: false }
  const plugin: PluginInstanceConfig = {
    plugin_signature: service.pluginSignature,
    IMAGE: service.image,
    CONTAINER_RESOURCES: {
      cpu: jobType.resources.cpu,
      memory: jobType.resources.memory,
      ...(input.public ? {} : { ports: { [String(hostPort)]: service.port } }),
    },
    PORT: service.port,
    ENV: { ...(service.env ?? {}), ...inputs, ...(input.env ?? {}) },
    DYNAMIC_ENV: {},
    VOLUMES: { ...(service.volumes ?? {}) },
    FILE_VOLUMES: {},
    BUILD_AND_RUN_COMMANDS: [...(service.buildAndRunCommands ?? [])],
    RESTART_POLICY: 'always',
    IMAGE_PULL_POLICY: 'always',
    ...(service.pluginParams ?? {}),
    ...exposure,
  }
  return {
    ...placementFields({ ...input, alias: input.alias ?? service.key.replace(/_/g, '-') }),
    job_app_type: 'service',
    plugins: [plugin],
    pipeline_input_type: 'void',
    pipeline_input_uri: null,
    pipeline_params: {},
  }
}
