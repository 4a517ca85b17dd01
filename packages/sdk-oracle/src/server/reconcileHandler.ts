import { cspEscrowAbi, poaiManagerAbi } from '@ratio1/contracts/abis'
import {
  type Address,
  decodeEventLog,
  getAddress,
  type Hash,
  isAddressEqual,
  type Log,
  type TransactionReceipt,
  TransactionReceiptNotFoundError,
  toEventSelector,
  zeroAddress,
} from 'viem'
import { getTransactionReceipt, readContract } from 'viem/actions'
import type { PlacedWorkload } from '../fleet/types.js'
import { DeeployFailure } from './internal.js'
import type { ServerContext } from './types.js'

// The deployed contracts cannot transfer an escrow yet, so their ABIs lack this event; the oracle
// anticipates it. topic0 hashes only the signature `CspEscrowOwnerTransferred(address,address,address)`,
// never which parameters are indexed, so a log with this topic0 may carry its addresses either as
// three indexed topics or as three words of data: both layouts are decoded.
const transferredIndexed = {
  type: 'event',
  name: 'CspEscrowOwnerTransferred',
  inputs: [
    { name: 'escrow', type: 'address', indexed: true },
    { name: 'oldOwner', type: 'address', indexed: true },
    { name: 'newOwner', type: 'address', indexed: true },
  ],
} as const
const transferredInData = {
  type: 'event',
  name: 'CspEscrowOwnerTransferred',
  inputs: [
    { name: 'escrow', type: 'address', indexed: false },
    { name: 'oldOwner', type: 'address', indexed: false },
    { name: 'newOwner', type: 'address', indexed: false },
  ],
} as const
const transferSelector = toEventSelector(transferredIndexed)
const eventSignature = 'CspEscrowOwnerTransferred(escrow, oldOwner, newOwner)'

// The package's errors put hints and docs on further lines: a result message takes the first, and
// ends the sentence itself.
const reason = (error: unknown) =>
  ((error as { shortMessage?: string }).shortMessage ?? (error as Error).message).replace(/\.$/, '')

type Transfer = {
  logIndex: number
  escrow: Address
  oldOwner: Address
  newOwner: Address
}

function decodeTransfer(log: Log): Transfer | undefined {
  const abi =
    log.topics.length === 4
      ? [transferredIndexed]
      : log.topics.length === 1
        ? [transferredInData]
        : undefined
  if (!abi || log.logIndex === null) return undefined
  try {
    const { args } = decodeEventLog({ abi, data: log.data, topics: log.topics, strict: true })
    return {
      logIndex: log.logIndex,
      escrow: getAddress(args.escrow),
      oldOwner: getAddress(args.oldOwner),
      newOwner: getAddress(args.newOwner),
    }
  } catch {
    return undefined
  }
}

function readTxHash(request: Record<string, unknown>): Hash {
  const value = request.tx_hash ?? request.txHash
  if (value === undefined || value === null || value === '')
    throw new DeeployFailure(
      `'tx_hash' is required: the hash of the mined transaction that emitted ${eventSignature}.`,
    )
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{64}$/.test(value.trim()))
    throw new DeeployFailure(
      `'tx_hash' must be a transaction hash: 0x followed by 64 hex digits (got ${JSON.stringify(value)}).`,
    )
  return value.trim().toLowerCase() as Hash
}

function readLogIndex(request: Record<string, unknown>): number | undefined {
  const value = request.log_index ?? request.logIndex
  if (value === undefined || value === null) return undefined
  const index =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,9}$/.test(value)
        ? Number(value)
        : Number.NaN
  if (!Number.isSafeInteger(index) || index < 0)
    throw new DeeployFailure(
      `'log_index' must be a non-negative integer: the index of the transfer log in its block (got ${JSON.stringify(value)}).`,
    )
  return index
}

async function loadReceipt(ctx: ServerContext, hash: Hash): Promise<TransactionReceipt> {
  try {
    return await getTransactionReceipt(ctx.publicClient, { hash })
  } catch (error) {
    if (error instanceof TransactionReceiptNotFoundError)
      throw new DeeployFailure(
        `Transaction ${hash} is not a mined transaction on ${ctx.network}: check the hash and the network, or wait until it is mined and retry.`,
      )
    throw new DeeployFailure(
      `Could not load the receipt of transaction ${hash}: ${reason(error)}. Retry later.`,
    )
  }
}

function findTransfer(
  ctx: ServerContext,
  receipt: TransactionReceipt,
  logIndex: number | undefined,
): Transfer {
  const manager = ctx.addresses.poaiManager
  const transfers = receipt.logs
    .filter((log) => isAddressEqual(log.address, manager) && log.topics[0] === transferSelector)
    .map(decodeTransfer)
    .filter((transfer) => transfer !== undefined)
  const hash = receipt.transactionHash
  if (transfers.length === 0)
    throw new DeeployFailure(
      `Transaction ${hash} emitted no ${eventSignature} log from PoAIManager ${manager}: pass the hash of the transaction that transferred the escrow.`,
    )
  const indexes = transfers.map((t) => t.logIndex).join(', ')
  if (logIndex !== undefined) {
    const chosen = transfers.find((t) => t.logIndex === logIndex)
    if (!chosen)
      throw new DeeployFailure(
        `Transaction ${hash} has no ${eventSignature} log from PoAIManager at log_index ${logIndex}; its transfer logs are at log_index ${indexes}.`,
      )
    return chosen
  }
  if (transfers.length > 1)
    throw new DeeployFailure(
      `Transaction ${hash} emitted ${transfers.length} ${eventSignature} logs (log_index ${indexes}): pass log_index to choose one.`,
    )
  return transfers[0]!
}

type JobResult = Record<string, unknown> & {
  status: 'updated' | 'node_update_delivered' | 'already_current' | 'pipeline_missing' | 'failed'
}

const sameOwner = (a: unknown, b: Address) =>
  typeof a === 'string' && a.toLowerCase() === b.toLowerCase()

/**
 * Moves one active job to the new owner: the stored spec (its `owner` and the pipeline's `OWNER`)
 * and every live workload still running under another owner, restarted with the new one. The spec
 * is rewritten even when a restart fails: the availability loop redeploys from it, and a second
 * call retries the workloads that still run under the old owner.
 */
async function reconcileJob(
  ctx: ServerContext,
  jobId: bigint,
  transfer: Transfer,
  workloads: PlacedWorkload[],
): Promise<JobResult> {
  const { newOwner } = transfer
  const stored = ctx.store.getJob(jobId)
  if (!stored)
    return {
      status: 'pipeline_missing',
      detail: `This oracle holds no stored pipeline for job ${jobId}: it was not deployed through the Deeploy API, so there is nothing to rewrite.`,
    }
  const stale = workloads.filter((w) => w.jobId === jobId && !sameOwner(w.owner, newOwner))
  const specCurrent =
    sameOwner(stored.owner, newOwner) && sameOwner(stored.pipeline.OWNER, newOwner)
  if (specCurrent && stale.length === 0)
    return { status: 'already_current', app_id: stored.appId, owner: newOwner }

  const restarts = stale.map((w) => ({
    node: w.node,
    workload: {
      jobId,
      appId: w.appId,
      owner: newOwner,
      pipeline: { ...w.pipeline, OWNER: newOwner },
    },
  }))
  if (!specCurrent)
    ctx.store.saveJob({
      ...stored,
      owner: newOwner,
      pipeline: { ...stored.pipeline, OWNER: newOwner },
    })
  const restarted: string[] = []
  const failures: string[] = []
  for (const restart of restarts) {
    try {
      await ctx.fleet.stopWorkload({ node: restart.node, jobId })
      await ctx.fleet.startWorkload(restart)
      restarted.push(restart.node)
    } catch (error) {
      failures.push(`${restart.node}: ${reason(error)}`)
    }
  }
  if (failures.length > 0)
    return {
      status: 'failed',
      app_id: stored.appId,
      owner: newOwner,
      nodes: restarted,
      error: `Could not restart job ${jobId} under the new owner on ${failures.join('; ')}. The stored pipeline is updated: the availability loop redeploys missing workloads, and calling reconcile again retries the rest.`,
    }
  return restarted.length > 0
    ? { status: 'node_update_delivered', app_id: stored.appId, owner: newOwner, nodes: restarted }
    : { status: 'updated', app_id: stored.appId, owner: newOwner }
}

/**
 * `/reconcile_csp_escrow_jobs` (§3.12, unauthenticated: the proof is the mined transfer). After an
 * escrow changed owner on chain, moves the preferred-node list and every active job's stored
 * pipeline and live workloads to the new owner. Idempotent: a repeated call reports
 * `already_current`.
 */
export async function reconcileCspEscrowJobs(ctx: ServerContext, request: Record<string, unknown>) {
  const hash = readTxHash(request)
  const logIndex = readLogIndex(request)
  const receipt = await loadReceipt(ctx, hash)
  if (receipt.status !== 'success')
    throw new DeeployFailure(
      `Transaction ${hash} reverted in block ${receipt.blockNumber}: a reverted transaction transfers no escrow. Pass the hash of the successful transfer.`,
    )
  const transfer = findTransfer(ctx, receipt, logIndex)
  if (isAddressEqual(transfer.newOwner, zeroAddress))
    throw new DeeployFailure(
      `The transfer at log_index ${transfer.logIndex} names the zero address as the new owner of escrow ${transfer.escrow}; there is no owner to move the jobs to.`,
    )
  const owner = await readContract(ctx.publicClient, {
    address: ctx.addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'escrowToOwner',
    args: [transfer.escrow],
  })
  if (!isAddressEqual(owner, transfer.newOwner))
    throw new DeeployFailure(
      `The chain does not confirm the transfer: PoAIManager.escrowToOwner(${transfer.escrow}) is ${owner}, not ${transfer.newOwner}. Reconcile with the escrow's latest owner transfer.`,
    )
  // Everything the moves need is read before the first write, so a failed read changes nothing.
  const jobs = await readContract(ctx.publicClient, {
    address: transfer.escrow,
    abi: cspEscrowAbi,
    functionName: 'getActiveJobs',
  })
  let workloads: PlacedWorkload[]
  try {
    workloads = await ctx.fleet.listWorkloads()
  } catch (error) {
    throw new DeeployFailure(
      `Could not read the fleet's workloads: ${reason(error)}. Nothing was changed; retry when the fleet answers.`,
    )
  }

  let migration: Record<string, unknown>
  try {
    migration = {
      status: ctx.store.movePreferredNodes(transfer.oldOwner, transfer.newOwner),
      from: transfer.oldOwner.toLowerCase(),
      to: transfer.newOwner.toLowerCase(),
    }
  } catch (error) {
    migration = {
      status: 'failed',
      from: transfer.oldOwner.toLowerCase(),
      to: transfer.newOwner.toLowerCase(),
      error: `Could not move the preferred-node list: ${reason(error)}. Call reconcile again to retry.`,
    }
  }
  const results: Record<string, JobResult> = {}
  for (const job of jobs) {
    try {
      results[job.id.toString()] = await reconcileJob(ctx, job.id, transfer, workloads)
    } catch (error) {
      results[job.id.toString()] = {
        status: 'failed',
        error: `Could not update job ${job.id}: ${reason(error)}. Call reconcile again to retry.`,
      }
    }
  }

  // 'missing' and 'pipeline_missing' had nothing to move: they neither fail nor rescue a call.
  const outcomes = [migration.status, ...Object.values(results).map((r) => r.status)]
  const failed = outcomes.some((s) => s === 'failed')
  const moved = outcomes.some((s) => s !== 'failed' && s !== 'missing' && s !== 'pipeline_missing')
  const status = !failed ? 'success' : moved ? 'partial_success' : 'fail'
  ctx.logger.info('escrow owner transfer reconciled', {
    escrow: transfer.escrow,
    newOwner: transfer.newOwner,
    status,
    jobs: jobs.length,
  })
  return {
    status,
    ...(status === 'fail'
      ? {
          error: `Nothing could be moved to ${transfer.newOwner}; see preferred_nodes_migration and results for each failure, then call reconcile again.`,
        }
      : {}),
    transfer: {
      network: ctx.network,
      tx_hash: receipt.transactionHash,
      log_index: transfer.logIndex,
      block_number: Number(receipt.blockNumber),
      escrow: transfer.escrow,
      old_owner: transfer.oldOwner,
      new_owner: transfer.newOwner,
    },
    preferred_nodes_migration: migration,
    results,
  }
}
