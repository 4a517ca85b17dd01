import type { Address, Hash, Hex, TransactionReceipt } from 'viem'
import { encodeFunctionData, keccak256, stringToHex } from 'viem'
import {
  getBlockNumber,
  getLogs,
  getTransaction,
  getTransactionCount,
  getTransactionReceipt,
  prepareTransactionRequest,
  readContract,
  sendRawTransaction,
  signTransaction,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions'
import { cspEscrowAbi, escrowCallAbi } from '../abis.js'
import {
  ContractAddressRequiredError,
  IdempotencyConflictError,
  TransactionFailedError,
} from '../errors/escrow.js'
import { toEscrowError } from '../errors/toEscrowError.js'
import type { EscrowPaymentErrorType } from '../errors/types.js'
import {
  type JobCreationRequest,
  type JobRequest,
  prepareCreateJobs,
} from '../internal/prepareCreateJobs.js'
import { createdJobIds } from '../internal/receipts.js'
import { resolveAccount } from '../internal/resolve.js'
import type { EscrowClient, TransactionResult } from '../internal/types.js'
import { simulate, transactionOptions } from '../internal/write.js'
import type { KeyValueStore } from '../stores/types.js'
import { approveUsdc } from './approveUsdc.js'
import type { CreateJobsParameters } from './createJobs.js'

/** What the journal records about one idempotent payment, step by step. */
export type PaymentJournalEntry = {
  /** Identifies the payment's inputs; a key reused for other inputs is refused. */
  fingerprint: Hex
  /**
   * `prepared`: priced, nothing sent; `approved`: allowance in place; `signed`: the transaction is signed
   * (local accounts) and may have been broadcast; `sending`: about to be sent with `nonce` (JSON-RPC
   * accounts); `sent`: broadcast; `confirmed`: mined, jobs created; `failed`: mined and reverted (nothing
   * was paid; the next call starts over).
   */
  status: 'prepared' | 'approved' | 'signed' | 'sending' | 'sent' | 'confirmed' | 'failed'
  escrow: Address
  payer: Address
  /** The exact `createJobs` arguments, fixed at the first attempt. */
  requests: JobCreationRequest[]
  total: bigint
  nonce?: number | undefined
  /** The block before sending: where a lost transaction is searched for. */
  fromBlock?: bigint | undefined
  hash?: Hash | undefined
  /** The signed transaction, re-broadcast as is on resume (local accounts). */
  serialized?: Hex | undefined
  jobIds?: bigint[] | undefined
  blockNumber?: bigint | undefined
}

export type CreateJobsIdempotentParameters = CreateJobsParameters & {
  /** A key chosen by the caller for this payment (an order id, say). Same key, same payment. */
  key: string
  /** Where progress is recorded: `createMemoryStore()`, `createFileStore(path)` or your own. */
  journal: KeyValueStore<PaymentJournalEntry>
  /** Milliseconds to wait for a receipt before giving up (the journal keeps the state). */
  timeout?: number | undefined
}
export type CreateJobsIdempotentReturnType = TransactionResult & {
  escrow: Address
  jobIds: bigint[]
  /** The USDC paid. */
  total: bigint
  /** Whether an earlier, interrupted attempt was picked up instead of starting afresh. */
  resumed: boolean
}
export type CreateJobsIdempotentErrorType = EscrowPaymentErrorType

function fingerprintOf(payer: Address, parameters: CreateJobsIdempotentParameters): Hex {
  const jobs = parameters.jobs.map((job: JobRequest) => ({
    ...job,
    until: job.until instanceof Date ? job.until.getTime() / 1000 : job.until,
  }))
  const text = JSON.stringify({ payer, escrow: parameters.escrow ?? null, jobs }, (_, value) =>
    typeof value === 'bigint' ? `${value}n` : value,
  )
  return keccak256(stringToHex(text))
}

/**
 * `createJobs` that pays at most once per `key`, even if the process dies at any point: before or after
 * the approval, after signing, after broadcasting, or before the receipt. Each step is written to the
 * journal before it is taken; calling again with the same key resumes from the last recorded step and
 * returns the jobs of the one payment.
 *
 * With a local account the transaction is signed first and its hash journaled before broadcast, so a
 * resumed call re-broadcasts the very same transaction. With a JSON-RPC account the nonce is pinned and
 * journaled; a resumed call finds the mined transaction by sender and nonce, or sends with the same nonce
 * (so at most one of the two can ever be mined).
 *
 * @example
 * ```ts
 * import { createJobsIdempotent } from '@ratio1/sdk-escrow'
 * import { createFileStore } from '@ratio1/sdk-escrow/node'
 * const journal = createFileStore('./payments.json')
 * const { jobIds } = await createJobsIdempotent(walletClient, {
 *   key: 'order-17',
 *   journal,
 *   escrow,
 *   jobs: [{ jobType: 1, nodes: 2, epochs: 30 }],
 * })
 * ```
 */
export async function createJobsIdempotent(
  client: EscrowClient,
  parameters: CreateJobsIdempotentParameters,
): Promise<CreateJobsIdempotentReturnType> {
  const { key, journal } = parameters
  const options = transactionOptions(parameters)
  const payer = resolveAccount(client, parameters.account)
  if (!payer) throw new ContractAddressRequiredError({ contract: 'account' })
  const fingerprint = fingerprintOf(payer, parameters)
  let entry = await journal.get(key)
  const resumed = entry !== undefined && entry.status !== 'failed'
  if (entry && entry.fingerprint !== fingerprint) throw new IdempotencyConflictError({ key })
  const save = async (update: Partial<PaymentJournalEntry>) => {
    entry = { ...(entry as PaymentJournalEntry), ...update }
    await journal.set(key, entry)
    return entry
  }
  const finish = async (receipt: TransactionReceipt) => {
    const current = entry as PaymentJournalEntry
    if (receipt.status !== 'success') {
      await save({ status: 'failed', hash: receipt.transactionHash })
      throw new TransactionFailedError({
        functionName: 'createJobs',
        hash: receipt.transactionHash,
      })
    }
    const jobIds = createdJobIds(receipt, current.escrow)
    await save({
      status: 'confirmed',
      hash: receipt.transactionHash,
      jobIds,
      blockNumber: receipt.blockNumber,
    })
    return {
      hash: receipt.transactionHash,
      receipt,
      escrow: current.escrow,
      jobIds,
      total: current.total,
      resumed,
    }
  }
  const wait = (hash: Hash) =>
    waitForTransactionReceipt(client, {
      hash,
      ...(parameters.timeout === undefined ? {} : { timeout: parameters.timeout }),
    })

  // 1. Pick up an interrupted attempt.
  if (entry && entry.status !== 'failed') {
    if (entry.status === 'confirmed' && entry.hash)
      return finish(await getTransactionReceipt(client, { hash: entry.hash }))
    if (entry.hash) {
      const receipt = await getTransactionReceipt(client, { hash: entry.hash }).catch(
        () => undefined,
      )
      if (receipt) return finish(receipt)
      if (entry.serialized) {
        // Same bytes, same hash: re-broadcasting can never create a second payment.
        await sendRawTransaction(client, { serializedTransaction: entry.serialized }).catch(
          () => undefined,
        )
        const mined = await getTransactionReceipt(client, { hash: entry.hash }).catch(
          () => undefined,
        )
        if (mined) return finish(mined)
        const latest = await getTransactionCount(client, { address: payer, blockTag: 'latest' })
        if (entry.nonce === undefined || latest <= entry.nonce)
          return finish(await wait(entry.hash))
        // Another transaction took the nonce, so the signed one can never be mined: start over.
        entry = await save({
          status: 'approved',
          hash: undefined,
          serialized: undefined,
          nonce: undefined,
        })
      } else {
        return finish(await wait(entry.hash))
      }
    }
    if (entry.status === 'sending' && entry.nonce !== undefined) {
      const found = await findSent(client, entry)
      if (found) return finish(found)
    }
  }

  // 2. Price the jobs once and keep the exact arguments.
  if (!entry || entry.status === 'failed') {
    const prepared = await prepareCreateJobs(client, parameters)
    entry = {
      fingerprint,
      status: 'prepared',
      escrow: prepared.escrow,
      payer,
      requests: prepared.requests,
      total: prepared.quote.total,
    }
    await journal.set(key, entry)
  }
  const current = entry as PaymentJournalEntry

  // 3. Allowance: `approve` sets rather than adds, so repeating it is harmless.
  if (current.status === 'prepared' && parameters.allowance !== 'none') {
    const usdc = await readContract(client, {
      address: current.escrow,
      abi: cspEscrowAbi,
      functionName: 'usdcToken',
    })
    await approveUsdc(client, {
      ...options,
      usdc,
      spender: current.escrow,
      amount: current.total,
      method: parameters.allowance ?? 'auto',
    })
    await save({ status: 'approved' })
  }

  // 4. Check the call (typed errors before anything is signed), then send it exactly once.
  const context = {
    account: payer,
    escrow: current.escrow,
    requests: current.requests,
  }
  const call = {
    address: current.escrow,
    abi: escrowCallAbi,
    functionName: 'createJobs',
    args: [current.requests],
  }
  await simulate(client, call, options, context)
  const account = options.account ?? client.account
  const fromBlock = await getBlockNumber(client)
  if (account && typeof account === 'object' && account.type === 'local') {
    const request = await prepareTransactionRequest(client, {
      ...(Object.fromEntries(
        Object.entries(options).filter(([, value]) => value !== undefined),
      ) as object),
      account,
      to: current.escrow,
      data: encodeFunctionData({
        abi: cspEscrowAbi,
        functionName: 'createJobs',
        args: [current.requests],
      }),
    } as never)
    const serialized = await signTransaction(client, { ...(request as object), account } as never)
    const hash = keccak256(serialized)
    await save({
      status: 'signed',
      nonce: (request as { nonce: number }).nonce,
      fromBlock,
      hash,
      serialized,
    })
    await sendRawTransaction(client, { serializedTransaction: serialized })
    await save({ status: 'sent' })
    return finish(await wait(hash))
  }
  // A resumed `sending` keeps its nonce: whichever of the two transactions is mined, only one can be.
  const nonce =
    current.nonce ??
    options.nonce ??
    (await getTransactionCount(client, { address: payer, blockTag: 'pending' }))
  await save({ status: 'sending', nonce, fromBlock: current.fromBlock ?? fromBlock })
  let hash: Hash
  try {
    hash = await writeContract(client, {
      ...call,
      ...options,
      account: account ?? payer,
      nonce,
    } as never)
  } catch (error) {
    throw toEscrowError(error, { functionName: 'createJobs', ...context })
  }
  await save({ status: 'sent', hash })
  return finish(await wait(hash))
}

/** After a crash between journaling `sending` and learning the hash: was a transaction with the nonce mined? */
async function findSent(
  client: EscrowClient,
  entry: PaymentJournalEntry,
): Promise<TransactionReceipt | undefined> {
  const latest = await getTransactionCount(client, { address: entry.payer, blockTag: 'latest' })
  if (latest <= (entry.nonce ?? 0)) return undefined
  const logs = await getLogs(client, {
    address: entry.escrow,
    event: cspEscrowAbi.find(
      (item): item is Extract<(typeof cspEscrowAbi)[number], { name: 'JobCreated' }> =>
        item.type === 'event' && item.name === 'JobCreated',
    )!,
    fromBlock: entry.fromBlock ?? 0n,
  })
  for (const hash of new Set(logs.map((log) => log.transactionHash))) {
    if (!hash) continue
    const transaction = await getTransaction(client, { hash })
    if (
      transaction.from.toLowerCase() === entry.payer.toLowerCase() &&
      transaction.nonce === entry.nonce
    )
      return getTransactionReceipt(client, { hash })
  }
  return undefined
}
