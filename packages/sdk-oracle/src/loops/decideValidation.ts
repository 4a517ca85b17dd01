import { hashNodeSet } from '@ratio1/sdk-core'
import { runningNodes } from './internal.js'
import type { ChainView, FleetView, SubmissionLedger, SubmitNodeUpdateAction } from './types.js'

export type DecideValidationParameters = {
  chain: ChainView
  fleet: FleetView
  /** Submissions already sent (across restarts); matching ones are not repeated. */
  ledger: SubmissionLedger
}
export type DecideValidationReturnType = SubmitNodeUpdateAction[]

/**
 * The validation loop (deeploy-api.md §5.2) as a pure decision: for every job with an open round this
 * oracle has not voted on, propose the node set observed running it, in canonical order. The first
 * closable job is the exception: it is voted on (with the empty set) only once nothing runs it.
 *
 * @example
 * ```ts
 * import { decideValidation } from '@ratio1/sdk-oracle'
 * const actions = decideValidation({ chain, fleet, ledger })
 * // [{ type: 'submitNodeUpdate', jobId: 7n, nodes: ['0x12…', '0x9a…'], loop: 'validation', … }]
 * ```
 */
export function decideValidation(
  parameters: DecideValidationParameters,
): DecideValidationReturnType {
  const { chain, fleet, ledger } = parameters
  const closable = chain.firstClosableJobId
  const actions: SubmitNodeUpdateAction[] = []
  for (const jobId of chain.unvalidatedJobIds) {
    if (jobId === 0n) continue
    const nodes = runningNodes(fleet, jobId)
    const vote = jobId === closable ? nodes.length === 0 : nodes.length > 0
    if (!vote) continue
    const nodesHash = hashNodeSet(nodes)
    if (ledger.hasSubmitted(jobId, chain.currentEpoch, nodesHash)) continue
    actions.push({
      type: 'submitNodeUpdate',
      jobId,
      nodes,
      nodesHash,
      epoch: chain.currentEpoch,
      loop: 'validation',
    })
  }
  return actions
}
