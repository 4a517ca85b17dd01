import type * as z from 'zod/mini'
import { send } from '../../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../../clients/types.js'
import type {
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../../errors/request.js'
import { nodeQuery, oracleUrl } from '../../internal/oracleUrl.js'
import { nodeEpochsResultSchema } from '../../schemas/oracle.js'

export type GetNodeLastEpochParameters = DeeployCallOptions & {
  nodeAddress?: string | undefined
  ethAddress?: string | undefined
}
/**
 * The validated `result` of `getNodeLastEpoch`.
 *
 * @useDeclaredType
 */
export type GetNodeLastEpochReturnType = z.output<ReturnType<typeof nodeEpochsResultSchema>>
export type GetNodeLastEpochErrorType =
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Reads a node's alias, online state and last epoch availability (what a target-node input shows):
 * `GET /node_last_epoch` on the oracle API.
 *
 * @example
 * ```ts
 * import { getNodeLastEpoch } from '@ratio1/sdk-deeploy'
 * const { node_alias, node_is_online } = await getNodeLastEpoch(client, { nodeAddress: '0xai_…' })
 * ```
 */
export async function getNodeLastEpoch(
  client: DeeployBaseClient,
  parameters: GetNodeLastEpochParameters,
): Promise<GetNodeLastEpochReturnType> {
  return send(client, {
    method: 'GET',
    url: oracleUrl(client, '/node_last_epoch'),
    kind: 'read',
    schema: nodeEpochsResultSchema(),
    searchParams: nodeQuery(parameters),
    options: parameters,
  })
}
