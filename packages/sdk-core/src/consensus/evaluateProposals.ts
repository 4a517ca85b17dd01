import type { Address, Hex } from 'viem'
import { toEvmAddress } from '../addresses/toEvmAddress.js'
import type { InvalidEthAddressErrorType, InvalidNodeAddressErrorType } from '../errors/address.js'
import type { InvalidParameterErrorType } from '../errors/parameters.js'
import { InvalidParameterError } from '../errors/parameters.js'
import { consensusThresholds } from './consensusThresholds.js'
import { hashNodeSet } from './hashNodeSet.js'

/** One `submitNodeUpdate(jobId, nodes)` call, in the order the transactions were mined. */
export type NodeSetSubmission = {
  oracle: Address
  /** The node list exactly as submitted (order matters). */
  nodes: readonly Address[]
}

/** @see evaluateProposals */
export type EvaluateProposalsParameters = {
  /** Submissions for one job in one epoch, in mining order. */
  submissions: readonly NodeSetSubmission[]
  /** Registered oracles; submissions from anyone else revert (`NotOracle`). Give this or `oracleCount`. */
  oracles?: readonly Address[] | undefined
  /** The number of registered oracles, when the list itself is not known. */
  oracleCount?: number | bigint | undefined
  /** The job's active nodes before the round (default: none, i.e. a job that has not started). */
  currentNodes?: readonly Address[] | undefined
  /** Proposals already stored for this job in this epoch, before `submissions`. */
  openRound?: readonly { oracle: Address; hash: Hex }[] | undefined
}

/** What happened to one submission. */
export type SubmissionOutcome =
  /** Stored as a proposal. */
  | 'proposed'
  /** Returned silently: no round was open and the list equals the job's current nodes. */
  | 'unchanged'
  /** Reverted with `AlreadySubmitted`: the oracle already proposed in this round. */
  | 'already-submitted'
  /** Reverted with `NotOracle`. */
  | 'not-oracle'
  /** Reverted with `ConsensusCooldownNotExpired`: consensus was just reached and the list differs. */
  | 'cooldown'

/** @see evaluateProposals */
export type EvaluateProposalsReturnType = {
  status: 'reached' | 'not-reached' | 'awaiting-quorum' | 'idle'
  quorum: number
  agreement: number
  /** Proposals stored in the round when it ended or at the last submission. */
  proposalCount: number
  /** Matching proposals behind the leading hash. */
  maxAgreement: number
  /** The agreed node set, its hash and the oracles that proposed it (in submission order), when reached. */
  consensus?: { nodes: Address[]; hash: Hex; participants: Address[] } | undefined
  /** Index in `submissions` of the submission that reached consensus. */
  decidedBy?: number | undefined
  /** Whether the escrow's node set changes (consensus on the current set only restarts the cooldown). */
  changesNodes: boolean
  outcomes: SubmissionOutcome[]
}

/** @see evaluateProposals */
export type EvaluateProposalsErrorType =
  | InvalidParameterErrorType
  | InvalidEthAddressErrorType
  | InvalidNodeAddressErrorType

/**
 * Replays a job's node-set submissions through PoAIManager's rules and returns exactly what it decides:
 * a submission equal to the current set with no open round is a silent no-op; each oracle proposes once
 * per round; once ⌊n/2⌋ + 1 proposals exist, the most frequent hash wins if at least ⌊n/3⌋ + 1 oracles
 * proposed it, ties going to the hash proposed first; after consensus, a different list hits the cooldown.
 *
 * @example
 * ```ts
 * import { evaluateProposals } from '@ratio1/sdk-core'
 * const A = '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'
 * const result = evaluateProposals({
 *   oracleCount: 3,
 *   submissions: [
 *     { oracle: '0x0000000000000000000000000000000000000001', nodes: [A] },
 *     { oracle: '0x0000000000000000000000000000000000000002', nodes: [A] },
 *   ],
 * })
 * result.status // 'reached'
 * ```
 */
export function evaluateProposals(
  parameters: EvaluateProposalsParameters,
): EvaluateProposalsReturnType {
  const oracles = parameters.oracles?.map((oracle, index) =>
    toEvmAddress(`oracles[${index}]`, oracle),
  )
  const oracleCount = oracles?.length ?? parameters.oracleCount
  if (oracleCount === undefined)
    throw new InvalidParameterError({
      field: 'oracleCount',
      value: undefined,
      rule: 'the number of registered oracles (or the `oracles` list)',
    })
  const { quorum, agreement } = consensusThresholds(oracleCount)
  const oracleSet = oracles ? new Set(oracles) : undefined

  let currentHash = hashNodeSet(parameters.currentNodes ?? [])
  const round: { oracle: Address; hash: Hex }[] = (parameters.openRound ?? []).map(
    (proposal, i) => ({
      oracle: toEvmAddress(`openRound[${i}].oracle`, proposal.oracle),
      hash: proposal.hash,
    }),
  )
  const nodesByHash = new Map<Hex, Address[]>()
  const outcomes: SubmissionOutcome[] = []
  let reached: EvaluateProposalsReturnType['consensus']
  let decidedBy: number | undefined
  let maxAgreement = 0
  let proposalCount = round.length
  let changesNodes = false

  for (const [index, submission] of parameters.submissions.entries()) {
    const oracle = toEvmAddress(`submissions[${index}].oracle`, submission.oracle)
    const nodes = submission.nodes.map((node, i) =>
      toEvmAddress(`submissions[${index}].nodes[${i}]`, node),
    )
    const hash = hashNodeSet(nodes)
    if (oracleSet && !oracleSet.has(oracle)) {
      outcomes.push('not-oracle')
      continue
    }
    if (round.length === 0 && hash === currentHash) {
      outcomes.push('unchanged')
      continue
    }
    if (reached) {
      outcomes.push('cooldown')
      continue
    }
    if (round.some((proposal) => proposal.oracle === oracle)) {
      outcomes.push('already-submitted')
      continue
    }
    if (!nodesByHash.has(hash)) nodesByHash.set(hash, nodes)
    round.push({ oracle, hash })
    proposalCount = round.length
    outcomes.push('proposed')
    if (round.length < quorum) continue

    let winner: Hex | undefined
    let best = 0
    const counted = new Set<Hex>()
    for (const proposal of round) {
      if (counted.has(proposal.hash)) continue
      counted.add(proposal.hash)
      const count = round.filter((other) => other.hash === proposal.hash).length
      if (count > best) {
        best = count
        winner = proposal.hash
      }
    }
    maxAgreement = best
    if (winner === undefined || best < agreement) continue
    const agreedNodes = nodesByHash.get(winner)
    if (!agreedNodes)
      throw new InvalidParameterError({
        field: 'openRound',
        value: winner,
        rule: 'every hash of the open round to also be proposed in `submissions` (its node list is needed)',
      })
    reached = {
      nodes: agreedNodes,
      hash: winner,
      participants: round.filter((proposal) => proposal.hash === winner).map((p) => p.oracle),
    }
    decidedBy = index
    changesNodes = winner !== currentHash
    currentHash = winner
    round.length = 0
  }

  const status = reached
    ? 'reached'
    : proposalCount === 0
      ? 'idle'
      : proposalCount < quorum
        ? 'awaiting-quorum'
        : 'not-reached'
  return {
    status,
    quorum,
    agreement,
    proposalCount,
    maxAgreement,
    consensus: reached,
    decidedBy,
    changesNodes,
    outcomes,
  }
}
