import {
  InvalidParameterError,
  type QuoteJobsReturnType,
  quoteJobForDuration,
  quoteJobs,
} from '@ratio1/sdk-core'
import type { Account, Address, Hex } from 'viem'
import { erc20Abi, zeroHash } from 'viem'
import { getBlock, multicall } from 'viem/actions'
import { ContractAddressRequiredError, InsufficientBalanceError } from '../errors/escrow.js'
import { controllerScheduleAbi } from './controller.js'
import { escrowFragments } from './fragments.js'
import { resolveAccount, resolveEscrow } from './resolve.js'
import type { EscrowClient, ManagerParameters } from './types.js'

/** A job as a buyer describes it. */
export type JobRequest = {
  /** The job type id (see sdk-core's `jobTypes`). */
  jobType: number | bigint
  /** Nodes to run it on, at least 1. */
  nodes: number | bigint
  /** Epochs to buy, at least 30; the epoch of payment is the first. */
  epochs?: number | bigint | undefined
  /** Run until this date instead: the duration is rounded up to whole epochs of the network. */
  until?: Date | bigint | number | undefined
  /** Or the exclusive end epoch, as the contract takes it. */
  lastExecutionEpoch?: bigint | undefined
  /** The project the job belongs to (see `generateProjectHash`). Default: the zero hash (no project). */
  projectHash?: Hex | undefined
}

/** The tuple `CspEscrow.createJobs` takes. */
export type JobCreationRequest = {
  jobType: bigint
  projectHash: Hex
  lastExecutionEpoch: bigint
  numberOfNodesRequested: bigint
}

export type PreparedCreateJobs = {
  escrow: Address
  payer: Address
  usdc: Address
  currentEpoch: bigint
  requests: JobCreationRequest[]
  quote: QuoteJobsReturnType
  balance: bigint
  allowance: bigint
}

/**
 * The pre-flight of `createJobs`: resolves the escrow, reads the epoch, turns each request into the
 * contract tuple, prices the batch with sdk-core (which enforces the 30-epoch minimum and the catalogue)
 * and checks the payer's USDC balance. Two or three round trips.
 */
export async function prepareCreateJobs(
  client: EscrowClient,
  parameters: ManagerParameters & {
    jobs: readonly JobRequest[]
    escrow?: Address | undefined
    account?: Account | Address | undefined
  },
): Promise<PreparedCreateJobs> {
  const payer = resolveAccount(client, parameters.account)
  if (!payer) throw new ContractAddressRequiredError({ contract: 'account' })
  const escrow = await resolveEscrow(client, parameters)
  const needsSchedule = parameters.jobs.some((job) => job.until !== undefined)
  const [currentEpoch, usdc, controller] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { address: escrow, abi: escrowFragments, functionName: 'getCurrentEpoch' },
      { address: escrow, abi: escrowFragments, functionName: 'usdcToken' },
      { address: escrow, abi: escrowFragments, functionName: 'controller' },
    ],
  })
  let schedule: { genesis: bigint; length: bigint; now: bigint } | undefined
  if (needsSchedule) {
    const [[genesis, length], block] = await Promise.all([
      multicall(client, {
        allowFailure: false,
        contracts: [
          { address: controller, abi: controllerScheduleAbi, functionName: 'startEpochTimestamp' },
          { address: controller, abi: controllerScheduleAbi, functionName: 'epochDuration' },
        ],
      }),
      getBlock(client, { blockTag: 'latest' }),
    ])
    schedule = { genesis, length, now: block.timestamp }
  }

  const specs = parameters.jobs.map((job, index) => {
    const given = [job.epochs, job.until, job.lastExecutionEpoch].filter((v) => v !== undefined)
    if (given.length !== 1)
      throw new InvalidParameterError({
        field: `jobs[${index}]`,
        value: job,
        rule: 'exactly one of `epochs`, `until` or `lastExecutionEpoch`',
      })
    if (job.until !== undefined && schedule) {
      const { epochs } = quoteJobForDuration({
        jobType: job.jobType,
        nodes: job.nodes,
        network: { genesis: schedule.genesis, length: schedule.length },
        until: job.until,
        now: schedule.now,
      })
      return { jobType: job.jobType, nodes: job.nodes, epochs, currentEpoch }
    }
    return job.epochs !== undefined
      ? { jobType: job.jobType, nodes: job.nodes, epochs: job.epochs, currentEpoch }
      : {
          jobType: job.jobType,
          nodes: job.nodes,
          lastExecutionEpoch: job.lastExecutionEpoch,
          currentEpoch,
        }
  })
  const quote = quoteJobs(specs)
  const requests = quote.quotes.map((q, index) => ({
    jobType: BigInt(q.jobType.id),
    projectHash: parameters.jobs[index]?.projectHash ?? zeroHash,
    lastExecutionEpoch: q.lastExecutionEpoch ?? currentEpoch + q.epochs,
    numberOfNodesRequested: q.nodes,
  }))
  const [balance, allowance] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { address: usdc, abi: erc20Abi, functionName: 'balanceOf', args: [payer] },
      { address: usdc, abi: erc20Abi, functionName: 'allowance', args: [payer, escrow] },
    ],
  })
  if (balance < quote.total)
    throw new InsufficientBalanceError({ account: payer, balance, needed: quote.total })
  return { escrow, payer, usdc, currentEpoch, requests, quote, balance, allowance }
}
