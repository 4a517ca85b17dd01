import * as z from 'zod'
import type { TemplateValidationErrorType } from '../errors/template.js'
import { memo } from '../internal/memo.js'
import type { CreatePipelineRequest, PluginInstanceConfig } from '../types/pipeline.js'
import {
  containerPlugin,
  containerResources,
  paidJobType,
  parseOrThrow,
  placementFields,
  tunnelConfig,
} from './internal.js'
import {
  cloudflareTunnelSchema,
  containerRefinement,
  containerShape,
  customParamsSchema,
  placementRefinement,
  placementShape,
  portSchema,
} from './schemas.js'

const pluginNameSchema = /* @__PURE__ */ memo(() =>
  z
    .string()
    .min(1)
    .max(64, 'plugin names are at most 64 characters')
    .regex(/^[a-zA-Z0-9_-]+$/, 'plugin names are letters, digits, "_" and "-"'),
)

const nativePluginSchema = /* @__PURE__ */ memo(() =>
  z
    .object({
      name: pluginNameSchema(),
      /** A native plugin signature, e.g. `LLM_INFERENCE_API`, `CUSTOM_EXEC_01`. */
      signature: z
        .string()
        .min(3, 'signatures are 3–128 characters')
        .max(128, 'signatures are 3–128 characters')
        .refine(
          (s) => s.toUpperCase() !== 'ADMIN_CONTAINER_APP_RUNNER',
          'ADMIN_CONTAINER_APP_RUNNER is forbidden',
        )
        .refine(
          (s) => !['CONTAINER_APP_RUNNER', 'WORKER_APP_RUNNER'].includes(s.toUpperCase()),
          'use `container` for container plugins',
        ),
      port: portSchema().optional(),
      tunnel: cloudflareTunnelSchema().optional(),
      /** The plugin's own config keys (UPPER_CASE). */
      config: customParamsSchema().optional(),
    })
    .strict()
    .superRefine((plugin, ctx) => {
      if (plugin.tunnel && plugin.port === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['port'],
          message: 'a tunnel needs the port it forwards to',
        })
    }),
)

const containerPluginSchema = /* @__PURE__ */ memo(() =>
  z
    .object({
      name: pluginNameSchema(),
      container: z.object(containerShape()).strict().superRefine(containerRefinement),
    })
    .strict(),
)

const nativeAppSchema = /* @__PURE__ */ memo(() =>
  z
    .object({
      ...placementShape(),
      plugins: z
        .array(z.union([nativePluginSchema(), containerPluginSchema()]))
        .min(1, 'a native app has 1–5 plugins')
        .max(5, 'a native app has 1–5 plugins'),
      /** `[consumer, provider]` plugin-name pairs; shmem dynamic env entries add their own. */
      dependencies: z.array(z.tuple([pluginNameSchema(), pluginNameSchema()])).optional(),
      pipelineInputType: z
        .enum([
          'void',
          'Void',
          'Loopback',
          'JeevesListener',
          'JeevesApiListener',
          'JeevesEmbedAgentListener',
          'JeevesLlmAgentListener',
        ])
        .optional(),
      pipelineInputUri: z
        .string()
        .min(2)
        .max(256, 'pipeline URIs are at most 256 characters')
        .regex(/^https?:\/\/.+/, 'pipeline URIs start with http:// or https://')
        .optional(),
      pipelineParams: z
        .record(z.string().min(1), z.unknown())
        .refine((params) => Object.keys(params).length <= 50, 'at most 50 pipeline parameters')
        .optional(),
    })
    .strict()
    .superRefine(placementRefinement)
    .superRefine((app, ctx) => {
      const names = app.plugins.map((plugin) => plugin.name)
      names.forEach((name, i) => {
        if (names.indexOf(name) !== i)
          ctx.addIssue({
            code: 'custom',
            path: ['plugins', i, 'name'],
            message: `plugin name "${name}" is used twice`,
          })
      })
      for (const [i, [from, to]] of dependencyPairs(app).entries())
        for (const name of [from, to])
          if (!names.includes(name))
            ctx.addIssue({
              code: 'custom',
              path: ['dependencies', i],
              message: `"${name}" is not one of the plugins (${names.join(', ')})`,
            })
      if (hasCycle(dependencyPairs(app)))
        ctx.addIssue({
          code: 'custom',
          path: ['dependencies'],
          message: 'plugin dependencies form a cycle',
        })
    }),
)

type NativeAppInput = z.output<ReturnType<typeof nativeAppSchema>>

function dependencyPairs(
  app: Pick<NativeAppInput, 'plugins' | 'dependencies'>,
): [string, string][] {
  const pairs: [string, string][] = [...(app.dependencies ?? [])]
  for (const plugin of app.plugins)
    if ('container' in plugin)
      for (const parts of Object.values(plugin.container.dynamicEnv ?? {}))
        for (const part of parts) if (part.type === 'shmem') pairs.push([plugin.name, part.path[0]])
  const seen = new Set<string>()
  return pairs.filter(([a, b]) => {
    const key = `${a}\u0000${b}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function hasCycle(pairs: [string, string][]): boolean {
  const edges = new Map<string, string[]>()
  for (const [from, to] of pairs) edges.set(from, [...(edges.get(from) ?? []), to])
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (node: string): boolean => {
    if (state.get(node) === 'visiting') return true
    if (state.get(node) === 'done') return false
    state.set(node, 'visiting')
    const cyclic = (edges.get(node) ?? []).some(visit)
    state.set(node, 'done')
    return cyclic
  }
  return [...edges.keys()].some(visit)
}

/**
 * 1–5 native plugins and container plugins wired together, on a paid native job.
 *
 * @useDeclaredType
 */
export type BuildNativeAppParameters = z.input<ReturnType<typeof nativeAppSchema>>
export type BuildNativeAppReturnType = CreatePipelineRequest
export type BuildNativeAppErrorType = TemplateValidationErrorType

/**
 * Builds the `/create_pipeline` request of a Native App: a pipeline of 1–5 plugin instances (native
 * edge-node plugins and/or container plugins) with their dependency tree (explicit pairs plus the ones
 * implied by `shmem` dynamic env entries, cycle-checked), the pipeline input and params, and the
 * worker tier's minimum node resources (`node_res_req`).
 *
 * @throws {TemplateValidationError} listing every rule the input breaks.
 *
 * @example
 * ```ts
 * import { buildNativeApp } from '@ratio1/sdk-deeploy'
 * const request = buildNativeApp({
 *   jobId: 7n, jobType: 16, alias: 'agent', targetNodesCount: 1,
 *   plugins: [
 *     { name: 'llm', signature: 'LLM_INFERENCE_API', port: 5002 },
 *     { name: 'ui', container: { image: 'ghcr.io/acme/ui:1', port: 3000,
 *       dynamicEnv: { API_PORT: [{ type: 'shmem', path: ['llm', 'PORT'] }] } } },
 *   ],
 * })
 * ```
 */
export function buildNativeApp(parameters: BuildNativeAppParameters): BuildNativeAppReturnType {
  const input = parseOrThrow(nativeAppSchema(), parameters, 'native app')
  const jobType = paidJobType(input.jobType, ['native'], 'native app')
  const resources = { cpu: jobType.resources.cpu, memory: jobType.resources.memory }
  const plugins: PluginInstanceConfig[] = input.plugins.map((plugin, i) =>
    'container' in plugin
      ? containerPlugin(
          plugin.container,
          containerResources(plugin.container.resources, jobType.resources, {
            exact: false,
            template: 'native app',
            path: `plugins.${i}.container.resources`,
            jobType: jobType.id,
          }),
          plugin.name,
        )
      : {
          plugin_signature: plugin.signature,
          plugin_name: plugin.name,
          ...(plugin.port === undefined ? {} : { PORT: plugin.port }),
          ...tunnelConfig(plugin.tunnel),
          ...(plugin.config ?? {}),
        },
  )
  const dependencies = dependencyPairs(input)
  return {
    ...placementFields(input),
    job_app_type: 'native',
    node_res_req: resources,
    plugins,
    ...(dependencies.length ? { dependency_tree: dependencies } : {}),
    pipeline_input_type: input.pipelineInputType ?? 'void',
    pipeline_input_uri: input.pipelineInputUri ?? null,
    pipeline_params: input.pipelineParams ?? {},
  }
}
