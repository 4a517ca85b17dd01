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
import { preferredNodesResultSchema } from '../schemas/deeploy.js'

export type GetPreferredNodesParameters = DeeployCallOptions
/**
 * The validated `result` of `getPreferredNodes`.
 *
 * @useDeclaredType
 */
export type GetPreferredNodesReturnType = z.output<ReturnType<typeof preferredNodesResultSchema>>
export type GetPreferredNodesErrorType =
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Reads the CSP's preferred-node list (Plus+ feature): `POST /get_preferred_nodes`.
 *
 * @example
 * ```ts
 * import { getPreferredNodes } from '@ratio1/sdk-deeploy'
 * const { preferred_nodes } = await getPreferredNodes(client)
 * ```
 */
export async function getPreferredNodes(
  client: DeeployBaseClient,
  parameters: GetPreferredNodesParameters = {},
): Promise<GetPreferredNodesReturnType> {
  return sendSigned(client, {
    path: '/get_preferred_nodes',
    requestType: 'get preferred nodes',
    payload: {},
    kind: 'read',
    schema: preferredNodesResultSchema(),
    options: parameters,
  })
}
