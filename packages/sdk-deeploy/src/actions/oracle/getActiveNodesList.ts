import type * as z from 'zod/mini'
import { send } from '../../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../../clients/types.js'
import type {
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../../errors/request.js'
import { oracleUrl } from '../../internal/oracleUrl.js'
import { activeNodesListResultSchema } from '../../schemas/oracle.js'

export type GetActiveNodesListParameters = DeeployCallOptions & {
  /** 1-based page. @default 1 */
  page?: number | undefined
  /** @default 10 */
  itemsPerPage?: number | undefined
  /** Filter on node alias. */
  aliasPattern?: string | undefined
}
/**
 * The validated `result` of `getActiveNodesList`.
 *
 * @useDeclaredType
 */
export type GetActiveNodesListReturnType = z.output<ReturnType<typeof activeNodesListResultSchema>>
export type GetActiveNodesListErrorType =
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Lists online nodes page by page, with their resources: `GET /active_nodes_list` on the oracle API.
 *
 * @example
 * ```ts
 * import { getActiveNodesList } from '@ratio1/sdk-deeploy'
 * const { nodes, nodes_total_pages } = await getActiveNodesList(client, { page: 1, itemsPerPage: 50 })
 * ```
 */
export async function getActiveNodesList(
  client: DeeployBaseClient,
  parameters: GetActiveNodesListParameters = {},
): Promise<GetActiveNodesListReturnType> {
  return send(client, {
    method: 'GET',
    url: oracleUrl(client, '/active_nodes_list'),
    kind: 'read',
    schema: activeNodesListResultSchema(),
    searchParams: {
      page: parameters.page ?? 1,
      items_per_page: parameters.itemsPerPage ?? 10,
      alias_pattern: parameters.aliasPattern,
    },
    options: parameters,
  })
}
