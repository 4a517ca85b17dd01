import type * as z from 'zod/mini'
import { send } from '../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../clients/types.js'
import type {
  DeeployApiErrorType,
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../errors/request.js'
import { requireNonEmpty } from '../internal/ids.js'
import { nodeSpecsResultSchema } from '../schemas/deeploy.js'

export type GetNodeSpecsParameters = DeeployCallOptions & {
  /** Node addresses (`0xai_…`, with or without prefix). */
  nodes: string[]
}
/**
 * Capacity (cores, GB) per node, or `{ error }` for a node the oracle could not read.
 *
 * @useDeclaredType
 */
export type GetNodeSpecsReturnType = z.output<ReturnType<typeof nodeSpecsResultSchema>>
export type GetNodeSpecsErrorType =
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Reads live capacity telemetry for nodes: `POST /node_specs` (no signature needed).
 *
 * @example
 * ```ts
 * import { getNodeSpecs } from '@ratio1/sdk-deeploy'
 * const { node_specs } = await getNodeSpecs(client, { nodes: ['0xai_…'] })
 * ```
 */
export async function getNodeSpecs(
  client: DeeployBaseClient,
  parameters: GetNodeSpecsParameters,
): Promise<GetNodeSpecsReturnType> {
  requireNonEmpty('nodes', parameters.nodes)
  return send(client, {
    method: 'POST',
    url: `${client.baseUrl}/node_specs`,
    kind: 'read',
    schema: nodeSpecsResultSchema(),
    json: { request: { target_nodes: parameters.nodes } },
    options: parameters,
  })
}
