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
import { getAppsResultSchema } from '../schemas/deeploy.js'

export type GetAppsParameters = DeeployCallOptions & {
  /** Only jobs of this project (the on-chain `projectHash`). */
  projectId?: string | undefined
}
/**
 * The CSP's active jobs keyed by job id, with stored pipeline, live instances and chain state.
 *
 * @useDeclaredType
 */
export type GetAppsReturnType = z.output<ReturnType<typeof getAppsResultSchema>>
export type GetAppsErrorType =
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Lists the signer's (or its escrow owner's) active jobs: `POST /get_apps`. Each job has its stored
 * pipeline, the instances online per node and the on-chain job with integers as bigints.
 *
 * @example
 * ```ts
 * import { createDeeployClient, getApps } from '@ratio1/sdk-deeploy'
 * const client = createDeeployClient({ network: 'mainnet', account })
 * const { apps } = await getApps(client)
 * for (const [jobId, app] of Object.entries(apps)) console.log(jobId, app.chain_job?.lastExecutionEpoch)
 * ```
 */
export async function getApps(
  client: DeeployBaseClient,
  parameters: GetAppsParameters = {},
): Promise<GetAppsReturnType> {
  return sendSigned(client, {
    path: '/get_apps',
    requestType: 'get apps',
    payload: { project_id: parameters.projectId },
    kind: 'read',
    schema: getAppsResultSchema(),
    options: parameters,
  })
}
