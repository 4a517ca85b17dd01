import { BaseError, getJobType, type JobType, type JobTypeCategory } from '@ratio1/sdk-core'
import type { z } from 'zod'
import { TemplateValidationError } from '../errors/template.js'
import type { PluginInstanceConfig } from '../types/pipeline.js'
import { formatMemory } from './formatMemory.js'
import { parseMemory } from './parseMemory.js'
import type { containerShape, placementShape } from './schemas.js'

/** @internal */
export function parseOrThrow<schema extends z.ZodType>(
  schema: schema,
  input: unknown,
  template: string,
): z.output<schema> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw new TemplateValidationError({
    template,
    issues: parsed.error.issues.map(
      (issue) =>
        `${issue.path.length ? issue.path.map(String).join('.') : '(input)'}: ${issue.message}`,
    ),
  })
}

/** @internal The paid job type, checked against the template's kind. */
export function paidJobType(
  id: number,
  accepted: readonly JobTypeCategory[],
  template: string,
): JobType & { resources: { memory: string } } {
  let jobType: JobType
  try {
    jobType = getJobType(id)
  } catch (error) {
    throw new TemplateValidationError({
      template,
      issues: [`jobType: ${error instanceof BaseError ? error.shortMessage : String(error)}`],
    })
  }
  const category =
    jobType.category === 'gpu' && jobType.baseJobType !== undefined
      ? getJobType(jobType.baseJobType).category
      : jobType.category
  if (!accepted.includes(category))
    throw new TemplateValidationError({
      template,
      issues: [
        `jobType: ${jobType.id} (${jobType.label}) is a ${category} job type; a ${template} needs one of: ${accepted.join(', ')}`,
      ],
    })
  return {
    ...jobType,
    resources: { ...jobType.resources, memory: formatMemory(jobType.resources.memoryMb) },
  }
}

type Placement = z.output<z.ZodObject<ReturnType<typeof placementShape>>>

/** @internal Node selection, tags and project fields of a create request. */
export function placementFields(input: Placement) {
  const explicit = input.targetNodes ?? []
  const tags = [...(input.tags ?? [])]
  if (input.kyb === true) tags.push('IS_KYB')
  if (input.kyb === false) tags.push('!IS_KYB')
  if (input.countries?.length)
    tags.push(input.countries.map((code) => `CT:${code.toUpperCase()}`).join('||'))
  return {
    app_alias: input.alias.toLowerCase(),
    job_id: toJobIdNumber(input.jobId),
    target_nodes: explicit,
    // The dApp sends 0 with an explicit list; the oracle then counts the list.
    target_nodes_count: explicit.length > 0 ? 0 : (input.targetNodesCount ?? 0),
    spare_nodes: input.spareNodes ?? [],
    allow_replication_in_the_wild: input.allowReplicationInTheWild ?? true,
    job_tags: tags,
    ...(input.projectId === undefined ? {} : { project_id: input.projectId }),
    ...(input.projectName === undefined ? {} : { project_name: input.projectName }),
    chainstore_response: input.chainstoreResponse ?? true,
  }
}

function toJobIdNumber(id: bigint | number): number {
  const n = Number(id)
  if (!Number.isSafeInteger(n))
    throw new TemplateValidationError({
      template: 'job',
      issues: ['jobId: must be below 2^53 to travel as JSON'],
    })
  return n
}

type Container = z.output<z.ZodObject<ReturnType<typeof containerShape>>>

/**
 * @internal The resources a container gets: the paid tier's, or the stated ones after checking them
 * against it (`exact` for generic/service jobs, where the oracle compares sums for equality).
 */
export function containerResources(
  stated: { cpu: number; memory: string | number } | undefined,
  tier: { cpu: number; memoryMb: number; memory: string },
  rule: { exact: boolean; template: string; path: string; jobType: number },
): { cpu: number; memory: string } {
  if (!stated) return { cpu: tier.cpu, memory: tier.memory }
  let memoryMb: number
  try {
    memoryMb = parseMemory(stated.memory)
  } catch (error) {
    throw new TemplateValidationError({
      template: rule.template,
      issues: [
        `${rule.path}.memory: ${error instanceof BaseError ? error.shortMessage : String(error)}`,
      ],
    })
  }
  const fits = rule.exact
    ? Math.round(stated.cpu * 100) === Math.round(tier.cpu * 100) && memoryMb === tier.memoryMb
    : stated.cpu <= tier.cpu && memoryMb <= tier.memoryMb
  if (!fits)
    throw new TemplateValidationError({
      template: rule.template,
      issues: [
        `${rule.path}: ${stated.cpu} cores and ${memoryMb} MiB ${rule.exact ? 'do not equal' : 'exceed'} what job type ${rule.jobType} pays for (${tier.cpu} cores, ${tier.memoryMb} MiB)`,
      ],
    })
  return { cpu: stated.cpu, memory: formatMemory(memoryMb) }
}

/** @internal One container plugin instance (Container App Runner or Worker App Runner). */
export function containerPlugin(
  spec: Container,
  resources: { cpu: number; memory: string },
  name?: string,
): PluginInstanceConfig {
  const worker = spec.repository !== undefined
  const config: PluginInstanceConfig = {
    plugin_signature: worker ? 'WORKER_APP_RUNNER' : 'CONTAINER_APP_RUNNER',
    ...(name === undefined ? {} : { plugin_name: name }),
    IMAGE: spec.image ?? 'node:22',
    CONTAINER_RESOURCES: {
      cpu: resources.cpu,
      memory: resources.memory,
      ...(spec.ports?.length
        ? {
            ports: Object.fromEntries(spec.ports.map((p) => [String(p.hostPort), p.containerPort])),
          }
        : {}),
    },
    ...(spec.port === undefined ? {} : { PORT: spec.port }),
    ...tunnelConfig(spec.tunnel),
    ENV: spec.env ?? {},
    DYNAMIC_ENV: spec.dynamicEnv ?? {},
    VOLUMES: spec.volumes ?? {},
    FILE_VOLUMES: Object.fromEntries(
      Object.entries(spec.fileVolumes ?? {}).map(([fileName, file]) => [
        fileName,
        { content: file.content, mounting_point: file.mountingPoint },
      ]),
    ),
    RESTART_POLICY: spec.restartPolicy ?? 'always',
    IMAGE_PULL_POLICY: spec.imagePullPolicy ?? 'always',
  }
  if (spec.registry)
    config.CR_DATA = {
      SERVER: spec.registry.server ?? 'docker.io',
      USERNAME: spec.registry.username,
      PASSWORD: spec.registry.password,
    }
  if (spec.repository) {
    config.BUILD_AND_RUN_COMMANDS = spec.repository.commands ?? [
      'npm install',
      'npm run build',
      'npm start',
    ]
    config.VCS_DATA = {
      PROVIDER: 'github',
      REPO_URL: spec.repository.url,
      USERNAME: spec.repository.username ?? null,
      TOKEN: spec.repository.token ?? null,
      ...(spec.repository.branch === undefined ? {} : { BRANCH: spec.repository.branch }),
    }
  }
  return { ...config, ...(spec.custom ?? {}) }
}

/** @internal */
export function tunnelConfig(tunnel: { token: string } | undefined): Record<string, unknown> {
  return tunnel
    ? { TUNNEL_ENGINE: 'cloudflare', TUNNEL_ENGINE_ENABLED: true, CLOUDFLARE_TOKEN: tunnel.token }
    : { TUNNEL_ENGINE_ENABLED: false }
}
