import { cspEscrowAbi } from '@ratio1/contracts/abis'
import { registerOracles } from '@ratio1/contracts/deploy'
import {
  type EvaluateProposalsReturnType,
  evaluateProposals,
  jobTypes,
  quoteJob,
  type SubmissionOutcome,
  simulateAllocation,
} from '@ratio1/sdk-core'
import fc from 'fast-check'
import { type Address, erc20Abi } from 'viem'
import { expect, test } from 'vitest'
import { AlreadySubmittedError, ConsensusCooldownError } from '../src/index.js'
import { account, nodes, roles } from './accounts.js'
import { useChain } from './chain.js'

const chain = useChain()

/** Runs `body` inside its own snapshot so every property run starts from the same chain. */
async function isolated<result>(body: () => Promise<result>): Promise<result> {
  const id = await chain.testClient.snapshot()
  try {
    return await body()
  } finally {
    await chain.testClient.revert({ id })
  }
}

const balanceOf = (address: Address) =>
  chain.publicClient.readContract({
    address: chain.addresses.usdc,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [address],
  })

test('for every job type and random nodes and epochs, the escrow pulls exactly sdk-core’s quote', async () => {
  const csp = chain.wallet(roles.csp)
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          nodes: fc.integer({ min: 1, max: 6 }),
          epochs: fc.integer({ min: 30, max: 400 }),
        }),
        {
          minLength: jobTypes.length,
          maxLength: jobTypes.length,
        },
      ),
      (specs) =>
        isolated(async () => {
          const jobs = jobTypes.map((type, i) => ({ jobType: type.id, ...specs[i]! }))
          const expected = jobs.map((job) => quoteJob(job).total)
          const sum = expected.reduce((a, b) => a + b, 0n)
          await chain.fund(csp.account.address, sum)
          const before = await balanceOf(chain.escrows.csp)
          const { jobIds } = await csp.createJobs({ jobs, allowance: 'approve' })
          expect((await balanceOf(chain.escrows.csp)) - before).toBe(sum)
          expect(await balanceOf(csp.account.address)).toBe(0n)
          const onChain = await csp.getJobs({ jobIds, escrow: chain.escrows.csp })
          expect(onChain.map((job) => job?.balance)).toEqual(expected)
          expect(onChain.map((job) => job?.pricePerEpoch)).toEqual(
            jobTypes.map((type) => type.pricePerEpoch),
          )
        }),
    ),
    { numRuns: 4 },
  )
})

test('after random epochs with random node sets, every node’s credit and the burn equal sdk-core’s payout math', async () => {
  const csp = chain.wallet(roles.csp)
  const oracle = chain.wallet(roles.oracle)
  const anyone = chain.wallet(roles.stranger)
  const pool = nodes.slice(0, 5)
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          type: fc.constantFrom(...jobTypes.map((type) => type.id)),
          requested: fc.integer({ min: 1, max: 4 }),
          picks: fc.shuffledSubarray(pool, { minLength: 1, maxLength: 4 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
      (specs, advances) =>
        isolated(async () => {
          const jobs = specs.map((spec) => ({
            jobType: spec.type,
            nodes: Math.max(spec.requested, spec.picks.length),
            epochs: 35,
          }))
          await chain.fund(
            csp.account.address,
            jobs.reduce((sum, job) => sum + quoteJob(job).total, 0n),
          )
          const { jobIds } = await csp.createJobs({ jobs, allowance: 'approve' })
          for (const [i, jobId] of jobIds.entries())
            await oracle.submitNodeUpdate({ jobId, nodes: specs[i]!.picks, canonical: false })

          for (const epochs of advances) {
            await chain.advanceEpochs(BigInt(epochs))
            const [before, currentEpoch, credits] = await Promise.all([
              csp.getActiveJobs({ escrow: chain.escrows.csp }),
              csp.getCurrentEpoch(),
              wallets(pool),
            ])
            const expected = simulateAllocation({ jobs: before, currentEpoch })
            const result = await anyone.allocateRewardsAcrossAllEscrows()
            expect(result.burned.usdc).toBe(expected.totalBurn)
            expect(result.credited + result.burned.usdc).toBe(expected.totalGross)
            const after = await wallets(pool)
            for (const [i, node] of pool.entries())
              expect(after[i]! - credits[i]!).toBe(expected.nodeCredits.get(node) ?? 0n)
            const jobsAfter = await csp.getActiveJobs({ escrow: chain.escrows.csp })
            for (const allocation of expected.jobs) {
              const job = jobsAfter.find((j) => j.id === allocation.jobId)!
              expect(job.balance).toBe(allocation.balanceAfter)
              expect(job.lastAllocatedEpoch).toBe(allocation.lastAllocatedEpoch)
            }
          }
        }),
    ),
    { numRuns: 6 },
  )
})

const wallets = (pool: Address[]) =>
  chain.publicClient.multicall({
    allowFailure: false,
    contracts: pool.map(
      (node) =>
        ({
          address: chain.escrows.csp,
          abi: cspEscrowAbi,
          functionName: 'virtualWalletBalance',
          args: [node],
        }) as const,
    ),
  })

test('consensus outcomes on chain equal sdk-core’s evaluateProposals', async () => {
  const csp = chain.wallet(roles.csp)
  const [a, b, c] = nodes as [Address, Address, Address]
  const sets: Address[][] = [[], [a], [a, b], [b], [b, a, c]]
  const oracleIndexes = [roles.oracle, 7, 8, 9, 10]
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.record({ oracle: fc.nat(), set: fc.nat({ max: sets.length - 1 }) }), {
        minLength: 1,
        maxLength: 7,
      }),
      (oracleCount, picks) =>
        isolated(async () => {
          const oracles = oracleIndexes.slice(0, oracleCount)
          if (oracleCount > 1)
            await registerOracles(chain.deployer, {
              controller: chain.addresses.controller,
              oracles: oracles.slice(1).map((index) => account(index).address),
            })
          await chain.fund(csp.account.address, 100_000n * 3n * 30n)
          const {
            jobIds: [jobId],
          } = await csp.createJobs({
            jobs: [{ jobType: 53, nodes: 3, epochs: 30 }],
            allowance: 'approve',
          })
          const submissions = picks.map((pick) => ({
            oracle: oracles[pick.oracle % oracleCount]!,
            nodes: sets[pick.set]!,
          }))
          const outcomes: SubmissionOutcome[] = []
          for (const submission of submissions) {
            try {
              const result = await chain
                .wallet(submission.oracle)
                .submitNodeUpdate({ jobId: jobId!, nodes: submission.nodes, canonical: false })
              outcomes.push(result.outcome === 'unchanged' ? 'unchanged' : 'proposed')
            } catch (error) {
              if (error instanceof AlreadySubmittedError) outcomes.push('already-submitted')
              else if (error instanceof ConsensusCooldownError) outcomes.push('cooldown')
              else throw error
            }
          }
          const expected: EvaluateProposalsReturnType = evaluateProposals({
            oracles: oracles.map((index) => account(index).address),
            submissions: submissions.map((s) => ({
              oracle: account(s.oracle).address,
              nodes: s.nodes,
            })),
          })
          expect(outcomes).toEqual(expected.outcomes)
          const active = await csp.getJobActiveNodes({ jobId: jobId! })
          expect(active).toEqual(expected.status === 'reached' ? expected.consensus!.nodes : [])
        }),
    ),
    { numRuns: 12 },
  )
})
