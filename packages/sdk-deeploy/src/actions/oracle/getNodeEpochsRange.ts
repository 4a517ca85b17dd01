import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'
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

export type GetNodeEpochsRangeParameters = DeeployCallOptions & {
  nodeAddress?: string | undefined
  ethAddress?: string | undefined
  startEpoch: number
  endEpoch: number
  /** Include on-chain licence data. */
  includeBcInfo?: boolean | undefined
}
/**
 * The validated `result` of `getNodeEpochsRange`.
 *
 * @useDeclaredType
 */
export type GetNodeEpochsRangeReturnType = z.output<ReturnType<typeof nodeEpochsResultSchema>>
export type GetNodeEpochsRangeErrorType =
  | InvalidParameterErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Reads a node's availability (0–255) for each epoch of a range, with the oracles' signatures:
 * `GET /node_epochs_range` on the oracle API.
 *
 * @example
 * ```ts
 * import { getNodeEpochsRange } from '@ratio1/sdk-deeploy'
 * const { epochs_vals } = await getNodeEpochsRange(client, { nodeAddress: '0xai_…', startEpoch: 200, endEpoch: 210 })
 * ```
 */
export async function getNodeEpochsRange(
  client: DeeployBaseClient,
  parameters: GetNodeEpochsRangeParameters,
): Promise<GetNodeEpochsRangeReturnType> {
  if (parameters.endEpoch < parameters.startEpoch)
    throw new InvalidParameterError({
      field: 'endEpoch',
      value: parameters.endEpoch,
      rule: `an epoch not before startEpoch (${parameters.startEpoch})`,
    })
  return send(client, {
    method: 'GET',
    url: oracleUrl(client, '/node_epochs_range'),
    kind: 'read',
    schema: nodeEpochsResultSchema(),
    searchParams: {
      ...nodeQuery(parameters),
      start_epoch: parameters.startEpoch,
      end_epoch: parameters.endEpoch,
      include_bc_info: parameters.includeBcInfo,
    },
    options: parameters,
  })
}
