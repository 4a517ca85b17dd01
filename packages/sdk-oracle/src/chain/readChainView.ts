import { poaiManagerAbi } from '@ratio1/contracts/abis'
import { canonicalMulticall3Address } from '@ratio1/contracts/deploy'
import { type Address, type Client, zeroAddress } from 'viem'
import {
  type MulticallErrorType,
  multicall,
  type ReadContractErrorType,
  readContract,
} from 'viem/actions'
import type { ChainJob, ChainView } from '../loops/types.js'
import { controllerOraclesAbi, multicall3ViewsAbi } from './internal.js'

export type ReadChainViewParameters = {
  poaiManager: Address
  controller: Address
  /** This oracle's ETH address. */
  oracle: Address
  /** @default the canonical Multicall3 address */
  multicall3?: Address | undefined
  /** Jobs per `getAllActiveJobsPaginated` call; pages are sent together. @default 250 */
  pageSize?: number | undefined
}
export type ReadChainViewReturnType = ChainView
export type ReadChainViewErrorType = MulticallErrorType | ReadContractErrorType

/**
 * Reads everything one tick of the loops needs in two round trips whatever the number of jobs: one
 * Multicall3 call for the scalars (epoch, oracles, unvalidated ids, first closable job, allocation
 * state, job count, balance, block time), then every page of `getAllActiveJobsPaginated` at once
 * (a single HTTP request when the transport batches JSON-RPC, e.g. `http(url, { batch: true })`).
 *
 * @example
 * ```ts
 * import { createPublicClient, http } from 'viem'
 * import { readChainView } from '@ratio1/sdk-oracle'
 * const client = createPublicClient({ transport: http(rpcUrl, { batch: true }) })
 * const view = await readChainView(client, { poaiManager, controller, oracle })
 * ```
 */
export async function readChainView(
  client: Client,
  parameters: ReadChainViewParameters,
): Promise<ReadChainViewReturnType> {
  const { poaiManager, controller, oracle } = parameters
  const multicallAddress = parameters.multicall3 ?? canonicalMulticall3Address
  const pageSize = parameters.pageSize ?? 250
  const manager = { address: poaiManager, abi: poaiManagerAbi } as const
  const [
    currentEpoch,
    oracles,
    unvalidatedJobIds,
    openRoundJobIds,
    firstClosableJobId,
    lastEpochAllocated,
    activeJobsCount,
    balance,
    blockTimestamp,
  ] = await multicall(client, {
    multicallAddress,
    allowFailure: false,
    contracts: [
      { ...manager, functionName: 'getCurrentEpoch' },
      { address: controller, abi: controllerOraclesAbi, functionName: 'getOracles' },
      { ...manager, functionName: 'getUnvalidatedJobIds', args: [oracle] },
      // Nobody proposes from the zero address, so this lists every open round.
      { ...manager, functionName: 'getUnvalidatedJobIds', args: [zeroAddress] },
      { ...manager, functionName: 'getFirstClosableJobId' },
      { ...manager, functionName: 'getIsLastEpochAllocated' },
      { ...manager, functionName: 'getActiveJobsCount' },
      {
        address: multicallAddress,
        abi: multicall3ViewsAbi,
        functionName: 'getEthBalance',
        args: [oracle],
      },
      {
        address: multicallAddress,
        abi: multicall3ViewsAbi,
        functionName: 'getCurrentBlockTimestamp',
      },
    ],
  })
  const pages = Math.ceil(Number(activeJobsCount) / pageSize)
  const results = await Promise.all(
    Array.from({ length: pages }, (_, page) =>
      readContract(client, {
        ...manager,
        functionName: 'getAllActiveJobsPaginated',
        args: [BigInt(page * pageSize), BigInt(pageSize)],
      }),
    ),
  )
  const jobs: ChainJob[] = results.flat().map((job) => ({
    id: job.id,
    projectHash: job.projectHash,
    requestTimestamp: job.requestTimestamp,
    startTimestamp: job.startTimestamp,
    lastNodesChangeTimestamp: job.lastNodesChangeTimestamp,
    jobType: job.jobType,
    pricePerEpoch: job.pricePerEpoch,
    lastExecutionEpoch: job.lastExecutionEpoch,
    numberOfNodesRequested: job.numberOfNodesRequested,
    balance: job.balance,
    lastAllocatedEpoch: job.lastAllocatedEpoch,
    activeNodes: [...job.activeNodes],
    escrowAddress: job.escrowAddress,
    escrowOwner: job.escrowOwner,
  }))
  return {
    oracle,
    oracles,
    currentEpoch,
    blockTimestamp,
    unvalidatedJobIds,
    openRoundJobIds,
    firstClosableJobId,
    lastEpochAllocated,
    jobs,
    balance,
  }
}
