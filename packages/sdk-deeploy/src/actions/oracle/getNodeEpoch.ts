import type * as z from 'zod/mini'
import { send } from '../../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../../clients/types.js'
import type {
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../../errors/request.js'
import { nodeQuery, oracleUrl } from '../../internal/oracleUrl.js'
import { nodeEpochResultSchema } from '../../schemas/oracle.js'

export type GetNodeEpochParameters = DeeployCallOptions & {
  nodeAddress?: string | undefined
  ethAddress?: string | undefined
  epoch: number
}
/**
 * The node-epochs payload plus `epoch_id`, `epoch_val` (0–255) and `epoch_prc` (val/255, 4 decimals).
 *
 * @useDeclaredType
 */
export type GetNodeEpochReturnType = z.output<ReturnType<typeof nodeEpochResultSchema>>
export type GetNodeEpochErrorType =
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Reads a node's availability in one epoch: `GET /node_epoch` on the oracle API.
 *
 * @example
 * ```ts
 * import { getNodeEpoch } from '@ratio1/sdk-deeploy'
 * const { epoch_prc } = await getNodeEpoch(client, { nodeAddress: '0xai_…', epoch: 245 })
 * ```
 */
export async function getNodeEpoch(
  client: DeeployBaseClient,
  parameters: GetNodeEpochParameters,
): Promise<GetNodeEpochReturnType> {
  return send(client, {
    method: 'GET',
    url: oracleUrl(client, '/node_epoch'),
    kind: 'read',
    schema: nodeEpochResultSchema(),
    searchParams: { ...nodeQuery(parameters), epoch: parameters.epoch },
    options: parameters,
  })
}
