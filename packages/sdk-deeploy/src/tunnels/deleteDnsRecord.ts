import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'
import * as z from 'zod/mini'
import type { HttpRequestErrorType, TimeoutErrorType } from '../errors/request.js'
import type { CloudflareClient } from './client.js'
import type { CloudflareApiErrorType } from './errors.js'

export type DeleteDnsRecordParameters = { recordId: string; signal?: AbortSignal | undefined }
export type DeleteDnsRecordReturnType = { id: string }
export type DeleteDnsRecordErrorType =
  | InvalidParameterErrorType
  | CloudflareApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType

/**
 * Deletes a DNS record of the client's zone (`DELETE /zones/{zone_id}/dns_records/{id}`), e.g. the
 * CNAME of a tunnel that is being removed.
 *
 * @example
 * ```ts
 * import { deleteDnsRecord } from '@ratio1/sdk-deeploy/tunnels'
 * await deleteDnsRecord(cloudflare, { recordId: record.id })
 * ```
 */
export async function deleteDnsRecord(
  client: CloudflareClient,
  parameters: DeleteDnsRecordParameters,
): Promise<DeleteDnsRecordReturnType> {
  if (!client.zoneId)
    throw new InvalidParameterError({
      field: 'zoneId',
      value: undefined,
      rule: 'the zone of the record',
    })
  return client.request({
    method: 'DELETE',
    path: `/zones/${client.zoneId}/dns_records/${encodeURIComponent(parameters.recordId)}`,
    schema: z.looseObject({ id: z.string() }),
    signal: parameters.signal,
  })
}
