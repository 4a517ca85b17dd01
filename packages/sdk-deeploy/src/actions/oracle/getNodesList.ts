import type * as z from 'zod/mini'
import { send } from '../../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../../clients/types.js'
import type {
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../../errors/request.js'
import { oracleUrl } from '../../internal/oracleUrl.js'
import { nodesListResultSchema } from '../../schemas/oracle.js'

export type GetNodesListParameters = DeeployCallOptions
/**
 * Every node the oracle knows, keyed by node address, with its stats.
 *
 * @useDeclaredType
 */
export type GetNodesListReturnType = z.output<ReturnType<typeof nodesListResultSchema>>
export type GetNodesListErrorType =
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Lists every node the oracle knows (online or not) with its stats: `GET /nodes_list` on the oracle API.
 * Large on mainnet; prefer {@link getActiveNodesList} for paged views.
 *
 * @example
 * ```ts
 * import { getNodesList } from '@ratio1/sdk-deeploy'
 * const { nodes } = await getNodesList(client)
 * ```
 */
export async function getNodesList(
  client: DeeployBaseClient,
  parameters: GetNodesListParameters = {},
): Promise<GetNodesListReturnType> {
  return send(client, {
    method: 'GET',
    url: oracleUrl(client, '/nodes_list'),
    kind: 'read',
    schema: nodesListResultSchema(),
    options: parameters,
  })
}
