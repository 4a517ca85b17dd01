import * as z from 'zod'
import { memo } from '../internal/memo.js'

// zod schemas of the template inputs. Limits and patterns follow the Deeploy dApp's forms and what the
// oracle enforces (spec deeploy-dapp §5.3–5.4, deeploy-api §4); messages name the rule.

export const nodeAddressSchema = /* @__PURE__ */ memo(() =>
  z
    .string()
    .max(52, 'a node address has at most 52 characters')
    .regex(/^0xai_[A-Za-z0-9_-]+$/, 'expected a node address like 0xai_…'),
)

const uniqueList = <item extends z.ZodType>(item: item, max: number, what: string) =>
  z
    .array(item)
    .max(max, `at most ${max} ${what}`)
    .refine((list) => new Set(list as unknown[]).size === list.length, `${what} must be unique`)

export const jobIdSchema = /* @__PURE__ */ memo(() =>
  z.union([
    z.bigint().positive('the on-chain job id is positive'),
    z.number().int().positive('the on-chain job id is positive'),
  ]),
)

export const aliasSchema = /* @__PURE__ */ memo(() =>
  z
    .string()
    .min(3, 'at least 3 characters')
    .max(36, 'at most 36 characters')
    .regex(/^[a-zA-Z0-9_-]*$/, 'only letters, digits, "_" and "-"'),
)

export const portSchema = /* @__PURE__ */ memo(() =>
  z.number().int().min(1, 'ports are 1–65535').max(65535, 'ports are 1–65535'),
)

const envKeyPattern = /^[A-Za-z_][A-Za-z0-9_]*$/

// zod reports a bad record key only as "Invalid key in record"; check names here to say which rule.
const envKeysRule = (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const key of Object.keys(value))
    if (!envKeyPattern.test(key))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `"${key}": environment variable names are letters, digits and "_" (not starting with a digit)`,
      })
}

export const envSchema = /* @__PURE__ */ memo(() =>
  z
    .record(z.string(), z.string())
    .superRefine(envKeysRule)
    .refine((env) => Object.keys(env).length <= 50, 'at most 50 variables'),
)

export const dynamicEnvPartSchema = /* @__PURE__ */ memo(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('static'),
      value: z.string().max(128, 'static parts are at most 128 characters'),
    }),
    z.object({ type: z.literal('host_ip') }),
    z.object({
      type: z.literal('shmem'),
      path: z.tuple([
        z.string().min(1, 'provider plugin name required'),
        z.string().min(1, 'key required'),
      ]),
    }),
  ]),
)
/**
 * One part of a dynamic environment variable: a static string, the host's IP, or a value another plugin shares.
 *
 * @useDeclaredType
 */
export type DynamicEnvPart = z.input<ReturnType<typeof dynamicEnvPartSchema>>

export const dynamicEnvSchema = /* @__PURE__ */ memo(() =>
  z
    .record(
      z.string(),
      z.array(dynamicEnvPartSchema()).min(1, 'at least 1 part').max(10, 'at most 10 parts'),
    )
    .superRefine(envKeysRule)
    .refine((env) => Object.keys(env).length <= 50, 'at most 50 variables'),
)

export const volumesSchema = /* @__PURE__ */ memo(() =>
  z
    .record(
      z.string().min(1, 'volume names cannot be empty'),
      z.string().regex(/^\//, 'mount paths are absolute (start with "/")'),
    )
    .refine((volumes) => Object.keys(volumes).length <= 50, 'at most 50 volumes'),
)

export const fileVolumesSchema = /* @__PURE__ */ memo(() =>
  z
    .record(
      z
        .string()
        .min(2, 'file volume names are 2–256 characters')
        .max(256, 'file volume names are 2–256 characters'),
      z.object({
        content: z
          .string()
          .min(1, 'file content cannot be empty')
          .refine((c) => new TextEncoder().encode(c).length <= 1_048_576, 'files are at most 1 MB'),
        mountingPoint: z
          .string()
          .min(2, 'mounting points are 2–512 characters')
          .max(512, 'mounting points are 2–512 characters')
          .regex(/^\//, 'mounting points are absolute (start with "/")'),
      }),
    )
    .refine((volumes) => Object.keys(volumes).length <= 50, 'at most 50 file volumes'),
)

export const portMappingsSchema = /* @__PURE__ */ memo(() =>
  z
    .array(z.object({ hostPort: portSchema(), containerPort: portSchema() }))
    .max(50, 'at most 50 port mappings')
    .refine(
      (ports) => new Set(ports.map((p) => p.hostPort)).size === ports.length,
      'host ports must be unique',
    ),
)

export const cloudflareTunnelSchema = /* @__PURE__ */ memo(() =>
  z.object({
    /** The token of a Cloudflare tunnel (see `createTunnel` in `@ratio1/sdk-deeploy/tunnels`). */
    token: z
      .string()
      .min(3, 'tunnel tokens are 3–512 characters')
      .max(512, 'tunnel tokens are 3–512 characters'),
  }),
)

// Keys the builders own; custom parameters may not override them (the dApp's reserved list).
export const reservedConfigKeys = [
  'ENV',
  'DYNAMIC_ENV',
  'VOLUMES',
  'FILE_VOLUMES',
  'CONTAINER_RESOURCES',
  'PORT',
  'TUNNEL_ENGINE_ENABLED',
  'CLOUDFLARE_TOKEN',
  'RESTART_POLICY',
  'IMAGE_PULL_POLICY',
  'IMAGE',
  'VCS_DATA',
  'CR_DATA',
  'BUILD_AND_RUN_COMMANDS',
  'CHAINSTORE_PEERS',
  'CHAINSTORE_RESPONSE_KEY',
  'INSTANCE_ID',
  'TUNNEL_ENGINE',
  'NGROK_AUTH_TOKEN',
  'NGROK_EDGE_LABEL',
  'NGROK_USE_API',
  'PLUGIN_NAME',
]

export const customParamsSchema = /* @__PURE__ */ memo(() =>
  z
    .record(z.string().min(1), z.unknown())
    .refine((params) => Object.keys(params).length <= 50, 'at most 50 custom parameters')
    .superRefine((params, ctx) => {
      for (const key of Object.keys(params))
        if (reservedConfigKeys.includes(key.toUpperCase()))
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${key} is set by the template, not a custom parameter`,
          })
    }),
)

/** Node selection, tags and project metadata shared by every template. */
export const placementShape = /* @__PURE__ */ memo(() => ({
  /** The paid on-chain job (`CspEscrow.createJobs`). */
  jobId: jobIdSchema(),
  /** The job type it was paid for (sdk-core catalogue id). */
  jobType: z.number().int(),
  alias: aliasSchema(),
  /** Explicit nodes; when absent the oracle picks `targetNodesCount` nodes. */
  targetNodes: uniqueList(nodeAddressSchema(), 100, 'target nodes').optional(),
  targetNodesCount: z
    .number()
    .int()
    .min(1, 'at least 1 node')
    .max(100, 'at most 100 nodes')
    .optional(),
  spareNodes: uniqueList(nodeAddressSchema(), 25, 'spare nodes').optional(),
  allowReplicationInTheWild: z.boolean().optional(),
  /** Node filters: `kyb: true` ⇒ KYB nodes only (`IS_KYB`), `false` ⇒ KYC-only nodes (`!IS_KYB`). */
  kyb: z.boolean().optional(),
  /** ISO-3166 alpha-2 codes; any of them (`CT:FR||CT:IT`). */
  countries: z
    .array(z.string().regex(/^[A-Za-z]{2}$/, 'country codes are ISO-3166 alpha-2'))
    .optional(),
  /** Raw oracle tag filters (`REG:EU`, `!DC:X`, `A||B`). */
  tags: z.array(z.string().min(1)).optional(),
  /** The on-chain `projectHash` (bytes32). */
  projectId: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, 'project ids are the bytes32 projectHash')
    .optional(),
  projectName: z
    .string()
    .min(3, 'project names are 3–36 characters')
    .max(36, 'project names are 3–36 characters')
    .regex(/^[a-zA-Z0-9_-]*$/, 'only letters, digits, "_" and "-"')
    .optional(),
  /** Wait for every instance to confirm readiness (create then reports `success`). @default true */
  chainstoreResponse: z.boolean().optional(),
}))

export const placementRefinement = (
  value: { targetNodes?: string[] | undefined; targetNodesCount?: number | undefined },
  ctx: z.RefinementCtx,
) => {
  const explicit = value.targetNodes?.length ?? 0
  if (explicit === 0 && value.targetNodesCount === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['targetNodesCount'],
      message: 'give targetNodes or targetNodesCount',
    })
  if (explicit > 0 && value.targetNodesCount !== undefined && value.targetNodesCount !== explicit)
    ctx.addIssue({
      code: 'custom',
      path: ['targetNodesCount'],
      message: `must equal the number of targetNodes (${explicit})`,
    })
}

/** A container image or a GitHub repository build, with everything a container plugin takes. */
export const containerShape = /* @__PURE__ */ memo(() => ({
  /** Container image, e.g. `nginx:1.27`; for repository builds the build image (default `node:22`). */
  image: z
    .string()
    .min(3, 'images are 3–256 characters')
    .max(256, 'images are 3–256 characters')
    .optional(),
  /** Private registry credentials. */
  registry: z
    .object({
      server: z
        .string()
        .min(3, 'registries are 3–128 characters')
        .max(128, 'registries are 3–128 characters')
        .regex(/^[^/]+\.[^/]+$/, 'a registry host such as docker.io or ghcr.io')
        .optional(),
      username: z
        .string()
        .min(3, 'usernames are 3–128 characters')
        .max(128, 'usernames are 3–128 characters'),
      password: z
        .string()
        .min(3, 'passwords are 3–256 characters')
        .max(256, 'passwords are 3–256 characters'),
    })
    .optional(),
  /** Build and run a GitHub repository (Worker App Runner) instead of a prebuilt image. */
  repository: z
    .object({
      url: z
        .string()
        .min(3)
        .max(512, 'repository URLs are at most 512 characters')
        .regex(
          /^https?:\/\/github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?(\.git)?(\/.*)?$/,
          'a GitHub repository URL (https://github.com/<owner>/<repo>)',
        ),
      username: z.string().max(256, 'usernames are at most 256 characters').optional(),
      token: z.string().max(512, 'access tokens are at most 512 characters').optional(),
      branch: z.string().min(1).max(256).optional(),
      /** Commands run in order; default `npm install`, `npm run build`, `npm start`. */
      commands: uniqueList(
        z
          .string()
          .min(2, 'commands are 2–512 characters')
          .max(512, 'commands are 2–512 characters'),
        50,
        'commands',
      ).optional(),
    })
    .optional(),
  /** The port the app listens on (the tunnel's target). */
  port: portSchema().optional(),
  /** Host → container port mappings on the node. */
  ports: portMappingsSchema().optional(),
  /** Expose `port` through a Cloudflare tunnel. */
  tunnel: cloudflareTunnelSchema().optional(),
  env: envSchema().optional(),
  dynamicEnv: dynamicEnvSchema().optional(),
  volumes: volumesSchema().optional(),
  fileVolumes: fileVolumesSchema().optional(),
  restartPolicy: z.enum(['always', 'on-failure', 'unless-stopped', 'no']).optional(),
  imagePullPolicy: z.enum(['always', 'manual']).optional(),
  /** Extra plugin config keys (UPPER_CASE), e.g. `{ CONTAINER_START_COMMAND: '...' }`. */
  custom: customParamsSchema().optional(),
  /**
   * The container's resources, when stated: memory in any common spelling (`512mb`, `2g`, `16GiB`, or MiB
   * as a number). They must equal the paid job type's (a native job's containers may use less); when
   * omitted the job type's resources are used.
   */
  resources: z
    .object({
      cpu: z.number().positive('cpu is a positive number of cores'),
      memory: z.union([z.string(), z.number()]),
    })
    .strict()
    .optional(),
}))

export const containerRefinement = (
  value: {
    image?: string | undefined
    repository?: unknown
    registry?: unknown
    tunnel?: unknown
    port?: number | undefined
  },
  ctx: z.RefinementCtx,
) => {
  if (!value.image && !value.repository)
    ctx.addIssue({ code: 'custom', path: ['image'], message: 'give an image or a repository' })
  if (value.repository && value.registry)
    ctx.addIssue({
      code: 'custom',
      path: ['registry'],
      message: 'registry credentials apply to images, not repository builds',
    })
  if (value.tunnel && value.port === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['port'],
      message: 'a tunnel needs the port it forwards to',
    })
}
