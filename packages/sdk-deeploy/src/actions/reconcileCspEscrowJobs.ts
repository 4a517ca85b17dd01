import type { Hash } from 'viem'
import type * as z from 'zod/mini'
import { send } from '../clients/transport.js'
import type { DeeployBaseClient, DeeployCallOptions } from '../clients/types.js'
import type {
  DeeployApiErrorType,
  HttpRequestErrorType,
  ResponseValidationErrorType,
  TimeoutErrorType,
} from '../errors/request.js'
import { reconcileResultSchema } from '../schemas/deeploy.js'

export type ReconcileCspEscrowJobsParameters = DeeployCallOptions & {
  /** The mined transaction that emitted `CspEscrowOwnerTransferred`. */
  txHash: Hash
  /** Which log of the transaction, when it holds several transfers. */
  logIndex?: number | undefined
}
/**
 * The validated `result` of `reconcileCspEscrowJobs`.
 *
 * @useDeclaredType
 */
export type ReconcileCspEscrowJobsReturnType = z.output<ReturnType<typeof reconcileResultSchema>>
export type ReconcileCspEscrowJobsErrorType =
  | DeeployApiErrorType
  | HttpRequestErrorType
  | TimeoutErrorType
  | ResponseValidationErrorType

/**
 * After an escrow ownership transfer, asks the oracle to move the jobs and preferred nodes to the new
 * owner: `POST /reconcile_csp_escrow_jobs`. The proof is the mined transaction, so no signature is
 * needed. `status` may be `partial_success`; inspect `results` per job.
 *
 * @example
 * ```ts
 * import { reconcileCspEscrowJobs } from '@ratio1/sdk-deeploy'
 * const { status, results } = await reconcileCspEscrowJobs(client, { txHash: '0x…' })
 * ```
 */
export async function reconcileCspEscrowJobs(
  client: DeeployBaseClient,
  parameters: ReconcileCspEscrowJobsParameters,
): Promise<ReconcileCspEscrowJobsReturnType> {
  return send(client, {
    method: 'POST',
    url: `${client.baseUrl}/reconcile_csp_escrow_jobs`,
    kind: 'write',
    schema: reconcileResultSchema(),
    json: {
      request: {
        tx_hash: parameters.txHash,
        ...(parameters.logIndex === undefined ? {} : { log_index: parameters.logIndex }),
      },
    },
    options: parameters,
  })
}
