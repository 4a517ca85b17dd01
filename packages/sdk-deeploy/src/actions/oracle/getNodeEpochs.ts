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

export type GetNodeEpochsParameters = DeeployCallOptions & {
  nodeAddress?: string | undefined
  ethAddress?: string | undefined
}
/**
 * The validated `result` of `getNodeEpochs`.
 *
 * @useDeclaredType
 */
export type GetNodeEpochsReturnType = z.output<ReturnType<typeof nodeEpochsResultSchema>>
export type GetNodeEpochsErrorType =
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Reads a node's availability (0–255) for every epoch the oracle has: `GET /node_epochs` on the oracle
 * API.
 *
 * @example
 * ```ts
 * import { getNodeEpochs } from '@ratio1/sdk-deeploy'
 * const { epochs, epochs_vals } = await getNodeEpochs(client, { nodeAddress: '0xai_…' })
 * ```
 */
export async function getNodeEpochs(
  client: DeeployBaseClient,
  parameters: GetNodeEpochsParameters,
): Promise<GetNodeEpochsReturnType> {
  return send(client, {
    method: 'GET',
    url: oracleUrl(client, '/node_epochs'),
    kind: 'read',
    schema: nodeEpochsResultSchema(),
    searchParams: nodeQuery(parameters),
    options: parameters,
  })
}
