import type * as z from 'zod/mini'
import { send } from '../../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../../clients/types.js'
import type {
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../../errors/request.js'
import { oracleUrl } from '../../internal/oracleUrl.js'
import { multiNodeEpochsResultSchema } from '../../schemas/oracle.js'

export type GetMultiNodeEpochsRangeParameters = DeeployCallOptions & {
  /** ETH node address → `[startEpoch, endEpoch]`. */
  nodes: Record<string, readonly [number, number]>
  includeBcInfo?: boolean | undefined
}
/**
 * Per-node availability payloads keyed as the oracle returns them.
 *
 * @useDeclaredType
 */
export type GetMultiNodeEpochsRangeReturnType = z.output<
  ReturnType<typeof multiNodeEpochsResultSchema>
>
export type GetMultiNodeEpochsRangeErrorType =
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Reads availability for several nodes at once: `POST /multi_node_epochs_range` on the oracle API.
 * A read, so it is retried like the GET endpoints.
 *
 * @example
 * ```ts
 * import { getMultiNodeEpochsRange } from '@ratio1/sdk-deeploy'
 * await getMultiNodeEpochsRange(client, { nodes: { '0xAbc…': [200, 210] } })
 * ```
 */
export async function getMultiNodeEpochsRange(
  client: DeeployBaseClient,
  parameters: GetMultiNodeEpochsRangeParameters,
): Promise<GetMultiNodeEpochsRangeReturnType> {
  return send(client, {
    method: 'POST',
    url: oracleUrl(client, '/multi_node_epochs_range'),
    kind: 'read',
    schema: multiNodeEpochsResultSchema(),
    json: {
      dct_eth_nodes_request: parameters.nodes,
      include_bc_info: parameters.includeBcInfo ?? false,
    },
    options: parameters,
  })
}
