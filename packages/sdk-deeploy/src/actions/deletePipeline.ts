import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'
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
import { deleteResultSchema } from '../schemas/deeploy.js'

export type DeletePipelineParameters = DeeployCallOptions & {
  /** The job to stop (preferred for discovery). */
  jobId?: bigint | number | undefined
  /** The app to stop. */
  appId?: string | undefined
  /** Stop only on these nodes; all nodes when omitted. */
  targetNodes?: string[] | undefined
}
/**
 * The stopped instances are in `request.targets`.
 *
 * @useDeclaredType
 */
export type DeletePipelineReturnType = z.output<ReturnType<typeof deleteResultSchema>>
export type DeletePipelineErrorType =
  | InvalidParameterErrorType
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Stops a job's pipelines on its nodes: `POST /delete_pipeline`. The on-chain job is not closed; it ends
 * when its paid epochs run out.
 *
 * @example
 * ```ts
 * import { deletePipeline } from '@ratio1/sdk-deeploy'
 * const { request } = await deletePipeline(client, { jobId: 12n })
 * request.targets.length // instances stopped
 * ```
 */
export async function deletePipeline(
  client: DeeployBaseClient,
  parameters: DeletePipelineParameters,
): Promise<DeletePipelineReturnType> {
  if (parameters.jobId === undefined && !parameters.appId)
    throw new InvalidParameterError({
      field: 'jobId',
      value: undefined,
      rule: 'a job id or an app id',
    })
  return sendSigned(client, {
    path: '/delete_pipeline',
    requestType: 'delete pipeline',
    payload: {
      job_id: parameters.jobId === undefined ? undefined : toWireJobId(parameters.jobId),
      app_id: parameters.appId,
      target_nodes: parameters.targetNodes,
    },
    kind: 'write',
    schema: deleteResultSchema(),
    options: parameters,
  })
}
