import { cspEscrowAbi, poaiManagerAbi, r1Abi } from '@ratio1/contracts/abis'
import {
  advanceEpochs,
  deployRatio1System,
  fundUsdc,
  mintNodeLicenses,
  registerOracles,
} from '@ratio1/contracts/deploy'
import { resolveJobType } from '@ratio1/example-payout-calculator'
import {
  allocateJobEpochs,
  type BaseError,
  canonicalNodeSet,
  consensusThresholds,
  formatR1,
  formatUsdc,
  getEpoch,
  type JobDetails,
  quoteExtendJobDuration,
  quoteJob,
  simulateAllocation,
} from '@ratio1/sdk-core'
import {
  buildGenericApp,
  createDeeployClient,
  type DeeployLogEvent,
  deployJob,
  verifyResponseSignature,
} from '@ratio1/sdk-deeploy'
import {
  claimRewardsForNodes,
  createJobs,
  deployCspEscrow,
  extendJobDuration,
  getActiveJobs,
  getJobDetails,
  withdrawClosedJobBalance,
} from '@ratio1/sdk-escrow'
import {
  createManualClock,
  createOracle,
  createSeededRng,
  createSimulatedFleet,
  createStateStore,
  type Oracle,
  type StateStore,
  systemClock,
} from '@ratio1/sdk-oracle'
import { createOracleServer, type OracleServer } from '@ratio1/sdk-oracle/server'
import type { Address, Hash } from 'viem'
import { erc20Abi, keccak256, stringToHex } from 'viem'
import { getContractEvents, readContract } from 'viem/actions'
import { startInProcessChain } from './chain.js'
import { createInProcessFetch } from './inProcessFetch.js'
import { type Check, type Ledger, readLedger, type Totals } from './ledger.js'

/** How fast the demo runs: pauses between steps so a person can watch. */
export type DemoSpeed = 'instant' | 'fast' | 'normal' | 'slow'
const pauseMs: Record<DemoSpeed, number> = { instant: 0, fast: 60, normal: 350, slow: 1_000 }

export type RunDemoOptions = {
  /** Worker nodes the job runs on. @default 2 */
  nodes?: number | undefined
  /** Epochs paid at purchase (at least 30). @default 30 */
  epochs?: number | undefined
  /** A generic-app job type, by id or name. @default 1 (ENTRY) */
  jobType?: number | string | undefined
  /** Epochs the CSP adds while the job runs. @default 10 */
  extendEpochs?: number | undefined
  /** Epochs after the start at which the node operator claims. @default 10 */
  claimAfter?: number | undefined
  /**
   * Epochs after the start at which one of the job's workers dies; the oracles' availability loop then
   * starts a replica elsewhere and they agree on the new node set. 0 (default): no failure.
   */
  failAfter?: number | undefined
  /** Simulated worker nodes in the fleet. @default 6 */
  workers?: number | undefined
  /** Reference oracles. @default 3 */
  oracles?: number | undefined
  /** Epoch length of the local Controller, in seconds. @default 86_400 (as on mainnet) */
  epochSeconds?: bigint | undefined
  /** @default 'instant' */
  speed?: DemoSpeed | undefined
  /** Receives each progress line. @default nothing is printed */
  log?: ((line: string) => void) | undefined
}

export type RunDemoReturnType = {
  jobId: bigint
  /** The ledger read from the chain, next to sdk-core's prediction of every line. */
  ledger: Ledger
  checks: Check[]
  /** True when every check passed. */
  ok: boolean
  /** Epochs the chain moved through, allocations made, and the wall time in ms. */
  stats: { startEpoch: bigint; endEpoch: bigint; allocations: number; elapsedMs: number }
}

// Hardhat's default accounts, by role. Their keys are public: never fund them on a real network.
const roles = { deployer: 0, firstOracle: 1 } as const
const demoSeed = 'ratio1-demo'
// Oracle loop waits (rewards stagger, closure backoff) are drawn from these bounds on a manual clock
// that the demo moves forward between passes, so a pass never waits on the wall clock.
const timing = {
  closureBackoffMs: [1_000, 5_000] as const,
  rewardsStaggerMs: [1_000, 5_000] as const,
  repairStepMs: 10_000,
}
const clockStepMs = 1_000
// Enough one-second passes to outlast the longest stagger and closure backoff above.
const maxPasses = 20

/**
 * Runs the whole local-network demo on an embedded in-process chain: deploys the Ratio1 system,
 * registers the oracles and the worker nodes, has a CSP pay for a generic app and deploy it through
 * the reference oracles' Deeploy API with a signed request, lets the oracles reach consensus, moves
 * epochs forward while the oracles allocate rewards (85/15, the 15 % swapped to R1 and burned), has the
 * node operator claim and the CSP extend the job, runs it to its end and closure, and finally reads the
 * ledger from the chain and checks it against the conservation invariant and sdk-core's predictions.
 *
 * @example
 * ```ts
 * import { runDemo } from './runDemo.js'
 * const { ok, ledger } = await runDemo({ log: console.log })
 * ```
 */
export async function runDemo(options: RunDemoOptions = {}): Promise<RunDemoReturnType> {
  const started = performance.now()
  const nodes = options.nodes ?? 2
  const epochs = options.epochs ?? 30
  const extendEpochs = options.extendEpochs ?? 10
  const claimAfter = options.claimAfter ?? 10
  const failAfter = options.failAfter ?? 0
  const workerCount = options.workers ?? 6
  const oracleCount = options.oracles ?? 3
  const epochSeconds = options.epochSeconds ?? 86_400n
  const pause = pauseMs[options.speed ?? 'instant']
  const jobType = resolveDemoJobType(options.jobType ?? 1)
  if (nodes < 1 || nodes > workerCount)
    throw new DemoOptionError(`--nodes must be between 1 and the ${workerCount} workers`)
  if (oracleCount < 1 || oracleCount > 10)
    throw new DemoOptionError('--oracles must be between 1 and 10')
  if (workerCount < 1 || workerCount > 64)
    throw new DemoOptionError('--workers must be between 1 and 64')
  if (epochs < 30) throw new DemoOptionError('--epochs must be at least 30 (the escrow’s minimum)')
  if (claimAfter < 1 || claimAfter > epochs)
    throw new DemoOptionError(`--claim-after must be between 1 and the ${epochs} paid epochs`)
  if (extendEpochs < 0) throw new DemoOptionError('--extend must be 0 or more')
  if (failAfter < 0 || failAfter >= epochs)
    throw new DemoOptionError(
      `--fail-after must be below the ${epochs} paid epochs (0: no failure)`,
    )
  if (failAfter > 0 && nodes >= workerCount)
    throw new DemoOptionError('--fail-after needs a spare worker: use --workers above --nodes')

  // The extension is bought while the job still runs: a few epochs after the claim.
  const extendAt = Math.min(claimAfter + 5, epochs - 1)
  const write = options.log ?? (() => {})
  const wait = () => (pause ? new Promise((r) => setTimeout(r, pause)) : Promise.resolve())
  const step = async (title: string) => {
    write('')
    write(`▸ ${title}`)
    await wait()
  }
  const say = (line: string) => write(`  ${line}`)

  await step('Starting an in-process chain (Hardhat EDR: no port, no node to install)')
  const chain = await startInProcessChain()
  const stores: StateStore[] = []
  try {
    return await scenario()
  } finally {
    for (const store of stores) store.close()
    await chain.close()
  }

  async function scenario(): Promise<RunDemoReturnType> {
    const { publicClient } = chain
    const deployerAccount = chain.account(roles.deployer)
    const oracleAccounts = Array.from({ length: oracleCount }, (_, i) =>
      chain.account(roles.firstOracle + i),
    )
    const cspAccount = chain.account(roles.firstOracle + oracleCount)
    const operatorAccount = chain.account(roles.firstOracle + oracleCount + 1)
    const deployer = chain.wallet(deployerAccount)
    const csp = chain.wallet(cspAccount)
    const operator = chain.wallet(operatorAccount)
    say(`chain id ${publicClient.chain?.id}, accounts from Hardhat's public test mnemonic`)

    await step('Deploying the Ratio1 system')
    const system = await deployRatio1System({
      walletClient: deployer,
      publicClient,
      epochDuration: epochSeconds,
    })
    const { addresses } = system
    const manager = addresses.poaiManager
    say(`PoAIManager ${manager} (behind a transparent proxy)`)
    say(`USDC ${addresses.usdc}, R1 ${addresses.r1}, Controller ${addresses.controller}`)
    say(`USDC/R1 pool seeded, epochs of ${epochSeconds} s, chain in epoch ${await currentEpoch()}`)
    const r1SupplyAtStart = await readContract(publicClient, {
      address: addresses.r1,
      abi: r1Abi,
      functionName: 'totalSupply',
    })

    await step(`Registering ${oracleCount} oracles and ${workerCount} worker nodes`)
    await registerOracles(deployer, {
      controller: addresses.controller,
      oracles: oracleAccounts.map((o) => o.address),
    })
    for (const [i, o] of oracleAccounts.entries()) say(`oracle-${i + 1}  ${o.address}`)
    const clock = createManualClock(Date.UTC(2026, 0, 1))
    const fleet = createSimulatedFleet({ size: workerCount, seed: demoSeed, clock })
    await mintNodeLicenses(deployer, {
      registry: addresses.nd,
      to: operatorAccount.address,
      nodes: fleet.keys.map((k) => k.ethAddress),
    })
    const ethOf = new Map(fleet.keys.map((k) => [k.address, k.ethAddress]))
    const aliasOf = new Map<string, string>()
    for (const [i, k] of fleet.keys.entries()) {
      aliasOf.set(k.ethAddress.toLowerCase(), `sim-node-${i + 1}`)
      say(`sim-node-${i + 1}  ${k.address}  (ETH ${k.ethAddress})`)
    }
    say(`ND licences of every worker minted to the node operator ${operatorAccount.address}`)
    const alias = (address: Address) => aliasOf.get(address.toLowerCase()) ?? address

    await step('Starting the reference oracles (loops on a manual clock, Deeploy API in process)')
    const oracles: Oracle[] = []
    const byHost = new Map<string, OracleServer['handle']>()
    for (const [i, account] of oracleAccounts.entries()) {
      const store = createStateStore({ path: ':memory:' })
      stores.push(store)
      const oracle = createOracle({
        publicClient,
        walletClient: chain.wallet(account),
        addresses: { poaiManager: manager, controller: addresses.controller },
        fleet,
        store,
        clock,
        rng: createSeededRng(i + 1),
        timing,
      })
      oracles.push(oracle)
      const server = createOracleServer({
        oracle,
        fleet,
        store,
        publicClient,
        addresses: { poaiManager: manager, controller: addresses.controller },
        privateKey: account.privateKey,
        // Request nonces are wall-clock times, so the API checks them against the wall clock.
        clock: systemClock,
        alias: `oracle-${i + 1}`,
      })
      byHost.set(`oracle-${i + 1}.deeploy.local`, server.handle)
    }
    const { quorum, agreement } = consensusThresholds(oracleCount)
    say(`${oracleCount} oracles: quorum ${quorum} proposals, agreement ${agreement} matching`)
    say(`Deeploy API of each oracle reachable at http://oracle-N.deeploy.local (no socket)`)

    await step('The CSP opens its escrow')
    // The manager lets only holders of a licence on an oracle node open an escrow.
    await mintNodeLicenses(deployer, {
      registry: addresses.nd,
      to: cspAccount.address,
      nodes: [oracleAccounts[0]!.address],
    })
    const { escrow } = await deployCspEscrow(csp, { manager })
    say(`CSP ${cspAccount.address} owns escrow ${escrow}`)
    await fundUsdc(deployer, {
      usdc: addresses.usdc,
      to: cspAccount.address,
      amount: 10_000n * 10n ** 6n,
    })
    say(`CSP funded with 10,000 test USDC`)

    await step(`Quote: ${jobType.name} generic app on ${nodes} nodes for ${epochs} epochs`)
    const epochAtPurchase = await currentEpoch()
    const quote = quoteJob({ jobType: jobType.id, nodes, epochs, currentEpoch: epochAtPurchase })
    say(`price per node-epoch  ${formatUsdc(quote.pricePerEpoch)} USDC`)
    say(`per epoch, ${nodes} nodes   ${formatUsdc(quote.costPerEpoch)} USDC`)
    say(`total to pay          ${formatUsdc(quote.total)} USDC`)
    say(
      `each node-epoch splits ${formatUsdc(quote.perNodePerEpoch.node)} to the node + ${formatUsdc(quote.perNodePerEpoch.burn)} burned`,
    )
    say(`runs epochs ${quote.firstEpoch}–${quote.lastPaidEpoch} if it starts now`)

    await step('The CSP pays for the job (createJobs: quote, permit, pay)')
    const cspUsdcBefore = await usdcBalance(cspAccount.address)
    // A fixed project id keeps every run identical (generateProjectHash() would draw a random one).
    const projectHash = keccak256(stringToHex(`${demoSeed}:project`))
    const created = await createJobs(csp, {
      manager,
      jobs: [{ jobType: jobType.id, nodes, epochs, projectHash }],
    })
    const jobId = created.jobIds[0]!
    const charged = cspUsdcBefore - (await usdcBalance(cspAccount.address))
    say(
      `job #${jobId} created in tx ${short(created.hash)}, allowance by ${created.allowance.method}`,
    )
    say(`CSP paid ${formatUsdc(charged)} USDC into the escrow`)

    await step('The CSP deploys the job through oracle-1’s Deeploy API with a signed request')
    const deeploy = createDeeployClient({
      baseUrl: 'http://oracle-1.deeploy.local',
      account: csp.account,
      fetch: createInProcessFetch(byHost),
      retry: 0,
      // Every response carries oracle-1's node signature; a bad one fails the call.
      verifyResponse: verifyResponseSignature,
      logger: (event: DeeployLogEvent) => {
        const path = new URL(event.url).pathname
        if (event.type === 'request') {
          const request = (event.body as { request?: Record<string, unknown> } | undefined)?.request
          say(
            `→ ${event.method} ${path}  signed by ${String(request?.EE_ETH_SENDER)}, EE_HASH ${String(request?.EE_HASH).slice(0, 16)}…`,
          )
        } else if (event.type === 'response') say(`← ${event.status} ${path}`)
      },
    })
    const deployed = await deployJob(deeploy, {
      job: { id: jobId, jobType: jobType.id, numberOfNodesRequested: BigInt(nodes), projectHash },
      template: (job) =>
        buildGenericApp({
          jobId: job.id,
          jobType: jobType.id,
          alias: 'demo-web',
          image: 'nginx:1.27',
          port: 80,
          targetNodesCount: nodes,
        }),
      pollInterval: 0,
      readyTimeout: 5_000,
      onProgress: (p) => {
        if (p.stage === 'created') say(`create_pipeline → ${p.status}, app ${p.appId}`)
        if (p.stage === 'online')
          say(`get_apps → ${p.onlineNodes}/${p.expectedNodes} instances online`)
      },
    })
    const targetNodes = (deployed.created.request as { target_nodes?: string[] }).target_nodes ?? []
    const deployedEth = canonicalNodeSet(
      targetNodes.map((n) => ethOf.get(n as never)).filter((a): a is Address => a !== undefined),
    )
    say(`every response carried oracle-1's node signature, checked by verifyResponseSignature`)
    say(`oracle-1 placed it on ${deployedEth.map(alias).join(', ')} and proposed that node set`)

    await step('The other oracles validate: consensus on the node set')
    for (const [i, oracle] of oracles.entries()) {
      if (i === 0) continue
      const report = await oracle.tick()
      for (const result of report.results)
        if (result.action.type === 'submitNodeUpdate')
          say(
            `oracle-${i + 1} ${result.action.loop} vote [${result.action.nodes.map(alias).join(', ')}]: ${result.outcome}${result.detail ? ` (${result.detail})` : ''}`,
          )
    }
    const job = await getJobDetails(publicClient, { manager, jobId })
    const submissions = await getContractEvents(publicClient, {
      address: manager,
      abi: poaiManagerAbi,
      eventName: 'NodeUpdateSubmittedV2',
      args: { jobId },
      fromBlock: 0n,
    })
    const consensus = await getContractEvents(publicClient, {
      address: manager,
      abi: poaiManagerAbi,
      eventName: 'ConsensusReachedV2',
      args: { jobId },
      fromBlock: 0n,
    })
    say(
      `${submissions.length} proposals, consensus ${consensus.length ? 'reached' : 'NOT reached'}: ${job.activeNodes.map(alias).join(', ')}`,
    )
    const startEpoch = await currentEpoch()
    say(
      `job #${jobId} started in epoch ${startEpoch}, paid through epoch ${job.lastExecutionEpoch - 1n}`,
    )

    // Predictions are accumulated round by round from sdk-core, next to what the chain did.
    const predicted: Totals = {
      paidIn: quote.total,
      allocated: 0n,
      burned: 0n,
      claimed: 0n,
      refunded: 0n,
    }
    const mismatches: string[] = []
    const credits = new Map<string, bigint>()
    let allocations = 0
    let extension:
      | { predicted: bigint; charged: bigint; end: bigint; predictedEnd: bigint }
      | undefined
    let claim: { predicted: bigint; usdc: bigint; r1: bigint } | undefined
    let closed = false

    await step('Epochs advance; the oracles allocate each finished epoch')
    const fleetEth = fleet.keys.map((k) => k.ethAddress)
    for (let passed = 1; passed <= epochs + extendEpochs + 5 && !closed; passed++) {
      await advanceEpochs(publicClient, { controller: addresses.controller, epochs: 1n })
      await wait()
      if (passed === failAfter) {
        const running = await getJobDetails(publicClient, { manager, jobId })
        const victim = fleet.keys.find((k) => k.ethAddress === running.activeNodes[0])!
        await step(`${alias(victim.ethAddress)} fails: the oracles repair job #${jobId}`)
        fleet.failNode(victim.address)
        say(`${alias(victim.ethAddress)} is offline and its workload is gone`)
      }
      const epoch = await currentEpoch()
      const jobsBefore = await getActiveJobs(publicClient, { manager, escrow })
      const walletsBefore = await nodeWallets(fleetEth)
      const burnBefore = await burnShareSoFar()
      const txs = await runOraclePasses()
      const simulated = simulateAllocation({
        jobs: jobsBefore as readonly JobDetails[],
        currentEpoch: epoch,
        overAssignment: 'cap',
      })
      const walletsAfter = await nodeWallets(fleetEth)
      const burnAfter = await burnShareSoFar()
      let credited = 0n
      for (const [i, node] of fleetEth.entries()) {
        const delta = walletsAfter[i]! - walletsBefore[i]!
        const expected = simulated.nodeCredits.get(node) ?? 0n
        if (delta !== expected)
          mismatches.push(
            `epoch ${epoch}: ${alias(node)} credited ${formatUsdc(delta)}, simulateAllocation says ${formatUsdc(expected)}`,
          )
        credited += delta
        credits.set(node, (credits.get(node) ?? 0n) + expected)
      }
      if (burnAfter - burnBefore !== simulated.totalBurn)
        mismatches.push(
          `epoch ${epoch}: burn share ${formatUsdc(burnAfter - burnBefore)}, simulateAllocation says ${formatUsdc(simulated.totalBurn)}`,
        )
      predicted.allocated += [...simulated.nodeCredits.values()].reduce((a, b) => a + b, 0n)
      predicted.burned += simulated.totalBurn
      if (simulated.jobs.length > 0) allocations++
      const done = simulated.jobs.find((j) => j.jobId === jobId)
      if (done)
        say(
          `epoch ${epoch}: epoch ${done.lastAllocatedEpoch} paid, ${formatUsdc(credited)} USDC to ${jobsBefore[0]?.activeNodes.length} nodes, ${formatUsdc(burnAfter - burnBefore)} USDC burned as R1  (${txs.join('; ')})`,
        )
      else if (txs.length) say(`epoch ${epoch}: ${txs.join('; ')}`)
      if (passed === failAfter) {
        const repaired = await getJobDetails(publicClient, { manager, jobId })
        say(`consensus on the new node set: ${repaired.activeNodes.map(alias).join(', ')}`)
        if (repaired.activeNodes.length !== nodes)
          mismatches.push(
            `after the failure job #${jobId} runs on ${repaired.activeNodes.length} nodes`,
          )
        await step('Epochs keep advancing')
      }

      if (passed === claimAfter) {
        await step(`The node operator claims the rewards of job #${jobId}'s nodes`)
        const claimable = fleetEth.filter((n) => (credits.get(n) ?? 0n) > 0n)
        const r1Before = await r1Balance(operatorAccount.address)
        const result = await claimRewardsForNodes(operator, { manager, nodes: claimable })
        const r1Received = (await r1Balance(operatorAccount.address)) - r1Before
        const expected = claimable.reduce((sum, n) => sum + (credits.get(n) ?? 0n), 0n)
        for (const n of claimable) credits.set(n, 0n)
        predicted.claimed += expected
        claim = { predicted: expected, usdc: result.usdc, r1: r1Received }
        for (const c of result.claims)
          say(
            `${alias(c.node)}: ${formatUsdc(c.usdc)} USDC swapped to ${formatR1(c.r1, { fractionDigits: 6 })} R1`,
          )
        say(`${formatR1(r1Received, { fractionDigits: 6 })} R1 paid to ${operatorAccount.address}`)
        await step('Epochs keep advancing')
      }
      if (passed === extendAt && extendEpochs > 0) {
        await step(`The CSP extends job #${jobId} by ${extendEpochs} epochs`)
        const details = await getJobDetails(publicClient, { manager, jobId })
        const expected = quoteExtendJobDuration({
          job: details,
          currentEpoch: await currentEpoch(),
          epochs: extendEpochs,
        })
        const before = await usdcBalance(cspAccount.address)
        const result = await extendJobDuration(csp, {
          manager,
          escrow,
          jobId,
          epochs: extendEpochs,
        })
        const paid = before - (await usdcBalance(cspAccount.address))
        predicted.paidIn += expected.amount
        extension = {
          predicted: expected.amount,
          charged: paid,
          end: result.newLastExecutionEpoch,
          predictedEnd: expected.newLastExecutionEpoch,
        }
        say(
          `paid ${formatUsdc(paid)} USDC; the job now runs through epoch ${result.newLastExecutionEpoch - 1n}`,
        )
        await step('Epochs keep advancing')
      }
      closed = await readContract(publicClient, {
        address: manager,
        abi: poaiManagerAbi,
        functionName: 'isJobClosed',
        args: [jobId],
      })
      if (closed) {
        await step(`Job #${jobId} has ended: the oracles stop it and close it by consensus`)
        say(
          `closed in epoch ${epoch}; workloads left on the fleet: ${fleet.snapshot().workloads.length}`,
        )
      }
    }
    if (!closed) mismatches.push(`job #${jobId} was not closed`)

    await step('The CSP takes back what the closed job did not spend')
    const final = await getJobDetails(publicClient, { manager, jobId })
    // What sdk-core's allocations did not spend is what the closed job still holds.
    predicted.refunded = predicted.paidIn - predicted.allocated - predicted.burned
    let refund = 0n
    if (closed && final.balance > 0n) {
      const result = await withdrawClosedJobBalance(csp, { manager, escrow, jobId })
      refund = result.amount
      say(`refunded ${formatUsdc(result.amount)} USDC to ${result.recipient}`)
    } else say('nothing to refund: every paid epoch was served and allocated')

    await step('Ledger (read from the chain) and checks')
    const endEpoch = await currentEpoch()
    const ledger = await readLedger(publicClient, {
      escrow,
      usdc: addresses.usdc,
      r1: addresses.r1,
      csp: cspAccount.address,
      nodes: fleetEth,
      r1SupplyAtStart,
      predicted,
    })
    const perEpoch = allocateJobEpochs({
      pricePerEpoch: quote.pricePerEpoch,
      activeNodes: nodes,
      epochs: 1,
    })
    const servedEpochs = final.lastExecutionEpoch - startEpoch
    const checks: Check[] = [
      check('createJobs charged sdk-core’s quoteJob', quote.total, charged),
      check('the SDK’s pre-flight quote equals quoteJob', quote.total, created.quote.total),
      check(
        'consensus node set = canonicalNodeSet(nodes oracle-1 deployed)',
        deployedEth.join(','),
        job.activeNodes.join(','),
      ),
      check(
        'consensus after consensusThresholds’ quorum of proposals',
        BigInt(quorum),
        BigInt(submissions.length),
      ),
      check(
        'chain epoch = getEpoch(latest block)',
        getEpoch((await publicClient.getBlock()).timestamp, {
          genesis: system.epoch.genesis,
          length: system.epoch.duration,
        }),
        endEpoch,
      ),
      {
        name: `every allocation (${allocations}) matched simulateAllocation`,
        expected: '0 mismatches',
        actual: `${mismatches.length} mismatches`,
        ok: mismatches.length === 0,
        details: mismatches,
      },
      ...(extension
        ? [
            check(
              'extension charged quoteExtendJobDuration',
              extension.predicted,
              extension.charged,
            ),
            check('extension end epoch', extension.predictedEnd, extension.end),
          ]
        : []),
      ...(claim ? [check('claim paid the credited rewards', claim.predicted, claim.usdc)] : []),
      check(
        `lifetime: ${servedEpochs} epochs × allocateJobEpochs node share`,
        perEpoch.totalNode * servedEpochs,
        ledger.chain.allocated,
      ),
      check(
        `lifetime: ${servedEpochs} epochs × allocateJobEpochs burn share`,
        perEpoch.totalBurn * servedEpochs,
        ledger.chain.burned,
      ),
      check('refund = paid in − allocated − burned', predicted.refunded, refund),
      ...ledger.checks,
    ]
    return {
      jobId,
      ledger,
      checks,
      ok: checks.every((c) => c.ok),
      stats: {
        startEpoch,
        endEpoch,
        allocations,
        elapsedMs: Math.round(performance.now() - started),
      },
    }

    /**
     * Ticks every oracle in turn, moving the manual clock one second per pass, until the chain is
     * settled (the last epoch allocated, no open round, nothing left to close) and a pass sent
     * nothing. The oracle whose random stagger runs out first sends the allocation, as on a live
     * network. Returns who sent what, e.g. `oracle-2 allocation`.
     */
    async function runOraclePasses(): Promise<string[]> {
      const sent: string[] = []
      for (let pass = 0; pass < maxPasses; pass++) {
        let sentThisPass = 0
        for (const [i, oracle] of oracles.entries()) {
          const report = await oracle.tick()
          for (const result of report.results) {
            if (!result.txHash) continue
            sentThisPass++
            const what =
              result.action.type === 'submitNodeUpdate'
                ? `${result.action.loop} vote [${result.action.nodes.map(alias).join(', ')}]`
                : 'allocation'
            sent.push(`oracle-${i + 1} ${what}`)
          }
        }
        const settled = oracles.every((oracle) => {
          const view = oracle.lastView()
          return (
            view?.lastEpochAllocated === true &&
            view.unvalidatedJobIds.length === 0 &&
            view.firstClosableJobId === 0n
          )
        })
        if (settled && sentThisPass === 0) break
        clock.advance(clockStepMs)
      }
      return sent
    }

    function currentEpoch() {
      return readContract(publicClient, {
        address: manager,
        abi: poaiManagerAbi,
        functionName: 'getCurrentEpoch',
      })
    }
    function usdcBalance(owner: Address) {
      return readContract(publicClient, {
        address: addresses.usdc,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [owner],
      })
    }
    function r1Balance(owner: Address) {
      return readContract(publicClient, {
        address: addresses.r1,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [owner],
      })
    }
    function nodeWallets(list: readonly Address[]) {
      return Promise.all(
        list.map((node) =>
          readContract(publicClient, {
            address: escrow,
            abi: cspEscrowAbi,
            functionName: 'virtualWalletBalance',
            args: [node],
          }),
        ),
      )
    }
    /** USDC set aside for burning so far: burned (TokensBurned) plus still pending. */
    async function burnShareSoFar() {
      const burned = await getContractEvents(publicClient, {
        address: escrow,
        abi: cspEscrowAbi,
        eventName: 'TokensBurned',
        fromBlock: 0n,
      })
      const pending = await readContract(publicClient, {
        address: escrow,
        abi: cspEscrowAbi,
        functionName: 'pendingBurnUsdc',
      })
      return burned.reduce((sum, log) => sum + log.args.usdcAmount!, 0n) + pending
    }
  }
}

/**
 * A demo option outside what the demo supports; the CLI prints it and exits with 2.
 *
 * @example
 * ```ts
 * await runDemo({ epochs: 10 }) // throws DemoOptionError: --epochs must be at least 30 …
 * ```
 */
export class DemoOptionError extends Error {
  override name = 'DemoOptionError'
}

function resolveDemoJobType(value: number | string) {
  let type: ReturnType<typeof resolveJobType>
  try {
    type = resolveJobType({ type: String(value) })
  } catch (error) {
    throw new DemoOptionError(
      `--job-type ${value}: ${(error as BaseError).shortMessage ?? (error as Error).message}`,
    )
  }
  if (type.category !== 'generic')
    throw new DemoOptionError(
      `--job-type ${value} is a ${type.category} job type; the demo deploys a generic app (e.g. ENTRY, LOW1, MED1)`,
    )
  return type
}

function check(name: string, expected: bigint | string, actual: bigint | string): Check {
  return { name, expected: String(expected), actual: String(actual), ok: expected === actual }
}

function short(hash: Hash) {
  return `${hash.slice(0, 10)}…`
}
