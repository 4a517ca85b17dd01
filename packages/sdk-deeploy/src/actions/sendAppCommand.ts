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
import { toWireJobId } from '../internal/ids.js'
import { appCommandResultSchema } from '../schemas/deeploy.js'

export type SendAppCommandParameters = DeeployCallOptions & {
  jobId?: bigint | number | undefined
  appId?: string | undefined
  /** e.g. `'RESTART'` or `'STOP'` (sent as `command`). */
  command: unknown
  /** Only instances of this plugin signature. */
  pluginSignature?: string | undefined
}
/**
 * `targets` lists `[node, appId, pluginSignature, instanceId]` for each instance commanded.
 *
 * @useDeclaredType
 */
export type SendAppCommandReturnType = z.output<ReturnType<typeof appCommandResultSchema>>
export type SendAppCommandErrorType =
  | InvalidParameterErrorType
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Sends a command to every instance of a job or app: `POST /send_app_command`.
 *
 * @example
 * ```ts
 * import { sendAppCommand } from '@ratio1/sdk-deeploy'
 * await sendAppCommand(client, { jobId: 12n, command: 'RESTART' })
 * ```
 */
export async function sendAppCommand(
  client: DeeployBaseClient,
  parameters: SendAppCommandParameters,
): Promise<SendAppCommandReturnType> {
  if (parameters.jobId === undefined && !parameters.appId)
    throw new InvalidParameterError({
      field: 'jobId',
      value: undefined,
      rule: 'a job id or an app id',
    })
  if (parameters.command === undefined)
    throw new InvalidParameterError({ field: 'command', value: undefined, rule: 'a JSON value' })
  return sendSigned(client, {
    path: '/send_app_command',
    requestType: 'send app command',
    payload: {
      job_id: parameters.jobId === undefined ? undefined : toWireJobId(parameters.jobId),
      app_id: parameters.appId,
      command: parameters.command,
      plugin_signature: parameters.pluginSignature,
    },
    kind: 'write',
    schema: appCommandResultSchema(),
    options: parameters,
  })
}
