import type { Address } from 'viem'
import { cspEscrowAbi, escrowCallAbi } from '../abis.js'
import type { EscrowWriteErrorType } from '../errors/types.js'
import { resolveAccount, resolveEscrow } from '../internal/resolve.js'
import type {
  EscrowClient,
  ManagerParameters,
  TransactionParameters,
  TransactionResult,
} from '../internal/types.js'
import { read, sendAndWait, transactionOptions } from '../internal/write.js'

export type PruneClosedJobsParameters = ManagerParameters &
  TransactionParameters & {
    /** Closed jobs to delete; each must hold no balance (withdraw it first). */
    jobIds: readonly bigint[]
    /** Default: the escrow the sender owns. */
    escrow?: Address | undefined
  }
export type PruneClosedJobsReturnType = TransactionResult & {
  /** The positions in `closedJobs` that were removed, as sent (descending). */
  indexes: bigint[]
}
export type PruneClosedJobsErrorType = EscrowWriteErrorType

/**
 * Deletes closed, emptied jobs from the escrow's history so it stops growing (CSP owner only). Takes job
 * ids and works out their positions in `closedJobs` (the contract wants them strictly descending).
 * **Our contracts only**: Ratio1's deployed escrow keeps closed jobs forever.
 *
 * @example
 * ```ts
 * import { pruneClosedJobs } from '@ratio1/sdk-escrow'
 * await pruneClosedJobs(ownerClient, { escrow, jobIds: [3n, 5n] })
 * ```
 */
export async function pruneClosedJobs(
  client: EscrowClient,
  parameters: PruneClosedJobsParameters,
): Promise<PruneClosedJobsReturnType> {
  const escrow = await resolveEscrow(client, parameters)
  const closed = await read<readonly { id: bigint }[]>(client, {
    address: escrow,
    abi: cspEscrowAbi,
    functionName: 'getClosedJobs',
  })
  const wanted = new Set(parameters.jobIds)
  const indexes = closed
    .map((job, index) => ({ id: job.id, index: BigInt(index) }))
    .filter((entry) => wanted.has(entry.id))
    .map((entry) => entry.index)
    .sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))
  const result = await sendAndWait(
    client,
    { address: escrow, abi: escrowCallAbi, functionName: 'pruneClosedJobs', args: [indexes] },
    transactionOptions(parameters),
    { account: resolveAccount(client, parameters.account), escrow },
  )
  return { ...result, indexes }
}
