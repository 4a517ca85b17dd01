import { createServer } from 'node:net'
import { join } from 'node:path'
import type * as Sqlite from 'node:sqlite'
import { createDeeployClient, DeeployApiError, verifyResponseSignature } from '@ratio1/sdk-deeploy'
import {
  type Address,
  concat,
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeAbiParameters,
  type Hash,
  type Hex,
  hexToBigInt,
  http,
  keccak256,
  numberToHex,
  pad,
  publicActions,
  toEventSelector,
  zeroAddress,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPaidJobs } from '../src/devnet/setupDevnet.js'
import { createHttpFleet } from '../src/fleet/createHttpFleet.js'
import type { Fleet } from '../src/fleet/types.js'
import { createStateStore, type StateStore } from '../src/store/createStateStore.js'
import {
  clientFor,
  createHarness,
  type Harness,
  poaiManagerAbi,
  type ServeParameters,
} from './harness.js'

let h: Harness
let sharedPath: string
let storeA: StateStore
let storeB: StateStore
let urlA: string
let urlB: string

const transferTopic = toEventSelector('CspEscrowOwnerTransferred(address,address,address)')

// Hand-assembled runtime code, run in place of PoAIManager's code for one transaction. Calldata is a
// run of 128-byte records (topic0, escrow, oldOwner, newOwner); each record becomes one log.
const loopHead = [
  '6000', //       PUSH1 0           i = 0
  '5b', //         JUMPDEST (0x02)
  '36', //         CALLDATASIZE
  '81', //         DUP2              i
  '10', //         LT                i < size
  '600a', //       PUSH1 0x0a
  '57', //         JUMPI
  '00', //         STOP
  '5b', //         JUMPDEST (0x0a)
]
const loopTail = ['608001', '600256'] // i += 128; JUMP 0x02
/** LOG4: the three addresses as indexed topics. */
const indexedEmitter = `0x${[
  ...loopHead,
  '8060600135', // CALLDATALOAD(i + 96)  newOwner
  '8160400135', // CALLDATALOAD(i + 64)  oldOwner
  '8260200135', // CALLDATALOAD(i + 32)  escrow
  '8335', //       CALLDATALOAD(i)       topic0
  '60006000', //   size 0, offset 0
  'a4', //         LOG4
  ...loopTail,
].join('')}` as Hex
/** LOG1: the three addresses as 96 bytes of data. */
const dataEmitter = `0x${[
  ...loopHead,
  '6060', //       PUSH1 96              size
  '81602001', //   i + 32                calldata offset
  '6000', //       PUSH1 0               memory offset
  '37', //         CALLDATACOPY
  '8035', //       CALLDATALOAD(i)       topic0
  '60606000', //   size 96, offset 0
  'a1', //         LOG1
  ...loopTail,
].join('')}` as Hex
const revertCode = '0x60006000fd' as Hex // REVERT(0, 0)

/** A loopback port nothing listens on (it was free a moment ago). */
async function freePort() {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

const sqlite = () => process.getBuiltinModule('node:sqlite') as typeof Sqlite

beforeAll(async () => {
  h = await createHarness()
  sharedPath = join(h.dir, 'shared.db')
  storeA = createStateStore({ path: join(h.dir, 'api-a.db'), sharedPath })
  storeB = createStateStore({ path: join(h.dir, 'api-b.db'), sharedPath })
  urlA = await listen({ store: storeA })
  urlB = await listen({ store: storeB, privateKey: h.devnet.oracles[1]!.privateKey })
})
afterAll(async () => {
  await h?.stop()
  storeA?.close()
  storeB?.close()
})

/** The first oracle's API on `storeA`; its URL. */
async function listen(overrides: ServeParameters = {}) {
  return (await h.serve({ store: storeA, ...overrides })).url
}

const testClient = () =>
  createTestClient({ chain: hardhat, mode: 'hardhat', transport: http(h.node.url) })
const deployer = () =>
  createWalletClient({
    chain: hardhat,
    transport: http(h.node.url),
    account: privateKeyToAccount(h.devnet.deployer.privateKey),
    pollingInterval: 50,
  }).extend(publicActions)
const reconciler = (url = urlA) =>
  createDeeployClient({ baseUrl: url, retry: 0, verifyResponse: verifyResponseSignature })
const manager = () => h.devnet.addresses.poaiManager
const escrow = () => h.devnet.csp.escrow

const record = (escrowAddress: Address, oldOwner: Address, newOwner: Address) =>
  concat([transferTopic, pad(escrowAddress), pad(oldOwner), pad(newOwner)])

/** Mines one transaction in which `at` runs `code` on `records`; `at`'s own code is put back after. */
async function emit(records: Hex[], options: { code?: Hex; at?: Address } = {}) {
  const at = options.at ?? manager()
  const test = testClient()
  const original = (await h.publicClient.getCode({ address: at })) ?? '0x'
  await test.setCode({ address: at, bytecode: options.code ?? indexedEmitter })
  try {
    const wallet = deployer()
    const hash = await wallet.sendTransaction({ to: at, data: concat(records), gas: 200_000n })
    const receipt = await wallet.waitForTransactionReceipt({ hash })
    expect(receipt.status).toBe('success')
    return receipt
  } finally {
    await test.setCode({ address: at, bytecode: original })
  }
}

const mappingSlot = (key: Address, slot: bigint) =>
  keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [key, slot]))
const addressMask = (1n << 160n) - 1n
const readSlot = async (slot: Hex) =>
  hexToBigInt((await h.publicClient.getStorageAt({ address: manager(), slot })) ?? '0x0')
const writeSlot = (slot: Hex, value: bigint) =>
  testClient().setStorageAt({
    address: manager(),
    // Hardhat wants the position as a quantity: no leading zero digits.
    index: numberToHex(hexToBigInt(slot)),
    value: numberToHex(value, { size: 32 }),
  })

/** The declaration slot of a `mapping(address => …)` whose entry for `key` holds `value` in its low 160 bits. */
async function findMapping(key: Address, value: Address) {
  for (let slot = 0n; slot < 64n; slot++)
    if (((await readSlot(mappingSlot(key, slot))) & addressMask) === hexToBigInt(value)) return slot
  throw new Error(`no mapping slot of PoAIManager maps ${key} to ${value}`)
}

/**
 * Moves the escrow to `to` in PoAIManager's storage, as a transfer function would: `_escrowInfo`
 * (read by `escrowToOwner`, the struct's other fields kept) and `ownerToEscrow` (read by
 * `getAddressRegistration`, so the new owner signs in).
 */
async function transferEscrow(from: Address, to: Address) {
  const infoSlot = await findMapping(escrow(), from)
  const ownerSlot = await findMapping(from, escrow())
  const info = mappingSlot(escrow(), infoSlot)
  await writeSlot(info, ((await readSlot(info)) & ~addressMask) | hexToBigInt(to))
  await writeSlot(mappingSlot(to, ownerSlot), hexToBigInt(escrow()))
  await writeSlot(mappingSlot(from, ownerSlot), 0n)
  expect(
    await h.publicClient.readContract({
      address: manager(),
      abi: poaiManagerAbi,
      functionName: 'escrowToOwner',
      args: [escrow()],
    }),
  ).toBe(to)
  expect(
    await h.publicClient.readContract({
      address: manager(),
      abi: poaiManagerAbi,
      functionName: 'getAddressRegistration',
      args: [to],
    }),
  ).toEqual([true, escrow()])
}

const apiError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeeployApiError)
  return (error as DeeployApiError).oracleMessage
}
const post = async (request: object) => {
  const response = await fetch(`${urlA}/reconcile_csp_escrow_jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ request }),
  })
  return (await response.json()).result as Record<string, unknown>
}
const ownersOf = (jobId: bigint) =>
  h.fleet
    .snapshot()
    .workloads.filter((w) => w.jobId === jobId)
    .map((w) => ({ node: w.node, owner: w.owner, OWNER: w.pipeline.OWNER }))
    .sort((a, b) => a.node.localeCompare(b.node))

const genericApp = {
  app_alias: 'Web Server',
  plugins: [
    {
      plugin_signature: 'CONTAINER_APP_RUNNER',
      IMAGE: 'nginx:latest',
      CONTAINER_RESOURCES: { cpu: 1, memory: '2g' },
    },
  ],
  job_app_type: 'generic',
}

describe('/reconcile_csp_escrow_jobs', () => {
  let deployedJob: bigint
  let deletedJob: bigint
  let undeployedJob: bigint
  let deployedNodes: string[]
  const newOwnerKey = generatePrivateKey()
  const newOwner = privateKeyToAccount(newOwnerKey)
  const thirdOwner = privateKeyToAccount(generatePrivateKey())

  test('refuses what does not prove a confirmed transfer, and changes nothing', async () => {
    const csp = clientFor(urlA, h.devnet.csp.privateKey)
    await csp.savePreferredNodes({ preferredNodes: [{ address: h.fleet.keys[0]!.address }] })
    const listBefore = storeA.getPreferredNodes(h.devnet.csp.address)
    const anyone = reconciler()

    expect(await post({})).toMatchObject({
      status: 'fail',
      error:
        "'tx_hash' is required: the hash of the mined transaction that emitted CspEscrowOwnerTransferred(escrow, oldOwner, newOwner).",
    })
    expect(await apiError(anyone.reconcileCspEscrowJobs({ txHash: '0x1234' }))).toBe(
      `'tx_hash' must be a transaction hash: 0x followed by 64 hex digits (got "0x1234").`,
    )
    expect(await post({ txHash: 42 })).toMatchObject({
      error: "'tx_hash' must be a transaction hash: 0x followed by 64 hex digits (got 42).",
    })
    const unknown = keccak256('0x01')
    expect(await post({ tx_hash: unknown, log_index: -1 })).toMatchObject({
      error:
        "'log_index' must be a non-negative integer: the index of the transfer log in its block (got -1).",
    })
    expect(await post({ tx_hash: unknown, logIndex: 'first' })).toMatchObject({
      error: `'log_index' must be a non-negative integer: the index of the transfer log in its block (got "first").`,
    })
    expect(await apiError(anyone.reconcileCspEscrowJobs({ txHash: unknown }))).toBe(
      `Transaction ${unknown} is not a mined transaction on localnet: check the hash and the network, or wait until it is mined and retry.`,
    )
    // An oracle whose chain endpoint does not answer cannot check any proof.
    const offline = await listen({
      publicClient: createPublicClient({
        chain: hardhat,
        transport: http(`http://127.0.0.1:${await freePort()}`, { retryCount: 0 }),
      }),
    })
    expect(await apiError(reconciler(offline).reconcileCspEscrowJobs({ txHash: unknown }))).toBe(
      `Could not load the receipt of transaction ${unknown}: HTTP request failed. Retry later.`,
    )

    // A reverted transaction, mined (automine off, so the node does not refuse it at submission).
    const reverter = '0x000000000000000000000000000000000000dead' as Address
    const test = testClient()
    await test.setCode({ address: reverter, bytecode: revertCode })
    await test.setAutomine(false)
    let reverted: Hash
    try {
      reverted = await deployer().sendTransaction({ to: reverter, data: '0x', gas: 100_000n })
      await test.mine({ blocks: 1 })
    } finally {
      await test.setAutomine(true)
    }
    const revertedReceipt = await h.publicClient.getTransactionReceipt({ hash: reverted })
    expect(revertedReceipt.status).toBe('reverted')
    expect(await apiError(anyone.reconcileCspEscrowJobs({ txHash: reverted }))).toBe(
      `Transaction ${reverted} reverted in block ${revertedReceipt.blockNumber}: a reverted transaction transfers no escrow. Pass the hash of the successful transfer.`,
    )

    // Mined transactions without a transfer log from PoAIManager: a plain payment, and the right
    // event emitted by another contract.
    const wallet = deployer()
    const payment = await wallet.sendTransaction({ to: newOwner.address, value: 1n })
    await wallet.waitForTransactionReceipt({ hash: payment })
    const noTransfer = (hash: Hash) =>
      `Transaction ${hash} emitted no CspEscrowOwnerTransferred(escrow, oldOwner, newOwner) log from PoAIManager ${manager()}: pass the hash of the transaction that transferred the escrow.`
    expect(await apiError(anyone.reconcileCspEscrowJobs({ txHash: payment }))).toBe(
      noTransfer(payment),
    )
    const elsewhere = await emit([record(escrow(), h.devnet.csp.address, newOwner.address)], {
      at: '0x00000000000000000000000000000000000e1173',
    })
    expect(elsewhere.logs).toHaveLength(1)
    expect(
      await apiError(anyone.reconcileCspEscrowJobs({ txHash: elsewhere.transactionHash })),
    ).toBe(noTransfer(elsewhere.transactionHash))

    // Two transfers in one transaction: log_index must choose.
    const twice = await emit([
      record(escrow(), h.devnet.csp.address, thirdOwner.address),
      record(escrow(), h.devnet.csp.address, newOwner.address),
    ])
    const [first, second] = twice.logs.map((log) => log.logIndex)
    expect(await apiError(anyone.reconcileCspEscrowJobs({ txHash: twice.transactionHash }))).toBe(
      `Transaction ${twice.transactionHash} emitted 2 CspEscrowOwnerTransferred(escrow, oldOwner, newOwner) logs (log_index ${first}, ${second}): pass log_index to choose one.`,
    )
    expect(
      await apiError(
        anyone.reconcileCspEscrowJobs({ txHash: twice.transactionHash, logIndex: 99 }),
      ),
    ).toBe(
      `Transaction ${twice.transactionHash} has no CspEscrowOwnerTransferred(escrow, oldOwner, newOwner) log from PoAIManager at log_index 99; its transfer logs are at log_index ${first}, ${second}.`,
    )
    // The chosen log decodes, but the chain still says the CSP owns the escrow.
    expect(
      await apiError(
        anyone.reconcileCspEscrowJobs({ txHash: twice.transactionHash, logIndex: second! }),
      ),
    ).toBe(
      `The chain does not confirm the transfer: PoAIManager.escrowToOwner(${escrow()}) is ${h.devnet.csp.address}, not ${newOwner.address}. Reconcile with the escrow's latest owner transfer.`,
    )
    const toNobody = await emit([record(escrow(), h.devnet.csp.address, zeroAddress)])
    expect(
      await apiError(anyone.reconcileCspEscrowJobs({ txHash: toNobody.transactionHash })),
    ).toBe(
      `The transfer at log_index ${toNobody.logs[0]!.logIndex} names the zero address as the new owner of escrow ${escrow()}; there is no owner to move the jobs to.`,
    )

    expect(storeA.getPreferredNodes(h.devnet.csp.address)).toBe(listBefore)
    expect(storeA.getPreferredNodes(newOwner.address)).toBeUndefined()
  })

  test('moves the preferred nodes, stored pipelines and live workloads to the new owner; a second call finds everything current', async () => {
    const csp = clientFor(urlA, h.devnet.csp.privateKey)
    ;[deployedJob, deletedJob, undeployedJob] = (await createPaidJobs({
      rpcUrl: h.node.url,
      csp: h.devnet.csp,
      usdc: h.devnet.addresses.usdc,
      count: 3,
    })) as [bigint, bigint, bigint]
    const created = await csp.createPipeline({
      request: { ...genericApp, job_id: Number(deployedJob) } as never,
    })
    deployedNodes = (created.request as { target_nodes: string[] }).target_nodes
    await csp.createPipeline({ request: { ...genericApp, job_id: Number(deletedJob) } as never })
    await csp.deletePipeline({ jobId: deletedJob })
    const saved = await csp.savePreferredNodes({
      preferredNodes: [{ address: h.fleet.keys[1]!.address, alias: 'gpu' }],
    })
    const listText = storeA.getPreferredNodes(h.devnet.csp.address)
    expect(ownersOf(deployedJob).map((w) => w.owner)).toEqual([
      h.devnet.csp.address,
      h.devnet.csp.address,
    ])

    await transferEscrow(h.devnet.csp.address, newOwner.address)
    const receipt = await emit([record(escrow(), h.devnet.csp.address, newOwner.address)])

    // A fleet that cannot be read stops the call before anything moves.
    const blind = await listen({
      store: storeB,
      fleet: createHttpFleet({ url: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2_000 }),
    })
    expect(
      await apiError(reconciler(blind).reconcileCspEscrowJobs({ txHash: receipt.transactionHash })),
    ).toMatch(
      /^Could not read the fleet's workloads: .+\. Nothing was changed; retry when the fleet answers\.$/,
    )
    expect(storeA.getPreferredNodes(h.devnet.csp.address)).toBe(listText)
    expect(storeA.getJob(deployedJob)?.owner).toBe(h.devnet.csp.address)

    // Reconciled through the second oracle: the first one sees the result in the shared database.
    const result = await reconciler(urlB).reconcileCspEscrowJobs({
      txHash: receipt.transactionHash,
    })
    const transfer = {
      network: 'localnet',
      tx_hash: receipt.transactionHash,
      log_index: receipt.logs[0]!.logIndex,
      block_number: Number(receipt.blockNumber),
      escrow: escrow(),
      old_owner: h.devnet.csp.address,
      new_owner: newOwner.address,
    }
    expect(result).toMatchObject({
      status: 'success',
      transfer,
      preferred_nodes_migration: {
        status: 'moved',
        from: h.devnet.csp.address.toLowerCase(),
        to: newOwner.address.toLowerCase(),
      },
    })
    expect(result.results).toEqual({
      [String(deployedJob)]: {
        status: 'node_update_delivered',
        app_id: created.app_id,
        owner: newOwner.address,
        nodes: expect.arrayContaining(deployedNodes),
      },
      [String(deletedJob)]: {
        status: 'updated',
        app_id: expect.any(String),
        owner: newOwner.address,
      },
      [String(undeployedJob)]: {
        status: 'pipeline_missing',
        detail: `This oracle holds no stored pipeline for job ${undeployedJob}: it was not deployed through the Deeploy API, so there is nothing to rewrite.`,
      },
    })

    // Stored specs, live workloads and the list all belong to the new owner now.
    for (const jobId of [deployedJob, deletedJob]) {
      const stored = storeA.getJob(jobId)!
      expect(stored.owner).toBe(newOwner.address)
      expect(stored.pipeline.OWNER).toBe(newOwner.address)
    }
    expect(storeA.getJob(deletedJob)?.deleted).toBe(true)
    expect(ownersOf(deployedJob)).toEqual(
      [...deployedNodes].sort().map((node) => ({
        node,
        owner: newOwner.address,
        OWNER: newOwner.address,
      })),
    )
    expect(storeA.getPreferredNodes(newOwner.address)).toBe(listText)
    expect(storeA.getPreferredNodes(h.devnet.csp.address)).toBeUndefined()
    const successor = clientFor(urlA, newOwnerKey)
    expect((await successor.getPreferredNodes()).preferred_nodes).toEqual(saved.preferred_nodes)
    const { apps } = await successor.getApps()
    expect(apps[String(deployedJob)]?.pipeline).toMatchObject({ OWNER: newOwner.address })
    expect(await apiError(csp.getPreferredNodes())).toBe(
      `Wallet ${h.devnet.csp.address} has no active escrow`,
    )

    // Idempotent: the same proof again finds everything current and restarts nothing.
    const startedAt = h.fleet.snapshot().workloads.map((w) => [w.node, w.startedAt])
    const again = await reconciler().reconcileCspEscrowJobs({
      txHash: receipt.transactionHash,
      logIndex: receipt.logs[0]!.logIndex,
    })
    expect(again).toMatchObject({
      status: 'success',
      transfer,
      preferred_nodes_migration: { status: 'already_current' },
    })
    expect(again.results).toEqual({
      [String(deployedJob)]: {
        status: 'already_current',
        app_id: created.app_id,
        owner: newOwner.address,
      },
      [String(deletedJob)]: {
        status: 'already_current',
        app_id: expect.any(String),
        owner: newOwner.address,
      },
      [String(undeployedJob)]: expect.objectContaining({ status: 'pipeline_missing' }),
    })
    expect(h.fleet.snapshot().workloads.map((w) => [w.node, w.startedAt])).toEqual(startedAt)

    // The same transfer with its addresses in the log's data instead of its topics decodes too.
    const unindexed = await emit([record(escrow(), h.devnet.csp.address, newOwner.address)], {
      code: dataEmitter,
    })
    expect(unindexed.logs[0]!.topics).toEqual([transferTopic])
    const fromData = await reconciler().reconcileCspEscrowJobs({
      txHash: unindexed.transactionHash,
    })
    expect(fromData).toMatchObject({
      status: 'success',
      transfer: {
        ...transfer,
        tx_hash: unindexed.transactionHash,
        block_number: Number(unindexed.blockNumber),
        log_index: unindexed.logs[0]!.logIndex,
      },
      preferred_nodes_migration: { status: 'already_current' },
      results: { [String(deployedJob)]: { status: 'already_current' } },
    })
  })

  test('reports what failed: fail when nothing moved, partial_success when some did; a retry completes', async () => {
    await transferEscrow(newOwner.address, thirdOwner.address)
    const receipt = await emit([record(escrow(), newOwner.address, thirdOwner.address)])
    const proof = { txHash: receipt.transactionHash }

    // The shared database refuses every update: neither the list nor any spec can move.
    const admin = new (sqlite().DatabaseSync)(sharedPath)
    const refuse = (table: string) =>
      admin.exec(`CREATE TRIGGER refuse_${table} BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, 'database is read-only for ${table}'); END`)
    refuse('preferred_nodes')
    refuse('jobs')
    try {
      expect(await apiError(reconciler().reconcileCspEscrowJobs(proof))).toBe(
        `Nothing could be moved to ${thirdOwner.address}; see preferred_nodes_migration and results for each failure, then call reconcile again.`,
      )
      const failed = await post({ tx_hash: receipt.transactionHash })
      expect(failed).toMatchObject({
        status: 'fail',
        preferred_nodes_migration: {
          status: 'failed',
          error:
            'Could not move the preferred-node list: database is read-only for preferred_nodes. Call reconcile again to retry.',
        },
        results: {
          [String(deployedJob)]: {
            status: 'failed',
            error: `Could not update job ${deployedJob}: database is read-only for jobs. Call reconcile again to retry.`,
          },
          [String(deletedJob)]: { status: 'failed' },
          [String(undeployedJob)]: { status: 'pipeline_missing' },
        },
      })
      expect(storeA.getJob(deployedJob)?.owner).toBe(newOwner.address)
      expect(ownersOf(deployedJob).map((w) => w.owner)).toEqual([
        newOwner.address,
        newOwner.address,
      ])
      admin.exec('DROP TRIGGER refuse_jobs')

      // Specs can move now; one node's machine dies right after its workload stopped, so the
      // restart there fails. The fleet is the harness's simulated one; only the moment of the
      // failure is scripted.
      const [victim, survivor] = [...deployedNodes].sort() as [string, string]
      const dying: Fleet = {
        listNodes: () => h.fleet.listNodes(),
        listWorkloads: () => h.fleet.listWorkloads(),
        startWorkload: (parameters) => h.fleet.startWorkload(parameters),
        async stopWorkload(parameters) {
          await h.fleet.stopWorkload(parameters)
          if (parameters.node === victim) h.fleet.failNode(victim)
        },
      }
      const fragile = await listen({ fleet: dying })
      const partial = await reconciler(fragile).reconcileCspEscrowJobs(proof)
      expect(partial.status).toBe('partial_success')
      expect(partial.preferred_nodes_migration).toMatchObject({ status: 'failed' })
      expect(partial.results?.[String(deployedJob)]).toEqual({
        status: 'failed',
        app_id: storeA.getJob(deployedJob)!.appId,
        owner: thirdOwner.address,
        nodes: [survivor],
        error: `Could not restart job ${deployedJob} under the new owner on ${victim}: Node ${victim} is offline and cannot run workloads. The stored pipeline is updated: the availability loop redeploys missing workloads, and calling reconcile again retries the rest.`,
      })
      expect(partial.results?.[String(deletedJob)]).toMatchObject({ status: 'updated' })
      expect(storeA.getJob(deployedJob)?.owner).toBe(thirdOwner.address)
      expect(ownersOf(deployedJob)).toEqual([
        { node: survivor, owner: thirdOwner.address, OWNER: thirdOwner.address },
      ])
      h.fleet.recoverNode(victim as never)
    } finally {
      for (const table of ['preferred_nodes', 'jobs'])
        admin.exec(`DROP TRIGGER IF EXISTS refuse_${table}`)
      admin.close()
    }

    // With the database writable again, the retry moves the list and finds the jobs current.
    const retried = await reconciler().reconcileCspEscrowJobs(proof)
    expect(retried).toMatchObject({
      status: 'success',
      preferred_nodes_migration: { status: 'moved' },
      results: {
        [String(deployedJob)]: { status: 'already_current' },
        [String(deletedJob)]: { status: 'already_current' },
        [String(undeployedJob)]: { status: 'pipeline_missing' },
      },
    })
    expect(storeB.getPreferredNodes(thirdOwner.address)).toBeDefined()
    expect(storeB.getPreferredNodes(newOwner.address)).toBeUndefined()
  })
})
