import {
  DeeployApiError,
  type DeeployClient,
  signRequest,
  verifyResponseSignature,
} from '@ratio1/sdk-deeploy'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createPaidJobs } from '../src/devnet/setupDevnet.js'
import type { Fleet } from '../src/fleet/types.js'
import { clientFor, createHarness, type Harness } from './harness.js'

type NodeAddress = `0xai_${string}`

let h: Harness
let url: string
let csp: DeeployClient
// The first CSP's app: one job on two nodes, three plugin instances on each.
let jobId: bigint
let appId: string
let nodes: [NodeAddress, NodeAddress]
let instanceIds: { web: string; exec: [string, string] }

const app = (alias: string) => ({
  app_alias: alias,
  job_app_type: 'native',
  plugins: [
    {
      plugin_signature: 'CONTAINER_APP_RUNNER',
      instance_id: 'WEB_MAIN',
      IMAGE: 'nginx:1.27',
      CONTAINER_RESOURCES: { cpu: 1, memory: '2g' },
    },
    { plugin_signature: 'CUSTOM_EXEC_01', CODE: 'cHJpbnQoMSk=' },
    { plugin_signature: 'CUSTOM_EXEC_01', CODE: 'cHJpbnQoMik=' },
  ],
})

/** Deploys `app(alias)` for a freshly paid job on `targets`; returns the job and app ids. */
async function deploy(alias: string, targets: NodeAddress[]) {
  const [id] = await createPaidJobs({
    rpcUrl: h.node.url,
    csp: h.devnet.csp,
    usdc: h.devnet.addresses.usdc,
  })
  const created = await csp.createPipeline({
    request: { ...app(alias), job_id: Number(id), target_nodes: targets } as never,
  })
  return { jobId: id!, appId: created.app_id as string }
}

/** Signs `payload` as the first CSP and posts it; the raw `result`. */
async function post(path: string, requestType: string, payload: Record<string, unknown>) {
  const request = await signRequest({
    account: privateKeyToAccount(h.devnet.csp.privateKey),
    requestType: requestType as never,
    payload,
  })
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ request }),
  })
  const text = await response.text()
  expect(response.status).toBe(200)
  expect(verifyResponseSignature({ body: text }).valid).toBe(true)
  return JSON.parse(text).result as Record<string, unknown>
}
const failure = async (path: string, requestType: string, payload: Record<string, unknown>) => {
  const result = await post(path, requestType, payload)
  expect(result.status).toBe('fail')
  return result.error as string
}
const instanceFailure = (payload: Record<string, unknown>) =>
  failure('/send_instance_command', 'send instance command', payload)
const appFailure = (payload: Record<string, unknown>) =>
  failure('/send_app_command', 'send app command', payload)

/** The oracle's message of the DeeployApiError `call` rejects with. */
async function apiError(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeeployApiError)
  const { code, oracleMessage } = error as DeeployApiError
  return code === undefined ? oracleMessage : `${code}: ${oracleMessage}`
}

const commandsSince = (count: number) => h.fleet.commands().slice(count)
const startedAt = (node: string, job: bigint) =>
  h.fleet.snapshot().workloads.find((w) => w.node === node && w.jobId === job)?.startedAt

beforeAll(async () => {
  h = await createHarness()
  ;({ url } = await h.serve())
  csp = clientFor(url, h.devnet.csp.privateKey)
  const keys = h.fleet.keys.map((k) => k.address)
  nodes = [keys[0]!, keys[1]!]
  ;({ jobId, appId } = await deploy('Commanded', nodes))
  // The instance ids a CSP sees: from get_apps, identical on both nodes.
  const { apps } = await csp.getApps()
  const online = apps[String(jobId)]!.online as Record<
    string,
    Record<string, { plugins: Record<string, { instance: string }[]> }>
  >
  const plugins = online[nodes[0]]![appId]!.plugins
  expect(online[nodes[1]]![appId]!.plugins).toEqual(plugins)
  const exec = plugins.CUSTOM_EXEC_01!.map((p) => p.instance)
  instanceIds = {
    web: plugins.CONTAINER_APP_RUNNER![0]!.instance,
    exec: [exec[0]!, exec[1]!],
  }
})
afterAll(async () => {
  await h?.stop()
})

describe('/send_instance_command', () => {
  test('the command reaches only the named instance on the named node; RESTART restarts it there', async () => {
    expect(instanceIds.web).toBe('WEB_MAIN')
    const before = h.fleet.commands().length
    const untouched = startedAt(nodes[0], jobId)
    const sentAfter = Date.now()
    const result = await csp.sendInstanceCommand({
      appId,
      targetNodes: [nodes[1]],
      pluginSignature: 'CONTAINER_APP_RUNNER',
      instanceId: 'WEB_MAIN',
      command: 'RESTART',
    })
    expect(result.request).toEqual({
      status: 'command_delivered',
      app_id: appId,
      target_nodes: [nodes[1]],
    })
    expect(result.auth).toMatchObject({
      sender: h.devnet.csp.address,
      sender_escrow: h.devnet.csp.escrow,
      escrow_owner: h.devnet.csp.address,
    })
    const delivered = commandsSince(before)
    expect(delivered).toEqual([
      {
        node: nodes[1],
        jobId,
        appId,
        command: 'RESTART',
        pluginSignature: 'CONTAINER_APP_RUNNER',
        instanceId: 'WEB_MAIN',
        deliveredAt: expect.any(Number),
      },
    ])
    expect(delivered[0]!.deliveredAt).toBeGreaterThanOrEqual(sentAfter)
    expect(startedAt(nodes[1], jobId)).toBe(delivered[0]!.deliveredAt)
    expect(startedAt(nodes[0], jobId)).toBe(untouched)
  })

  test('by job id and a node’s ETH address, to an index-numbered instance on both nodes, with a JSON command', async () => {
    const before = h.fleet.commands().length
    const eth = h.fleet.keys.find((k) => k.address === nodes[0])!.ethAddress
    const command = { ACTION: 'RELOAD', PATHS: ['/etc/app'] }
    const result = await csp.sendInstanceCommand({
      appId: '',
      jobId,
      targetNodes: [eth, nodes[1], nodes[0]],
      pluginSignature: 'CUSTOM_EXEC_01',
      instanceId: instanceIds.exec[1],
      command,
    })
    expect(instanceIds.exec[1]).toBe(`${appId}_2`)
    expect(result.request).toEqual({
      status: 'command_delivered',
      app_id: appId,
      target_nodes: [nodes[0], nodes[1]],
    })
    expect(commandsSince(before).map((c) => [c.node, c.instanceId, c.command])).toEqual([
      [nodes[0], `${appId}_2`, command],
      [nodes[1], `${appId}_2`, command],
    ])
  })

  test('each missing or malformed field is named, in the order the oracles check them, and nothing is sent', async () => {
    const before = h.fleet.commands().length
    const valid = {
      app_id: appId,
      target_nodes: [nodes[0]],
      plugin_signature: 'CONTAINER_APP_RUNNER',
      instance_id: 'WEB_MAIN',
      instance_command: 'RESTART',
    }
    const { app_id: _app, ...withoutApp } = valid
    expect(await instanceFailure(withoutApp)).toBe(
      "ERR16_REQUEST8. 'app_id' or 'job_id' should be provided.",
    )
    expect(await instanceFailure({ ...valid, app_id: 5 })).toBe(
      "ERR16_REQUEST8. 'app_id' must be a string: the app id /create_pipeline returned.",
    )
    expect(await instanceFailure({ ...valid, job_id: 'seven' })).toBe(
      `ERR16_REQUEST8. 'job_id' must be a positive integer (the on-chain job id), got "seven".`,
    )
    const { target_nodes: _targets, ...withoutTargets } = valid
    expect(await instanceFailure(withoutTargets)).toBe(
      "ERR16_REQUEST8. 'target_nodes' are not provided.",
    )
    expect(await instanceFailure({ ...valid, target_nodes: [] })).toBe(
      "ERR16_REQUEST8. 'target_nodes' are not provided.",
    )
    expect(await instanceFailure({ ...valid, target_nodes: nodes[0] })).toBe(
      "ERR05_DEEPLOY_NODES4: 'target_nodes' must be a list of node addresses (0xai_… or the node's ETH address).",
    )
    expect(
      await apiError(
        csp.sendInstanceCommand({
          appId,
          targetNodes: [nodes[0]],
          pluginSignature: '',
          instanceId: 'WEB_MAIN',
          command: 'RESTART',
        }),
      ),
    ).toBe("ERR15_REQUEST7: 'plugin_signature' not provided.")
    expect(await instanceFailure({ ...valid, plugin_signature: ['CONTAINER_APP_RUNNER'] })).toBe(
      "ERR15_REQUEST7. 'plugin_signature' must be a string, e.g. CONTAINER_APP_RUNNER.",
    )
    expect(await instanceFailure({ ...valid, instance_id: '' })).toBe(
      "ERR18_REQUEST10. 'instance_id' not provided.",
    )
    expect(await instanceFailure({ ...valid, instance_id: 3 })).toBe(
      "ERR18_REQUEST10. 'instance_id' must be a string: an instance id /get_apps lists.",
    )
    const { instance_command: _command, ...withoutCommand } = valid
    expect(await instanceFailure(withoutCommand)).toBe(
      "ERR17_REQUEST9. 'instance_command' not provided.",
    )
    // Python truthiness, as the oracles apply it: null, false, "" and {} are "not provided".
    for (const command of [null, false, '', {}])
      expect(
        await apiError(
          csp.sendInstanceCommand({
            appId,
            targetNodes: [nodes[0]],
            pluginSignature: 'CONTAINER_APP_RUNNER',
            instanceId: 'WEB_MAIN',
            command,
          }),
        ),
      ).toBe("ERR17_REQUEST9: 'instance_command' not provided.")
    expect(commandsSince(before)).toEqual([])
  })

  test('an instance that does not run on every target node is not found, and no node gets the command', async () => {
    const before = h.fleet.commands().length
    const idle = h.fleet.keys[5]!.address
    const notFound = (instance: string, on: string) =>
      `ERR07_DEEPLOY_PLUGIN_INSTANCE1: Plugin instance CONTAINER_APP_RUNNER with ID ${instance} not found in app ${appId} for owner ${h.devnet.csp.address}. It does not run on ${on}: check target_nodes, plugin_signature and instance_id against /get_apps.`
    expect(
      await apiError(
        csp.sendInstanceCommand({
          appId,
          targetNodes: [nodes[0], idle],
          pluginSignature: 'CONTAINER_APP_RUNNER',
          instanceId: 'WEB_MAIN',
          command: 'STOP',
        }),
      ),
    ).toBe(notFound('WEB_MAIN', idle))
    expect(
      await apiError(
        csp.sendInstanceCommand({
          appId,
          targetNodes: nodes,
          pluginSignature: 'CONTAINER_APP_RUNNER',
          instanceId: instanceIds.exec[0],
          command: 'STOP',
        }),
      ),
    ).toBe(notFound(instanceIds.exec[0], nodes.join(', ')))
    // By job id alone, the message names the job.
    expect(
      await instanceFailure({
        job_id: Number(jobId) + 1000,
        target_nodes: [nodes[0]],
        plugin_signature: 'CONTAINER_APP_RUNNER',
        instance_id: 'WEB_MAIN',
        instance_command: 'STOP',
      }),
    ).toBe(
      `ERR07_DEEPLOY_PLUGIN_INSTANCE1: Plugin instance CONTAINER_APP_RUNNER with ID WEB_MAIN not found in app of job ${Number(jobId) + 1000} for owner ${h.devnet.csp.address}. It does not run on ${nodes[0]}: check target_nodes, plugin_signature and instance_id against /get_apps.`,
    )
    expect(commandsSince(before)).toEqual([])
  })
})

describe('/send_app_command', () => {
  test('by job id the command reaches every instance on every node, listed in targets; RESTART restarts the app', async () => {
    const before = h.fleet.commands().length
    const sentAfter = Date.now()
    const result = await csp.sendAppCommand({ jobId, command: 'RESTART' })
    const expected = nodes.flatMap((node) => [
      [node, appId, 'CONTAINER_APP_RUNNER', 'WEB_MAIN'],
      [node, appId, 'CUSTOM_EXEC_01', instanceIds.exec[0]],
      [node, appId, 'CUSTOM_EXEC_01', instanceIds.exec[1]],
    ])
    expect(result.request).toEqual({ status: 'command_delivered', job_id: Number(jobId) })
    expect(result.auth).toMatchObject({ escrow_owner: h.devnet.csp.address })
    expect([...result.targets!].sort()).toEqual([...expected].sort())
    const delivered = commandsSince(before)
    expect(delivered.map((c) => [c.node, c.appId, c.pluginSignature, c.instanceId]).sort()).toEqual(
      [...expected].sort(),
    )
    expect(delivered.every((c) => c.command === 'RESTART' && c.jobId === jobId)).toBe(true)
    for (const node of nodes) expect(startedAt(node, jobId)).toBeGreaterThanOrEqual(sentAfter)
  })

  test('by app id with a plugin_signature filter only that plugin’s instances get it', async () => {
    const before = h.fleet.commands().length
    const untouched = nodes.map((node) => startedAt(node, jobId))
    const command = { SET: { LOG_LEVEL: 'debug' } }
    const result = await csp.sendAppCommand({
      appId,
      command,
      pluginSignature: 'CUSTOM_EXEC_01',
    })
    expect(result.request).toEqual({ status: 'command_delivered', app_id: appId })
    const expected = nodes.flatMap((node) =>
      instanceIds.exec.map((id) => [node, appId, 'CUSTOM_EXEC_01', id]),
    )
    expect([...result.targets!].sort()).toEqual([...expected].sort())
    expect(
      commandsSince(before)
        .map((c) => [c.node, c.appId, c.pluginSignature, c.instanceId, c.command])
        .sort(),
    ).toEqual(expected.map((target) => [...target, command]).sort())
    expect(nodes.map((node) => startedAt(node, jobId))).toEqual(untouched)
  })

  test('each missing or malformed field is named, an unknown app is not found, and nothing is sent', async () => {
    const before = h.fleet.commands().length
    expect(await appFailure({ command: 'RESTART' })).toBe(
      "ERR16_REQUEST8. 'app_id' or 'job_id' should be provided.",
    )
    expect(await appFailure({ job_id: 0, app_id: '', command: 'RESTART' })).toBe(
      "ERR16_REQUEST8. 'app_id' or 'job_id' should be provided.",
    )
    expect(await appFailure({ job_id: -3, command: 'RESTART' })).toBe(
      "ERR16_REQUEST8. 'job_id' must be a positive integer (the on-chain job id), got -3.",
    )
    expect(await appFailure({ app_id: appId })).toBe("ERR17_REQUEST9. 'command' not provided.")
    // The SDK's template once sent `instance_command` here: the oracles read `command`.
    expect(await appFailure({ app_id: appId, instance_command: 'RESTART' })).toBe(
      "ERR17_REQUEST9. 'command' not provided.",
    )
    expect(await apiError(csp.sendAppCommand({ appId, command: '' }))).toBe(
      "ERR17_REQUEST9: 'command' not provided.",
    )
    expect(await appFailure({ app_id: appId, command: 'RESTART', plugin_signature: 7 })).toBe(
      "ERR15_REQUEST7. 'plugin_signature' must be a string, e.g. CONTAINER_APP_RUNNER (or left out for every instance).",
    )
    const owner = h.devnet.csp.address
    expect(await apiError(csp.sendAppCommand({ appId: 'ghost_0000000', command: 'STOP' }))).toBe(
      `ERR08_DEEPLOY_APP1: App ghost_0000000 not found on any node. Only running apps of owner ${owner} take commands: check app_id, job_id and plugin_signature against /get_apps.`,
    )
    expect(
      await apiError(csp.sendAppCommand({ appId, jobId: jobId + 1000n, command: 'STOP' })),
    ).toBe(
      `ERR08_DEEPLOY_APP1: App ${appId} not found on any node. Only running apps of owner ${owner} take commands: check app_id, job_id and plugin_signature against /get_apps.`,
    )
    expect(await apiError(csp.sendAppCommand({ jobId: 999_999n, command: 'STOP' }))).toBe(
      `ERR08_DEEPLOY_APP1: App of job 999999 not found on any node. Only running apps of owner ${owner} take commands: check app_id, job_id and plugin_signature against /get_apps.`,
    )
    expect(
      await apiError(
        csp.sendAppCommand({ appId, command: 'STOP', pluginSignature: 'WORKER_APP_RUNNER' }),
      ),
    ).toBe(
      `ERR08_DEEPLOY_APP1: App ${appId} not found on any node with a WORKER_APP_RUNNER instance. Only running apps of owner ${owner} take commands: check app_id, job_id and plugin_signature against /get_apps.`,
    )
    expect(commandsSince(before)).toEqual([])
  })

  test('a replayed signed command is refused and delivered only once', async () => {
    const before = h.fleet.commands().length
    const request = await signRequest({
      account: privateKeyToAccount(h.devnet.csp.privateKey),
      requestType: 'send app command',
      payload: { app_id: appId, command: 'SNAPSHOT', plugin_signature: 'CONTAINER_APP_RUNNER' },
    })
    const send = () =>
      fetch(`${url}/send_app_command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request }),
      }).then((r) => r.json())
    const first = await send()
    expect(first.result.request).toEqual({ status: 'command_delivered', app_id: appId })
    expect(first.result.targets).toHaveLength(2)
    const replay = await send()
    expect(replay.result).toMatchObject({
      status: 'fail',
      error:
        'Replayed request: this signed request was already processed. Sign a new request with a fresh nonce.',
    })
    expect(
      commandsSince(before)
        .map((c) => [c.node, c.command])
        .sort(),
    ).toEqual(nodes.map((node) => [node, 'SNAPSHOT']).sort())
  })
})

describe('ownership and fleets', () => {
  test('a second CSP cannot command the first CSP’s app: it is not found, by app id or by job id', async () => {
    await h.escrowForStranger()
    const second = clientFor(url, h.devnet.stranger.privateKey)
    // The second CSP is a real CSP: its own reads work.
    expect((await second.getApps()).apps).toEqual({})
    const before = h.fleet.commands().length
    const restartedAt = nodes.map((node) => startedAt(node, jobId))
    const stranger = h.devnet.stranger.address
    expect(await apiError(second.sendAppCommand({ appId, command: 'RESTART' }))).toBe(
      `ERR08_DEEPLOY_APP1: App ${appId} not found on any node. Only running apps of owner ${stranger} take commands: check app_id, job_id and plugin_signature against /get_apps.`,
    )
    expect(await apiError(second.sendAppCommand({ jobId, command: 'RESTART' }))).toBe(
      `ERR08_DEEPLOY_APP1: App of job ${jobId} not found on any node. Only running apps of owner ${stranger} take commands: check app_id, job_id and plugin_signature against /get_apps.`,
    )
    expect(
      await apiError(
        second.sendInstanceCommand({
          appId,
          targetNodes: nodes,
          pluginSignature: 'CONTAINER_APP_RUNNER',
          instanceId: 'WEB_MAIN',
          command: 'RESTART',
        }),
      ),
    ).toBe(
      `ERR07_DEEPLOY_PLUGIN_INSTANCE1: Plugin instance CONTAINER_APP_RUNNER with ID WEB_MAIN not found in app ${appId} for owner ${stranger}. It does not run on ${nodes.join(', ')}: check target_nodes, plugin_signature and instance_id against /get_apps.`,
    )
    expect(commandsSince(before)).toEqual([])
    expect(nodes.map((node) => startedAt(node, jobId))).toEqual(restartedAt)
  })

  test('an oracle whose fleet cannot deliver commands says so', async () => {
    const plain: Fleet = {
      listNodes: () => h.fleet.listNodes(),
      listWorkloads: () => h.fleet.listWorkloads(),
      startWorkload: (p) => h.fleet.startWorkload(p),
      stopWorkload: (p) => h.fleet.stopWorkload(p),
    }
    const client = clientFor((await h.serve({ fleet: plain })).url, h.devnet.csp.privateKey)
    const before = h.fleet.commands().length
    const message =
      'ERR01_DEEPLOY_GENERIC_ERROR: The fleet this oracle is configured with cannot deliver commands (it does not implement sendCommand). Run the oracle with a fleet that implements Fleet.sendCommand, or command the nodes directly.'
    expect(await apiError(client.sendAppCommand({ appId, command: 'RESTART' }))).toBe(message)
    expect(
      await apiError(
        client.sendInstanceCommand({
          appId,
          targetNodes: [nodes[0]],
          pluginSignature: 'CONTAINER_APP_RUNNER',
          instanceId: 'WEB_MAIN',
          command: 'RESTART',
        }),
      ),
    ).toBe(message)
    expect(commandsSince(before)).toEqual([])
  })

  test('a node that goes offline during delivery: the answer says how far the command got', async () => {
    const keys = h.fleet.keys.map((k) => k.address)
    const pair: [NodeAddress, NodeAddress] = [keys[2]!, keys[3]!]
    const target = await deploy('Fragile', pair)
    let failed: NodeAddress | undefined
    // The first delivery lands, then the other node of the job dies.
    const dying: Fleet = {
      listNodes: () => h.fleet.listNodes(),
      listWorkloads: () => h.fleet.listWorkloads(),
      startWorkload: (p) => h.fleet.startWorkload(p),
      stopWorkload: (p) => h.fleet.stopWorkload(p),
      async sendCommand(command) {
        await h.fleet.sendCommand(command)
        if (failed) return
        failed = pair.find((node) => node !== command.node)!
        h.fleet.failNode(failed)
      },
    }
    const client = clientFor((await h.serve({ fleet: dying })).url, h.devnet.csp.privateKey)
    const before = h.fleet.commands().length
    try {
      expect(await apiError(client.sendAppCommand({ jobId: target.jobId, command: 'STOP' }))).toBe(
        `ERR01_DEEPLOY_GENERIC_ERROR: The command reached 3 of 6 instances, then delivery to node ${failed} failed: Node ${failed} is offline and cannot run workloads. Check the app's nodes with /get_apps and send a new signed request for the instances that missed it.`,
      )
      const delivered = commandsSince(before)
      expect(delivered).toHaveLength(3)
      expect(delivered.every((c) => c.node !== failed && c.appId === target.appId)).toBe(true)
    } finally {
      if (failed) h.fleet.recoverNode(failed)
    }
  })
})
