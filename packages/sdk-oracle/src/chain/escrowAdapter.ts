// The oracle's writes, through @ratio1/sdk-escrow's actions: each is simulated first, so a call the
// chain would reject costs no gas and comes back as `skipped` with the revert's name.
import {
  allocateRewardsAcrossAllEscrows as allocateAll,
  allocateRewardsAcrossEscrowsPaginated as allocatePaginated,
  simulateAllocateRewardsAcrossAllEscrows,
  simulateAllocateRewardsAcrossEscrowsPaginated,
  simulateSubmitNodeUpdate,
  submitNodeUpdate as submit,
} from '@ratio1/sdk-escrow'
import {
  type Account,
  type Address,
  type Chain,
  type Client,
  ContractFunctionRevertedError,
  type Hash,
  type PublicClient,
  type Transport,
} from 'viem'

export type WriteOutcome =
  | { status: 'mined'; txHash: Hash }
  | { status: 'reverted'; txHash: Hash }
  /** The simulation reverted: nothing was sent, no gas spent. */
  | { status: 'skipped'; reason: string }

type Clients = {
  publicClient: PublicClient
  walletClient: Client<Transport, Chain | undefined, Account>
}

async function simulated(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run()
    return undefined
  } catch (error) {
    return revertName(error)
  }
}

/** `PoAIManager.submitNodeUpdate(jobId, nodes)` (nodes already canonical), simulated first. */
export async function submitNodeUpdate(
  { walletClient }: Clients,
  parameters: { poaiManager: Address; jobId: bigint; nodes: readonly Address[] },
): Promise<WriteOutcome> {
  const call = { manager: parameters.poaiManager, jobId: parameters.jobId, nodes: parameters.nodes }
  const reason = await simulated(() => simulateSubmitNodeUpdate(walletClient, call))
  if (reason !== undefined) return { status: 'skipped', reason }
  const result = await submit(walletClient, { ...call, canonical: false })
  return { status: result.receipt.status === 'success' ? 'mined' : 'reverted', txHash: result.hash }
}

/** `allocateRewardsAcrossAllEscrows()`, simulated first. */
export async function allocateRewardsAcrossAllEscrows(
  { walletClient }: Clients,
  parameters: { poaiManager: Address },
): Promise<WriteOutcome> {
  const manager = parameters.poaiManager
  const reason = await simulated(() =>
    simulateAllocateRewardsAcrossAllEscrows(walletClient, { manager }),
  )
  if (reason !== undefined) return { status: 'skipped', reason }
  const result = await allocateAll(walletClient, { manager })
  return { status: result.receipt.status === 'success' ? 'mined' : 'reverted', txHash: result.hash }
}

/** One page of `allocateRewardsAcrossEscrowsPaginated(maxJobs)`, simulated first. */
export async function allocateRewardsPage(
  { walletClient }: Clients,
  parameters: { poaiManager: Address; maxJobs: bigint },
): Promise<WriteOutcome & { completed?: boolean }> {
  const call = { manager: parameters.poaiManager, maxJobs: parameters.maxJobs }
  const reason = await simulated(() =>
    simulateAllocateRewardsAcrossEscrowsPaginated(walletClient, call),
  )
  if (reason !== undefined) return { status: 'skipped', reason }
  // One page per call: the driver records each page, so a stop halfway leaves an exact trail.
  const result = await allocatePaginated(walletClient, { ...call, untilDone: false })
  const last = result.transactions.at(-1)
  if (!last)
    return { status: 'skipped', reason: 'nothing to allocate', completed: result.completed }
  return {
    status: last.receipt.status === 'success' ? 'mined' : 'reverted',
    txHash: last.hash,
    completed: result.completed,
  }
}

// Typed sdk-escrow errors keep viem's revert as their cause; the driver keys on the custom error name.
const typedNames: Record<string, string> = {
  AlreadySubmittedError: 'AlreadySubmitted',
  JobClosedError: 'JobIsClosed',
  ConsensusCooldownError: 'ConsensusCooldownNotExpired',
}

/** The custom error name of a revert, or the error's short message. */
export function revertName(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; current && depth < 10; depth++) {
    if (current instanceof ContractFunctionRevertedError) {
      if (current.data?.errorName) return current.data.errorName
      if (current.reason) return current.reason
    }
    current = (current as { cause?: unknown }).cause
  }
  const name = (error as { name?: string }).name
  if (name && typedNames[name]) return typedNames[name]
  return (
    (error as { shortMessage?: string }).shortMessage ??
    (error instanceof Error ? error.message : String(error))
  )
}
