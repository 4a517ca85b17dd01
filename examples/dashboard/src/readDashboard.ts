import { controllerAbi, cspEscrowAbi, multicall3Abi, poaiManagerAbi } from '@ratio1/contracts/abis'
import {
  allocateJobEpochs,
  getEpoch,
  getJobRunway,
  getJobType,
  type JobDetails,
} from '@ratio1/sdk-core'
import { type Address, type Client, erc20Abi, type Hash } from 'viem'
import { getBlock, getContractEvents, multicall } from 'viem/actions'

export type ReadDashboardParameters = {
  /** The PoAIManager proxy. */
  manager: Address
  /** Multicall3's address. @default the client chain's `contracts.multicall3` */
  multicallAddress?: Address | undefined
  /** Where the event history (burns, oracle votes) starts. @default 0n */
  fromBlock?: bigint | undefined
}

/** One active job (pending or running) and what its balance still pays for. */
export type DashboardJob = {
  id: bigint
  escrow: Address
  owner: Address
  jobType: bigint
  jobTypeName: string
  status: 'pending' | 'running'
  nodes: { active: number; requested: bigint }
  lastAllocatedEpoch: bigint
  lastExecutionEpoch: bigint
  /** USDC base units still held for the job. */
  balance: bigint
  /** Epochs the balance still pays at the current node count (`undefined` while no node is paid). */
  runwayEpochs: bigint | undefined
}

export type DashboardEscrow = {
  escrow: Address
  owner: Address
  activeJobs: bigint
  /** Sum of the active jobs' balances. */
  jobsBalance: bigint
  /** USDC the escrow holds: job balances, unclaimed node rewards, pending burn, closed leftovers. */
  usdcHeld: bigint
  /** The burn share set aside but not swapped yet. */
  pendingBurn: bigint
}

export type DashboardBurn = { epoch: bigint; usdc: bigint; r1: bigint }

export type DashboardOracle = {
  address: Address
  /** ETH left for gas. */
  balance: bigint
  /** Node-set proposals it sent (`NodeUpdateSubmittedV2`) since `fromBlock`. */
  submissions: number
}

export type ReadDashboardReturnType = {
  epoch: bigint
  epochConfig: { genesis: bigint; length: bigint }
  lastAllocatedEpoch: bigint
  lastEpochAllocated: boolean
  unvalidatedJobs: bigint
  /** By job id. */
  jobs: DashboardJob[]
  escrows: DashboardEscrow[]
  /** USDC held for active jobs, over every escrow. */
  totalJobsBalance: bigint
  /** What one epoch of the running jobs burns (15 % of each node-epoch), per sdk-core. */
  burnRatePerEpoch: bigint
  /**
   * Burned so far, by the epoch in which it was burned (oldest first). An allocation in epoch `e` pays
   * the epochs up to `e − 1` and burns their 15 % at once.
   */
  burns: DashboardBurn[]
  oracles: DashboardOracle[]
  /** JSON-RPC requests the read took (multicalls, logs and block reads). */
  requests: number
}

/**
 * Reads a whole network view in three multicalls (manager state; controller, escrows and oracles;
 * oracle gas balances) and two log queries, whatever the number of jobs and escrows, plus one block
 * read per block that burned (to date it): the active jobs with their runway, each escrow's balances,
 * the burn per epoch and the oracles.
 *
 * @example
 * ```ts
 * const view = await readDashboard(publicClient, { manager })
 * console.log(view.jobs.length, view.burnRatePerEpoch)
 * ```
 */
export async function readDashboard(
  client: Client,
  parameters: ReadDashboardParameters,
): Promise<ReadDashboardReturnType> {
  const { manager, multicallAddress } = parameters
  const fromBlock = parameters.fromBlock ?? 0n
  let requests = 0
  const call = <T>(promise: Promise<T>) => {
    requests++
    return promise
  }
  const m = (functionName: string) => ({ address: manager, abi: poaiManagerAbi, functionName })

  const [epoch, controller, usdc, activeJobs, csps, lastAllocated, lastAllocatedDone, unvalidated] =
    (await call(
      multicall(client, {
        allowFailure: false,
        batchSize: 0,
        multicallAddress,
        contracts: [
          m('getCurrentEpoch'),
          m('controller'),
          m('usdcToken'),
          m('getAllActiveJobs'),
          m('getAllCspsWithOwner'),
          m('lastAllocatedEpoch'),
          m('getIsLastEpochAllocated'),
          m('getUnvalidatedJobIdsCount'),
        ] as never,
      }),
    )) as unknown as [
      bigint,
      Address,
      Address,
      readonly (JobDetails & { escrowAddress: Address; escrowOwner: Address })[],
      readonly { cspAddress: Address; cspOwner: Address }[],
      bigint,
      boolean,
      bigint,
    ]

  const perEscrow = csps.flatMap(({ cspAddress }) => [
    { address: cspAddress, abi: cspEscrowAbi, functionName: 'getTotalJobsBalance' },
    { address: cspAddress, abi: cspEscrowAbi, functionName: 'getActiveJobsCount' },
    { address: cspAddress, abi: cspEscrowAbi, functionName: 'pendingBurnUsdc' },
    { address: usdc, abi: erc20Abi, functionName: 'balanceOf', args: [cspAddress] },
  ])
  const [oracleList, epochLength, genesis, ...escrowReads] = (await call(
    multicall(client, {
      allowFailure: false,
      batchSize: 0,
      multicallAddress,
      contracts: [
        { address: controller, abi: controllerAbi, functionName: 'getOracles' },
        { address: controller, abi: controllerAbi, functionName: 'epochDuration' },
        { address: controller, abi: controllerAbi, functionName: 'startEpochTimestamp' },
        ...perEscrow,
      ] as never,
    }),
  )) as unknown as [readonly Address[], bigint, bigint, ...bigint[]]

  const multicall3 = multicallAddress ?? client.chain?.contracts?.multicall3?.address
  if (!multicall3) throw new Error('the client chain has no Multicall3: pass multicallAddress')
  const [oracleBalances, burnedLogs, submissionLogs] = await Promise.all([
    oracleList.length
      ? (call(
          multicall(client, {
            allowFailure: false,
            batchSize: 0,
            multicallAddress,
            contracts: oracleList.map((oracle) => ({
              address: multicall3,
              abi: multicall3Abi,
              functionName: 'getEthBalance',
              args: [oracle],
            })) as never,
          }),
        ) as Promise<bigint[]>)
      : Promise.resolve([] as bigint[]),
    csps.length
      ? call(
          getContractEvents(client, {
            address: csps.map((c) => c.cspAddress),
            abi: cspEscrowAbi,
            eventName: 'TokensBurned',
            fromBlock,
          }),
        )
      : Promise.resolve([]),
    call(
      getContractEvents(client, {
        address: manager,
        abi: poaiManagerAbi,
        eventName: 'NodeUpdateSubmittedV2',
        fromBlock,
      }),
    ),
  ])

  const epochConfig = { genesis, length: epochLength }
  // Logs carry no time: a burn is dated by its block, read once per block (an allocation burns in every
  // escrow within one transaction, so that is one read per allocation).
  const epochOfBlock = new Map<Hash, bigint>()
  const byEpoch = new Map<bigint, DashboardBurn>()
  for (const log of burnedLogs) {
    let burnEpoch = epochOfBlock.get(log.blockHash)
    if (burnEpoch === undefined) {
      const block = await call(getBlock(client, { blockHash: log.blockHash }))
      burnEpoch = getEpoch(block.timestamp, epochConfig)
      epochOfBlock.set(log.blockHash, burnEpoch)
    }
    const entry = byEpoch.get(burnEpoch) ?? { epoch: burnEpoch, usdc: 0n, r1: 0n }
    entry.usdc += log.args.usdcAmount!
    entry.r1 += log.args.r1Amount!
    byEpoch.set(burnEpoch, entry)
  }

  const byId = [...activeJobs].sort((a, b) => (a.id < b.id ? -1 : 1))
  const jobs: DashboardJob[] = byId.map((job) => {
    const running = job.startTimestamp !== 0n
    const runway = getJobRunway({
      balance: job.balance,
      pricePerEpoch: job.pricePerEpoch,
      nodes: job.activeNodes.length,
    })
    return {
      id: job.id,
      escrow: job.escrowAddress,
      owner: job.escrowOwner,
      jobType: job.jobType,
      jobTypeName: jobTypeName(job.jobType),
      status: running ? 'running' : 'pending',
      nodes: { active: job.activeNodes.length, requested: job.numberOfNodesRequested },
      lastAllocatedEpoch: job.lastAllocatedEpoch,
      lastExecutionEpoch: job.lastExecutionEpoch,
      balance: job.balance,
      runwayEpochs: runway.epochs,
    }
  })
  const escrows: DashboardEscrow[] = csps.map(({ cspAddress, cspOwner }, i) => ({
    escrow: cspAddress,
    owner: cspOwner,
    jobsBalance: escrowReads[4 * i]!,
    activeJobs: escrowReads[4 * i + 1]!,
    pendingBurn: escrowReads[4 * i + 2]!,
    usdcHeld: escrowReads[4 * i + 3]!,
  }))
  const burnRatePerEpoch = activeJobs
    .filter((job) => job.startTimestamp !== 0n && job.lastAllocatedEpoch < job.lastExecutionEpoch)
    .reduce(
      (sum, job) =>
        sum +
        allocateJobEpochs({
          pricePerEpoch: job.pricePerEpoch,
          activeNodes: job.activeNodes,
          epochs: 1,
        }).totalBurn,
      0n,
    )
  const submissions = new Map<string, number>()
  for (const log of submissionLogs) {
    const oracle = log.args.oracle!.toLowerCase()
    submissions.set(oracle, (submissions.get(oracle) ?? 0) + 1)
  }
  return {
    epoch,
    epochConfig,
    lastAllocatedEpoch: lastAllocated,
    lastEpochAllocated: lastAllocatedDone,
    unvalidatedJobs: unvalidated,
    jobs,
    escrows,
    totalJobsBalance: escrows.reduce((sum, e) => sum + e.jobsBalance, 0n),
    burnRatePerEpoch,
    burns: [...byEpoch.values()].sort((a, b) => (a.epoch < b.epoch ? -1 : 1)),
    oracles: oracleList.map((address, i) => ({
      address,
      balance: oracleBalances[i]!,
      submissions: submissions.get(address.toLowerCase()) ?? 0,
    })),
    requests,
  }
}

function jobTypeName(id: bigint): string {
  try {
    return getJobType(id).name
  } catch {
    return `type ${id}`
  }
}
