import * as z from 'zod'
import type { TemplateValidationErrorType } from '../errors/template.js'
import { memo } from '../internal/memo.js'
import type { CreatePipelineRequest } from '../types/pipeline.js'
import {
  containerPlugin,
  containerResources,
  paidJobType,
  parseOrThrow,
  placementFields,
} from './internal.js'
import {
  containerRefinement,
  containerShape,
  placementRefinement,
  placementShape,
} from './schemas.js'

const genericAppSchema = /* @__PURE__ */ memo(() =>
  z
    .object({ ...placementShape(), ...containerShape() })
    .strict()
    .superRefine(placementRefinement)
    .superRefine(containerRefinement),
)

/**
 * A container image (optionally from a private registry) or a GitHub build, on a paid generic job.
 *
 * @useDeclaredType
 */
export type BuildGenericAppParameters = z.input<ReturnType<typeof genericAppSchema>>
export type BuildGenericAppReturnType = CreatePipelineRequest
export type BuildGenericAppErrorType = TemplateValidationErrorType

/**
 * Builds the `/create_pipeline` request of a Generic App: one Container App Runner (an image, with
 * optional registry credentials) or Worker App Runner (a GitHub repository built and run with
 * commands), with ports, env, dynamic env, volumes, file volumes, restart policy and an optional
 * Cloudflare tunnel. `CONTAINER_RESOURCES` are the paid job type's, exactly as the oracle's payment
 * check requires, and `job_id` links the on-chain job.
 *
 * @throws {TemplateValidationError} listing every rule the input breaks.
 *
 * @example
 * ```ts
 * import { buildGenericApp, createPipeline } from '@ratio1/sdk-deeploy'
 * const request = buildGenericApp({
 *   jobId: 12n, jobType: 1, alias: 'web', image: 'nginx:1.27', port: 80,
 *   tunnel: { token: cloudflareToken }, targetNodesCount: 2, kyb: true,
 * })
 * await createPipeline(client, { request })
 * ```
 */
export function buildGenericApp(parameters: BuildGenericAppParameters): BuildGenericAppReturnType {
  const input = parseOrThrow(genericAppSchema(), parameters, 'generic app')
  const jobType = paidJobType(input.jobType, ['generic'], 'generic app')
  return {
    ...placementFields(input),
    job_app_type: 'generic',
    plugins: [
      containerPlugin(
        input,
        containerResources(input.resources, jobType.resources, {
          exact: true,
          template: 'generic app',
          path: 'resources',
          jobType: jobType.id,
        }),
      ),
    ],
    pipeline_input_type: 'void',
    pipeline_input_uri: null,
  }
}
