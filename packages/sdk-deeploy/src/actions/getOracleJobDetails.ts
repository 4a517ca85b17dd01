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
import { oracleJobDetailsResultSchema } from '../schemas/deeploy.js'

export type GetOracleJobDetailsParameters = DeeployCallOptions & { jobId: bigint | number }
/**
 * The validated `result` of `getOracleJobDetails`.
 *
 * @useDeclaredType
 */
export type GetOracleJobDetailsReturnType = z.output<
  ReturnType<typeof oracleJobDetailsResultSchema>
>
export type GetOracleJobDetailsErrorType =
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Oracle-to-oracle job lookup: `POST /get_oracle_job_details`. The client's account must be an oracle
 * (listed by `Controller.getOracles()`); with the legacy scheme the request is signed in the hashed
 * variant this endpoint requires.
 *
 * @example
 * ```ts
 * import { getOracleJobDetails } from '@ratio1/sdk-deeploy'
 * const { job_name, job_type } = await getOracleJobDetails(oracleClient, { jobId: 12n })
 * ```
 */
export async function getOracleJobDetails(
  client: DeeployBaseClient,
  parameters: GetOracleJobDetailsParameters,
): Promise<GetOracleJobDetailsReturnType> {
  return sendSigned(client, {
    path: '/get_oracle_job_details',
    requestType: 'get oracle job details',
    payload: { job_id: toWireJobId(parameters.jobId) },
    kind: 'read',
    schema: oracleJobDetailsResultSchema(),
    options: parameters,
  })
}
