import type * as z from 'zod/mini'
import { send } from '../../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../../clients/types.js'
import type {
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../../errors/request.js'
import { oracleUrl } from '../../internal/oracleUrl.js'
import { countryStatsResultSchema } from '../../schemas/oracle.js'

export type GetActiveNodesCountryStatsParameters = DeeployCallOptions
/**
 * The validated `result` of `getActiveNodesCountryStats`.
 *
 * @useDeclaredType
 */
export type GetActiveNodesCountryStatsReturnType = z.output<
  ReturnType<typeof countryStatsResultSchema>
>
export type GetActiveNodesCountryStatsErrorType =
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * Counts online nodes per country, with data-centre and KYB counts (for `CT:`/`IS_KYB` tag pickers):
 * `GET /active_nodes_country_stats` on the oracle API.
 *
 * @example
 * ```ts
 * import { getActiveNodesCountryStats } from '@ratio1/sdk-deeploy'
 * const { countries } = await getActiveNodesCountryStats(client)
 * ```
 */
export async function getActiveNodesCountryStats(
  client: DeeployBaseClient,
  parameters: GetActiveNodesCountryStatsParameters = {},
): Promise<GetActiveNodesCountryStatsReturnType> {
  return send(client, {
    method: 'GET',
    url: oracleUrl(client, '/active_nodes_country_stats'),
    kind: 'read',
    schema: countryStatsResultSchema(),
    options: parameters,
  })
}
