import { localnetChain } from '@ratio1/sdk-core'
import { createWalletClient, erc20Abi, http } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  createJobsIdempotent,
  createMemoryStore,
  IdempotencyConflictError,
  type KeyValueStore,
  type PaymentJournalEntry,
} from '../src/index.js'
import { account, roles } from './accounts.js'
import { useChain } from './chain.js'

const chain = useChain()
const jobs = [
  { jobType: 1, nodes: 2, epochs: 30 },
  { jobType: 53, nodes: 1, epochs: 31 },
]
const total = 375_000n * 2n * 30n + 100_000n * 31n

class Crash extends Error {}

type Status = PaymentJournalEntry['status']

/** A journal that "kills the process" once: right before or right after persisting a status. */
function crashingJournal(status: Status, moment: 'before' | 'after') {
  const inner = createMemoryStore<PaymentJournalEntry>()
  let armed = true
  const journal: KeyValueStore<PaymentJournalEntry> = {
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    set: async (key, entry) => {
      const fire = armed && entry.status === status
      if (fire && moment === 'before') {
        armed = false
        throw new Crash(`killed before journaling ${status}`)
      }
      await inner.set(key, entry)
      if (fire) {
        armed = false
        throw new Crash(`killed after journaling ${status}`)
      }
    },
  }
  return { journal, inner }
}

const balance = (address: `0x${string}`) =>
  chain.publicClient.readContract({
    address: chain.addresses.usdc,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [address],
  })

async function paidOnce(
  payer: `0x${string}`,
  run: () => Promise<{ jobIds: bigint[] }>,
  resume: () => Promise<{ jobIds: bigint[]; resumed: boolean }>,
) {
  await chain.fund(payer, total * 3n)
  const before = await balance(payer)
  const activeBefore = await chain.publicClient.getActiveJobs({ escrow: chain.escrows.csp })
  await expect(run()).rejects.toThrow(Crash)
  const result = await resume()
  const again = await resume()
  expect(again.jobIds).toEqual(result.jobIds)
  expect(again.resumed).toBe(true)
  expect(before - (await balance(payer))).toBe(total)
  const active = await chain.publicClient.getActiveJobs({ escrow: chain.escrows.csp })
  expect(active.length - activeBefore.length).toBe(2)
  expect(active.slice(-2).map((job) => job.id)).toEqual(result.jobIds)
  return result
}

describe('createJobsIdempotent with a local account (sign, journal, broadcast)', () => {
  test.each([
    ['prepared', 'after'],
    ['approved', 'after'],
    ['signed', 'after'],
    ['sent', 'before'],
    ['confirmed', 'before'],
    ['confirmed', 'after'],
  ] as const)('killed %s (%s journaling) resumes without paying twice', async (status, moment) => {
    const csp = chain.wallet(roles.csp)
    const { journal } = crashingJournal(status, moment)
    const parameters = { key: `order-${status}-${moment}`, journal, jobs }
    await paidOnce(
      csp.account.address,
      () => createJobsIdempotent(csp, parameters),
      () => createJobsIdempotent(csp, parameters),
    )
  })

  test('killed after broadcasting into a mempool that has not mined yet', async () => {
    const csp = chain.wallet(roles.csp)
    const { journal, inner } = crashingJournal('sent', 'after')
    const parameters = { key: 'order-pending', journal, jobs }
    await chain.fund(csp.account.address, total)
    // Allow the escrow up front, so the only transaction of the payment is createJobs itself and nothing
    // has to be mined before the crash (mining the permit first raced with the payment's broadcast).
    await csp.writeContract({
      address: chain.addresses.usdc,
      abi: erc20Abi,
      functionName: 'approve',
      args: [chain.escrows.csp, total],
    })
    await chain.testClient.setAutomine(false)
    const run = createJobsIdempotent(csp, parameters).catch((e: unknown) => e)
    expect(await run).toBeInstanceOf(Crash)
    expect((await inner.get('order-pending'))?.status).toBe('sent')
    expect(
      await chain.publicClient
        .getBlock({ blockTag: 'pending', includeTransactions: true })
        .then((b) => b.transactions.length),
    ).toBe(1)
    const resumed = createJobsIdempotent(csp, parameters)
    await new Promise((resolve) => setTimeout(resolve, 300))
    await chain.testClient.mine({ blocks: 1 })
    const result = await resumed
    expect(result.resumed).toBe(true)
    expect(result.jobIds).toHaveLength(2)
    expect(await balance(csp.account.address)).toBe(0n)
  })

  test('a key belongs to one payment', async () => {
    const csp = chain.wallet(roles.csp)
    await chain.fund(csp.account.address, total * 2n)
    const journal = createMemoryStore<PaymentJournalEntry>()
    const first = await createJobsIdempotent(csp, { key: 'k', journal, jobs })
    expect(first.resumed).toBe(false)
    await expect(
      createJobsIdempotent(csp, {
        key: 'k',
        journal,
        jobs: [{ jobType: 1, nodes: 3, epochs: 30 }],
      }),
    ).rejects.toThrow(IdempotencyConflictError)
    expect((await journal.get('k'))?.status).toBe('confirmed')
  })
})

describe('createJobsIdempotent with a JSON-RPC account (pinned nonce)', () => {
  const rpcWallet = () =>
    createWalletClient({
      chain: localnetChain,
      transport: http(chain.rpcUrl),
      account: account(roles.csp).address,
      pollingInterval: 50,
    })

  test.each([
    ['sending', 'after'],
    ['sent', 'before'],
  ] as const)('killed %s (%s journaling) resumes without paying twice', async (status, moment) => {
    const csp = rpcWallet()
    const { journal } = crashingJournal(status, moment)
    const parameters = { key: `rpc-${status}`, journal, jobs, manager: chain.manager }
    await paidOnce(
      account(roles.csp).address,
      () => createJobsIdempotent(csp, parameters),
      () => createJobsIdempotent(csp, parameters),
    )
  })
})
