import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { poaiManagerAbi } from '@ratio1/contracts/abis'
import { advanceEpochs } from '@ratio1/contracts/deploy'
import {
  canonicalNodeSet,
  localnetChain,
  nodeAddressToEthAddress,
  publicKeyToNodeAddress,
} from '@ratio1/sdk-core'
import {
  buildGenericApp,
  createDeeployClient,
  deployJob,
  verifyResponseSignature,
} from '@ratio1/sdk-deeploy'
import { createJobs, getJobDetails, getNodeEarnings } from '@ratio1/sdk-escrow'
import { createManualClock, createSeededRng } from '@ratio1/sdk-oracle'
import {
  type SetupDevnetReturnType,
  type StartHardhatNodeReturnType,
  setupDevnet,
  startHardhatNode,
} from '@ratio1/sdk-oracle/server'
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  keccak256,
  stringToHex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createJsonFileFleet, type FleetFile, FleetFileError } from './createJsonFileFleet.js'
import {
  type StartReferenceOracleReturnType,
  startReferenceOracle,
} from './startReferenceOracle.js'

const dir = mkdtempSync(join(tmpdir(), 'r1-json-fleet-'))
const fleetFile = join(dir, 'fleet.json')
// Three worker machines with real secp256k1 keys, so their 0xai_ addresses map to ETH addresses.
const workers = ['alpha', 'beta', 'gamma'].map((alias) => {
  const account = privateKeyToAccount(keccak256(stringToHex(`json-fleet:${alias}`)))
  const address = publicKeyToNodeAddress(account.publicKey) as `0xai_${string}`
  return { alias, address, eth: nodeAddressToEthAddress(address) }
})
const clock = createManualClock(Date.UTC(2026, 0, 1))
const timing = {
  closureBackoffMs: [1_000, 2_000],
  rewardsStaggerMs: [1_000, 2_000],
  repairStepMs: 1_000,
} as const

let chain: StartHardhatNodeReturnType
let devnet: SetupDevnetReturnType
let oracle: StartReferenceOracleReturnType

const readFleet = () => JSON.parse(readFileSync(fleetFile, 'utf8')) as FleetFile

beforeAll(async () => {
  writeFileSync(
    fleetFile,
    JSON.stringify({
      nodes: workers.map((w) => ({
        address: w.address,
        alias: w.alias,
        online: true,
        resources: { cpu: 8, memoryMb: 32_768, storageMb: 262_144 },
      })),
      workloads: [],
    }),
  )
  chain = await startHardhatNode()
  devnet = await setupDevnet({
    rpcUrl: chain.url,
    oracleCount: 1,
    nodes: workers.map((w) => w.eth),
  })
  oracle = await startReferenceOracle({
    rpcUrl: chain.url,
    privateKey: devnet.oracles[0]!.privateKey,
    poaiManager: devnet.addresses.poaiManager,
    controller: devnet.addresses.controller,
    fleetFile,
    // The test drives the loops itself, on a manual clock, so every wait is deterministic.
    tickMs: 0,
    clock,
    rng: createSeededRng(7),
    timing,
  })
})
afterAll(async () => {
  await oracle?.stop()
  await chain?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const publicClient = () =>
  createPublicClient({ chain: localnetChain, transport: http(chain.url), pollingInterval: 50 })

/** Ticks the oracle, one simulated second apart, until `done` holds (at most `passes` ticks). */
async function tickUntil(done: () => Promise<boolean>, passes = 30): Promise<number> {
  for (let pass = 1; pass <= passes; pass++) {
    clock.advance(1_000)
    await oracle.oracle.tick()
    if (await done()) return pass
  }
  throw new Error(`not done after ${passes} ticks`)
}

describe('reference oracle over a JSON-file fleet', () => {
  let jobId: bigint

  test('a paid job deployed through the oracle’s Deeploy API lands in the fleet file and on chain', async () => {
    const cspAccount = privateKeyToAccount(devnet.csp.privateKey)
    const csp = createWalletClient({
      chain: localnetChain,
      transport: http(chain.url),
      account: cspAccount,
      pollingInterval: 50,
    })
    const created = await createJobs(csp, {
      manager: devnet.addresses.poaiManager,
      jobs: [{ jobType: 1, nodes: 2, epochs: 30 }],
    })
    jobId = created.jobIds[0]!
    const deeploy = createDeeployClient({
      baseUrl: oracle.url,
      account: cspAccount,
      retry: 0,
      verifyResponse: verifyResponseSignature,
    })
    const deployed = await deployJob(deeploy, {
      job: { id: jobId, jobType: 1, numberOfNodesRequested: 2n },
      template: (job) =>
        buildGenericApp({
          jobId: job.id,
          jobType: 1,
          alias: 'json-fleet-web',
          image: 'nginx:1.27',
          port: 80,
          targetNodesCount: 2,
        }),
      pollInterval: 50,
      readyTimeout: 10_000,
    })
    expect(deployed.app).toBeDefined()

    const placed = readFleet().workloads.filter((w) => w.jobId === String(jobId))
    expect(placed).toHaveLength(2)
    expect(new Set(placed.map((w) => w.appId))).toEqual(new Set([deployed.appId]))
    expect(placed.every((w) => w.owner === cspAccount.address)).toBe(true)
    // One oracle is the whole quorum: its proposal of the placed nodes started the job.
    const job = await getJobDetails(publicClient(), {
      manager: devnet.addresses.poaiManager,
      jobId,
    })
    expect(job.activeNodes).toEqual(
      canonicalNodeSet(placed.map((w) => nodeAddressToEthAddress(w.node))),
    )
    expect(job.startTimestamp).toBeGreaterThan(0n)
  })

  test('taking a node offline in the file makes the oracle move the job and re-vote the set', async () => {
    const before = readFleet()
    const [failed, kept] = before.workloads.filter((w) => w.jobId === String(jobId))
    const spare = workers.find((w) => !before.workloads.some((p) => p.node === w.address))!
    // The operator edits the file by hand: the machine is down.
    writeFileSync(
      fleetFile,
      JSON.stringify({
        ...before,
        nodes: before.nodes.map((n) => (n.address === failed!.node ? { ...n, online: false } : n)),
      }),
    )
    const manager = devnet.addresses.poaiManager
    // The manager refuses a new node set within its cooldown after the last change: let it pass.
    const remaining = await publicClient().readContract({
      address: manager,
      abi: poaiManagerAbi,
      functionName: 'getRemainingCooldownTime',
      args: [jobId],
    })
    const testClient = createTestClient({
      chain: localnetChain,
      mode: 'hardhat',
      transport: http(chain.url),
    })
    await testClient.increaseTime({ seconds: Number(remaining) + 1 })
    await testClient.mine({ blocks: 1 })
    const expected = canonicalNodeSet([nodeAddressToEthAddress(kept!.node), spare.eth])
    await tickUntil(async () => {
      const job = await getJobDetails(publicClient(), { manager, jobId })
      return job.activeNodes.join() === expected.join()
    })
    const after = readFleet().workloads.filter((w) => w.jobId === String(jobId))
    expect(new Set(after.map((w) => w.node)).has(spare.address)).toBe(true)
    expect((await oracle.fleet.listWorkloads()).map((w) => w.node).sort()).toEqual(
      [kept!.node, spare.address].sort(),
    )
  })

  test('after an epoch the oracle allocates: the running nodes are credited 85 %', async () => {
    const manager = devnet.addresses.poaiManager
    const client = publicClient()
    await advanceEpochs(client, { controller: devnet.addresses.controller, epochs: 1n })
    const job = await getJobDetails(client, { manager, jobId })
    await tickUntil(async () => {
      const { claimable } = await getNodeEarnings(client, { manager, nodes: job.activeNodes })
      return claimable > 0n
    })
    const earnings = await getNodeEarnings(client, { manager, nodes: job.activeNodes })
    // The current set is paid for every finished epoch (one, or two if the cooldown wait above
    // crossed an epoch boundary): whole node-epochs of 85 % of ENTRY's price each.
    const share = (job.pricePerEpoch * 85n) / 100n
    expect(earnings.nodes).toHaveLength(2)
    for (const node of earnings.nodes) {
      expect(node.claimable).toBeGreaterThan(0n)
      expect(node.claimable % share).toBe(0n)
    }
  })
})

describe('commands through the Deeploy API', () => {
  test('an app command lands in the fleet file for every running instance, for an external tool to carry out', async () => {
    // Running means on an online node: the file keeps the offline node's entry as history.
    const running = await oracle.fleet.listWorkloads()
    const jobId = running[0]!.jobId
    expect(running.every((w) => w.jobId === jobId)).toBe(true)
    const deeploy = createDeeployClient({
      baseUrl: oracle.url,
      account: privateKeyToAccount(devnet.csp.privateKey),
      retry: 0,
      verifyResponse: verifyResponseSignature,
    })
    const result = await deeploy.sendAppCommand({ jobId, command: 'RESTART' })
    const appId = running[0]!.appId
    expect(result.targets!.map((t) => [t[0], t[1]]).sort()).toEqual(
      running.map((w) => [w.node, appId]).sort(),
    )
    const commands = readFleet().commands!
    expect(commands.map((c) => c.node).sort()).toEqual(running.map((w) => w.node).sort())
    for (const entry of commands)
      expect(entry).toEqual({
        node: entry.node,
        jobId: String(jobId),
        appId,
        pluginSignature: 'CONTAINER_APP_RUNNER',
        instanceId: expect.any(String),
        command: 'RESTART',
        sentAt: clock.now(),
      })
    // The file only records the command: restarting is the external tool's job.
    expect((await oracle.fleet.listWorkloads()).map((w) => w.startedAt)).toEqual(
      running.map((w) => w.startedAt),
    )
  })
})

describe('the fleet file format', () => {
  test('mistakes name the field and the rule', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ nodes: [{ address: '0x12', alias: 'x', online: true }] }))
    const fleet = createJsonFileFleet({ path: bad })
    await expect(fleet.listNodes()).rejects.toThrow(FleetFileError)
    await expect(fleet.listNodes()).rejects.toThrow(
      'nodes[0].address must be a Ratio1 node address (0xai_…)',
    )
    await expect(
      createJsonFileFleet({ path: join(dir, 'missing.json') }).listNodes(),
    ).rejects.toThrow('cannot read the fleet file')
  })

  test('starting on an offline or unknown node is refused; stopping what does not run is not', async () => {
    const path = join(dir, 'small.json')
    const [a, b] = workers as [(typeof workers)[0], (typeof workers)[0]]
    const resources = { cpu: 1, memoryMb: 1, storageMb: 1 }
    writeFileSync(
      path,
      JSON.stringify({
        nodes: [
          { address: a.address, alias: 'a', online: true, resources },
          { address: b.address, alias: 'b', online: false, resources },
        ],
      }),
    )
    const fleet = createJsonFileFleet({ path, now: () => 42 })
    const workload = {
      jobId: 9n,
      appId: 'app_9',
      owner: devnet.csp.address,
      pipeline: { plugins: [] },
    }
    await expect(fleet.startWorkload({ node: b.address, workload })).rejects.toThrow('offline')
    await expect(fleet.startWorkload({ node: workers[2]!.address, workload })).rejects.toThrow(
      'not part of the fleet',
    )
    // Concurrent starts on one fleet are queued: neither write is lost.
    await Promise.all([
      fleet.startWorkload({ node: a.address, workload }),
      fleet.startWorkload({ node: a.address, workload: { ...workload, jobId: 10n } }),
    ])
    expect((await fleet.listWorkloads()).map((w) => [w.jobId, w.startedAt])).toEqual([
      [9n, 42],
      [10n, 42],
    ])
    await fleet.stopWorkload({ node: a.address, jobId: 9n })
    await fleet.stopWorkload({ node: a.address, jobId: 9n })
    expect((await fleet.listWorkloads()).map((w) => w.jobId)).toEqual([10n])
    const nodes = await fleet.listNodes()
    expect(nodes.map((n) => [n.alias, n.online, n.ethAddress])).toEqual([
      ['a', true, a.eth],
      ['b', false, b.eth],
    ])
  })

  test('commands are appended to the file and kept across later writes; a node that does not run the app is refused', async () => {
    const path = join(dir, 'commands.json')
    const [a, b, c] = workers as [(typeof workers)[0], (typeof workers)[0], (typeof workers)[0]]
    const resources = { cpu: 1, memoryMb: 1, storageMb: 1 }
    writeFileSync(
      path,
      JSON.stringify({
        nodes: [
          { address: a.address, alias: 'a', online: true, resources },
          { address: b.address, alias: 'b', online: false, resources },
          { address: c.address, alias: 'c', online: true, resources },
        ],
      }),
    )
    let time = 100
    const fleet = createJsonFileFleet({ path, now: () => time })
    const workload = { jobId: 5n, appId: 'app_5', owner: devnet.csp.address, pipeline: {} }
    await fleet.startWorkload({ node: a.address, workload })
    time = 200
    await fleet.sendCommand({
      node: a.address,
      jobId: 5n,
      appId: 'app_5',
      command: { ACTION: 'RELOAD' },
      pluginSignature: 'CONTAINER_APP_RUNNER',
      instanceId: 'app_5_0',
    })
    time = 300
    await fleet.sendCommand({ node: a.address, jobId: 5n, appId: 'app_5', command: 'RESTART' })
    // A later write of the oracle keeps the commands an external tool has not consumed yet.
    await fleet.startWorkload({ node: c.address, workload: { ...workload, jobId: 6n } })
    const file = JSON.parse(readFileSync(path, 'utf8')) as FleetFile
    expect(file.commands).toEqual([
      {
        node: a.address,
        jobId: '5',
        appId: 'app_5',
        pluginSignature: 'CONTAINER_APP_RUNNER',
        instanceId: 'app_5_0',
        command: { ACTION: 'RELOAD' },
        sentAt: 200,
      },
      { node: a.address, jobId: '5', appId: 'app_5', command: 'RESTART', sentAt: 300 },
    ])
    expect(file.workloads.map((w) => [w.jobId, w.startedAt])).toEqual([
      ['5', 100],
      ['6', 300],
    ])

    const send = (node: `0xai_${string}`, jobId: bigint, appId = 'app_5') =>
      fleet.sendCommand({ node, jobId, appId, command: 'STOP' })
    await expect(send(b.address, 5n)).rejects.toThrow('offline')
    await expect(send(c.address, 5n)).rejects.toMatchObject({
      name: 'FleetNodeError',
      reason: 'not-running',
      jobId: 5n,
    })
    await expect(send(a.address, 5n, 'app_other')).rejects.toThrow(
      `Node ${a.address} does not run job 5 as app app_other.`,
    )
    expect((JSON.parse(readFileSync(path, 'utf8')) as FleetFile).commands).toHaveLength(2)

    // An external tool that breaks the commands section is told where.
    writeFileSync(
      path,
      JSON.stringify({ ...file, commands: [{ ...file.commands![0], sentAt: 'x' }] }),
    )
    await expect(fleet.listNodes()).rejects.toThrow('commands[0].sentAt must be a number (ms)')
    writeFileSync(path, JSON.stringify({ ...file, commands: {} }))
    await expect(fleet.listNodes()).rejects.toThrow('"commands" must be an array')
  })
})
