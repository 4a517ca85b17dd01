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
import { scaleUpResultSchema } from '../schemas/deeploy.js'

export type ScaleUpJobWorkersParameters = DeeployCallOptions & {
  jobId: bigint | number
  /** New nodes to add (`0xai_…`); or let the oracle pick `targetNodesCount` nodes. */
  targetNodes?: string[] | undefined
  targetNodesCount?: number | undefined
  /** Minimum node totals for automatic selection, e.g. `{ cpu: 2, memory: '4g' }`. */
  nodeResReq?: { cpu: number; memory: string } | undefined
  /** Wait for readiness confirmations. @default true */
  chainstoreResponse?: boolean | undefined
  /** Echo the request in the response. */
  returnRequest?: boolean | undefined
}
/**
 * The validated `result` of `scaleUpJobWorkers`.
 *
 * @useDeclaredType
 */
export type ScaleUpJobWorkersReturnType = z.output<ReturnType<typeof scaleUpResultSchema>>
export type ScaleUpJobWorkersErrorType =
  | InvalidParameterErrorType
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType
  | SignerUnavailableErrorType

/**
 * Adds nodes to a running job: `POST /scale_up_job_workers` (long poll, never retried). Pay for the
 * extra nodes on-chain first (`CspEscrow.extendJobNodes`).
 *
 * @example
 * ```ts
 * import { scaleUpJobWorkers } from '@ratio1/sdk-deeploy'
 * await scaleUpJobWorkers(client, { jobId: 12n, targetNodesCount: 1 })
 * ```
 */
export async function scaleUpJobWorkers(
  client: DeeployBaseClient,
  parameters: ScaleUpJobWorkersParameters,
): Promise<ScaleUpJobWorkersReturnType> {
  if (!parameters.targetNodes?.length && !parameters.targetNodesCount)
    throw new InvalidParameterError({
      field: 'targetNodesCount',
      value: parameters.targetNodesCount,
      rule: 'the new nodes (targetNodes) or how many to add (targetNodesCount ≥ 1)',
    })
  return sendSigned(client, {
    path: '/scale_up_job_workers',
    requestType: 'scale up workers',
    payload: {
      job_id: toWireJobId(parameters.jobId),
      target_nodes: parameters.targetNodes ?? [],
      target_nodes_count: parameters.targetNodesCount ?? 0,
      node_res_req: parameters.nodeResReq,
      chainstore_response: parameters.chainstoreResponse ?? true,
      return_request: parameters.returnRequest,
    },
    kind: 'long-poll',
    schema: scaleUpResultSchema(),
    options: parameters,
  })
}
