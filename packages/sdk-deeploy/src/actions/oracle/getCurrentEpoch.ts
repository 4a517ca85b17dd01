import type * as z from 'zod/mini'
import { send } from '../../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../../clients/types.js'
import type {
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../../errors/request.js'
import { oracleUrl } from '../../internal/oracleUrl.js'
import { currentEpochResultSchema } from '../../schemas/oracle.js'

export type GetCurrentEpochParameters = DeeployCallOptions
/**
 * The validated `result` of `getCurrentEpoch`.
 *
 * @useDeclaredType
 */
export type GetCurrentEpochReturnType = z.output<ReturnType<typeof currentEpochResultSchema>>
export type GetCurrentEpochErrorType =
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Reads the oracle's current epoch: `GET /current_epoch` on the oracle API.
 *
 * @example
 * ```ts
 * import { getCurrentEpoch } from '@ratio1/sdk-deeploy'
 * const { current_epoch } = await getCurrentEpoch(client)
 * ```
 */
export async function getCurrentEpoch(
  client: DeeployBaseClient,
  parameters: GetCurrentEpochParameters = {},
): Promise<GetCurrentEpochReturnType> {
  return send(client, {
    method: 'GET',
    url: oracleUrl(client, '/current_epoch'),
    kind: 'read',
    schema: currentEpochResultSchema(),
    options: parameters,
  })
}
