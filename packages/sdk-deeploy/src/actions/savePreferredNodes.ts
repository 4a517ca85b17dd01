import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'
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

export type SavePreferredNodesParameters = DeeployCallOptions & {
  /** The full replacement list (at most 100). */
  preferredNodes: {
    address: string
    alias?: string | undefined
    description?: string | undefined
  }[]
}
/**
 * The validated `result` of `savePreferredNodes`: the list as the oracle stored it.
 *
 * @useDeclaredType
 */
export type SavePreferredNodesReturnType = z.output<ReturnType<typeof preferredNodesResultSchema>>
export type SavePreferredNodesErrorType =
  | InvalidParameterErrorType
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Replaces the CSP's preferred-node list: `POST /save_preferred_nodes`. The oracle's limits are
 * checked first (≤ 100 entries, `0xai_` addresses, alias ≤ 128 and description ≤ 512 characters).
 *
 * @example
 * ```ts
 * import { savePreferredNodes } from '@ratio1/sdk-deeploy'
 * await savePreferredNodes(client, { preferredNodes: [{ address: '0xai_…', alias: 'gpu-1' }] })
 * ```
 */
export async function savePreferredNodes(
  client: DeeployBaseClient,
  parameters: SavePreferredNodesParameters,
): Promise<SavePreferredNodesReturnType> {
  const nodes = parameters.preferredNodes
  if (nodes.length > 100)
    throw new InvalidParameterError({
      field: 'preferredNodes',
      value: `${nodes.length} entries`,
      rule: 'at most 100 entries',
    })
  for (const [i, node] of nodes.entries()) {
    if (!/^0xai_[A-Za-z0-9_-]+$/.test(node.address.trim()))
      throw new InvalidParameterError({
        field: `preferredNodes[${i}].address`,
        value: node.address,
        rule: 'a 0xai_ node address',
      })
    if ((node.alias?.trim().length ?? 0) > 128)
      throw new InvalidParameterError({
        field: `preferredNodes[${i}].alias`,
        value: node.alias,
        rule: 'at most 128 characters',
      })
    if ((node.description?.length ?? 0) > 512)
      throw new InvalidParameterError({
        field: `preferredNodes[${i}].description`,
        value: node.description,
        rule: 'at most 512 characters',
      })
  }
  return sendSigned(client, {
    path: '/save_preferred_nodes',
    requestType: 'save preferred nodes',
    payload: { preferred_nodes: nodes.map((node) => ({ ...node })) },
    kind: 'write',
    schema: preferredNodesResultSchema(),
    options: parameters,
  })
}
