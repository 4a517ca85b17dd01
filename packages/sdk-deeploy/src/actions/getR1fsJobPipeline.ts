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
import { toWireJobId } from '../internal/ids.js'
import { r1fsPipelineResultSchema } from '../schemas/deeploy.js'

export type GetR1fsJobPipelineParameters = DeeployCallOptions & { jobId: bigint | number }
/**
 * The validated `result` of `getR1fsJobPipeline`.
 *
 * @useDeclaredType
 */
export type GetR1fsJobPipelineReturnType = z.output<ReturnType<typeof r1fsPipelineResultSchema>>
export type GetR1fsJobPipelineErrorType =
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Reads the pipeline stored in R1FS for a job (also for closed jobs, to redeploy them):
 * `POST /get_r1fs_job_pipeline`.
 *
 * @example
 * ```ts
 * import { getR1fsJobPipeline } from '@ratio1/sdk-deeploy'
 * const { pipeline } = await getR1fsJobPipeline(client, { jobId: 12n })
 * ```
 */
export async function getR1fsJobPipeline(
  client: DeeployBaseClient,
  parameters: GetR1fsJobPipelineParameters,
): Promise<GetR1fsJobPipelineReturnType> {
  return sendSigned(client, {
    path: '/get_r1fs_job_pipeline',
    requestType: 'get r1fs job pipeline',
    payload: { job_id: toWireJobId(parameters.jobId) },
    kind: 'read',
    schema: r1fsPipelineResultSchema(),
    options: parameters,
  })
}
