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
import { requireNonEmpty, toWireJobId } from '../internal/ids.js'
import { instanceCommandResultSchema } from '../schemas/deeploy.js'

export type SendInstanceCommandParameters = DeeployCallOptions & {
  /** The app the instance belongs to (the oracle discovers instances by app id). */
  appId: string
  jobId?: bigint | number | undefined
  /** The node(s) running the instance. */
  targetNodes: string[]
  pluginSignature: string
  instanceId: string
  /** Any JSON value the plugin understands, e.g. `'RESTART'` or `'STOP'`. */
  command: unknown
}
/**
 * The validated `result` of `sendInstanceCommand`.
 *
 * @useDeclaredType
 */
export type SendInstanceCommandReturnType = z.output<ReturnType<typeof instanceCommandResultSchema>>
export type SendInstanceCommandErrorType =
  | InvalidParameterErrorType
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Sends a command to one plugin instance: `POST /send_instance_command`.
 *
 * @example
 * ```ts
 * import { sendInstanceCommand } from '@ratio1/sdk-deeploy'
 * await sendInstanceCommand(client, {
 *   appId: 'web_1a2b3c4', targetNodes: ['0xai_…'], pluginSignature: 'CONTAINER_APP_RUNNER',
 *   instanceId: 'CONTAINER_APP_1a2b3c', command: 'RESTART',
 * })
 * ```
 */
export async function sendInstanceCommand(
  client: DeeployBaseClient,
  parameters: SendInstanceCommandParameters,
): Promise<SendInstanceCommandReturnType> {
  requireNonEmpty('targetNodes', parameters.targetNodes)
  if (parameters.command === undefined)
    throw new InvalidParameterError({ field: 'command', value: undefined, rule: 'a JSON value' })
  return sendSigned(client, {
    path: '/send_instance_command',
    requestType: 'send instance command',
    payload: {
      app_id: parameters.appId,
      job_id: parameters.jobId === undefined ? undefined : toWireJobId(parameters.jobId),
      target_nodes: parameters.targetNodes,
      plugin_signature: parameters.pluginSignature,
      instance_id: parameters.instanceId,
      instance_command: parameters.command,
    },
    kind: 'write',
    schema: instanceCommandResultSchema(),
    options: parameters,
  })
}
