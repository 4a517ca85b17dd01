import type * as z from 'zod/mini'
import { sendSigned } from '../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../clients/types.js'
import type {
  DeeployApiErrorType,
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../errors/request.js'
import type { SignerUnavailableErrorType } from '../errors/signature.js'
import { deployResultSchema } from '../schemas/deeploy.js'
import type { CreatePipelineRequest } from '../types/pipeline.js'

export type CreatePipelineParameters = DeeployCallOptions & {
  /** The pipeline to deploy, e.g. from `buildGenericApp` or `buildServiceApp`. */
  request: CreatePipelineRequest
}
/**
 * `status` is `success`, `command_delivered` or `timeout` (readiness not confirmed within 600 s).
 *
 * @useDeclaredType
 */
export type CreatePipelineReturnType = z.output<ReturnType<typeof deployResultSchema>>
export type CreatePipelineErrorType =
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Deploys a paid job: `POST /create_pipeline`. The oracle holds the connection until every instance
 * confirms readiness or 600 s pass, so the call uses the client's long-poll timeout (620 s by default)
 * and is never retried automatically.
 *
 * @example
 * ```ts
 * import { buildGenericApp, createPipeline } from '@ratio1/sdk-deeploy'
 * const request = buildGenericApp({ jobId: 12n, jobType: 1, alias: 'web', image: 'nginx:1.27', targetNodesCount: 2 })
 * const { status, app_id } = await createPipeline(client, { request })
 * ```
 */
export async function createPipeline(
  client: DeeployBaseClient,
  parameters: CreatePipelineParameters,
): Promise<CreatePipelineReturnType> {
  return sendSigned(client, {
    path: '/create_pipeline',
    requestType: 'create pipeline',
    payload: parameters.request,
    kind: 'long-poll',
    schema: deployResultSchema(),
    options: parameters,
  })
}
