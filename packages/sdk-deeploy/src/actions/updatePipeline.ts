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
import type { UpdatePipelineRequest } from '../types/pipeline.js'

export type UpdatePipelineParameters = DeeployCallOptions & {
  /** The new configuration with the running `app_id` and `job_id`. */
  request: UpdatePipelineRequest
}
/**
 * The validated `result` of `updatePipeline`.
 *
 * @useDeclaredType
 */
export type UpdatePipelineReturnType = z.output<ReturnType<typeof deployResultSchema>>
export type UpdatePipelineErrorType =
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Stops a running job and redeploys it with a new configuration under the same `app_id`:
 * `POST /update_pipeline` (long poll, never retried). `job_app_type` cannot change.
 *
 * @example
 * ```ts
 * import { updatePipeline } from '@ratio1/sdk-deeploy'
 * await updatePipeline(client, { request: { ...request, app_id: 'web_1a2b3c4' } })
 * ```
 */
export async function updatePipeline(
  client: DeeployBaseClient,
  parameters: UpdatePipelineParameters,
): Promise<UpdatePipelineReturnType> {
  return sendSigned(client, {
    path: '/update_pipeline',
    requestType: 'update pipeline',
    payload: parameters.request,
    kind: 'long-poll',
    schema: deployResultSchema(),
    options: parameters,
  })
}
