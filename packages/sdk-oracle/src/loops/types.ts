import type { JobDetails } from '@ratio1/sdk-core'
import type { Address, Hex } from 'viem'

/** A Ratio1 node address (`0xai_…`). */
export type NodeAddress = `0xai_${string}`

/** An active job as the manager reports it, with its escrow. */
export type ChainJob = JobDetails & { escrowAddress: Address; escrowOwner: Address }

/** What the loops need to know about the chain, read once per tick in a constant number of round trips. */
export type ChainView = {
  /** This oracle's ETH address. */
  oracle: Address
  /** Registered oracles (`Controller.getOracles()`). */
  oracles: readonly Address[]
  currentEpoch: bigint
  /** Latest block timestamp, seconds. */
  blockTimestamp: bigint
  /** Jobs with an open round that this oracle has not voted on in the current epoch. */
  unvalidatedJobIds: readonly bigint[]
  /** Every job with an open round (whoever voted). */
  openRoundJobIds: readonly bigint[]
  /** `getFirstClosableJobId()`; 0 when none. */
  firstClosableJobId: bigint
  /** `getIsLastEpochAllocated()`. */
  lastEpochAllocated: boolean
  /** Every active (created, not closed) job. */
  jobs: readonly ChainJob[]
  /** This oracle's ETH balance in wei. */
  balance: bigint
}

/** One node of the fleet, as the loops see it. */
export type FleetNodeView = {
  address: NodeAddress
  ethAddress: Address
  online: boolean
  /** Workloads currently on the node (for placement). */
  load: number
}

/** What runs where, as the loops see it. */
export type FleetView = {
  nodes: readonly FleetNodeView[]
  /** One entry per (node, job) pair that runs. */
  workloads: readonly { node: NodeAddress; jobId: bigint }[]
}

/** Proposes a node set for a job (`PoAIManager.submitNodeUpdate`). */
export type SubmitNodeUpdateAction = {
  type: 'submitNodeUpdate'
  jobId: bigint
  /** Canonical order: EIP-55 strings sorted by plain string comparison. */
  nodes: Address[]
  /** `hashNodeSet(nodes)`: with `epoch`, the key that prevents a second identical submission. */
  nodesHash: Hex
  epoch: bigint
  loop: 'validation' | 'closure' | 'availability' | 'deployment'
  /** The schedule entry a following `complete` closes; it stays open when this submission fails. */
  scheduleKey?: string | undefined
}
/** Starts a job's workload on a node. */
export type StartWorkloadAction = {
  type: 'startWorkload'
  jobId: bigint
  node: NodeAddress
  loop: 'availability' | 'deployment'
}
/** Stops a job's workload on a node. */
export type StopWorkloadAction = {
  type: 'stopWorkload'
  jobId: bigint
  node: NodeAddress
  loop: 'closure' | 'availability'
}
/** Allocates the last finished epoch's rewards. */
export type AllocateRewardsAction = {
  type: 'allocateRewards'
  epoch: bigint
  /** Jobs per transaction when paginated; `undefined` for one `allocateRewardsAcrossAllEscrows`. */
  pageSize: number | undefined
  /** The schedule entry a following `complete` closes; it stays open when the allocation fails. */
  scheduleKey?: string | undefined
}
/** Remembers a decision for later ticks (a backoff deadline, a detection time). */
export type ScheduleAction = {
  type: 'schedule'
  key: string
  /** Milliseconds (clock time) at which the scheduled work is due. */
  at: number
}
/** Marks a scheduled piece of work as finished so it is never done again. */
export type CompleteAction = { type: 'complete'; key: string }

/** Everything a loop may decide to do. */
export type OracleAction =
  | SubmitNodeUpdateAction
  | StartWorkloadAction
  | StopWorkloadAction
  | AllocateRewardsAction
  | ScheduleAction
  | CompleteAction

/** Scheduled work the loops remember between ticks (persisted by the state store). */
export type ScheduleView = {
  /** Due time (ms) of a schedule key, or `undefined`. */
  get(key: string): { at: number; done: boolean } | undefined
}

/** Whether this oracle already sent a submission for `(jobId, epoch, nodesHash)`. */
export type SubmissionLedger = {
  hasSubmitted(jobId: bigint, epoch: bigint, nodesHash: Hex): boolean
}
