import { afterEach, describe, expect, test } from 'vitest'
import { FleetNodeError } from '../errors/oracle.js'
import { createManualClock } from '../utils/clock.js'
import { createHttpFleet } from './createHttpFleet.js'
import { createSimulatedFleet } from './createSimulatedFleet.js'
import { type ServeFleetReturnType, serveFleet } from './serveFleet.js'

const owner = '0x00000000000000000000000000000000000000a1' as const
const servers: ServeFleetReturnType[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function served() {
  const clock = createManualClock(1_000)
  const fleet = createSimulatedFleet({ size: 3, seed: 'http-commands', clock })
  const server = await serveFleet(fleet)
  servers.push(server)
  const [a, b, c] = fleet.keys.map((k) => k.address) as [
    `0xai_${string}`,
    `0xai_${string}`,
    `0xai_${string}`,
  ]
  const remote = createHttpFleet({ url: server.url })
  await remote.startWorkload({
    node: a,
    workload: { jobId: 7n, appId: 'web_1', owner, pipeline: { plugins: [] } },
  })
  return { clock, fleet, server, remote, a, b, c }
}

describe('commands over HTTP', () => {
  test('a command sent through the client reaches the served fleet intact; RESTART restarts the workload', async () => {
    const { clock, fleet, server, remote, a } = await served()
    clock.set(4_000)
    await remote.sendCommand({
      node: a,
      jobId: 7n,
      appId: 'web_1',
      command: { ACTION: 'RELOAD', LIST: [1, 'two', null] },
      pluginSignature: 'CONTAINER_APP_RUNNER',
      instanceId: 'web_1_0',
    })
    clock.set(5_000)
    await remote.sendCommand({ node: a, jobId: 7n, appId: 'web_1', command: 'RESTART' })
    expect(fleet.commands()).toEqual([
      {
        node: a,
        jobId: 7n,
        appId: 'web_1',
        command: { ACTION: 'RELOAD', LIST: [1, 'two', null] },
        pluginSignature: 'CONTAINER_APP_RUNNER',
        instanceId: 'web_1_0',
        deliveredAt: 4_000,
      },
      { node: a, jobId: 7n, appId: 'web_1', command: 'RESTART', deliveredAt: 5_000 },
    ])
    expect((await remote.listWorkloads()).map((w) => [w.node, w.jobId, w.startedAt])).toEqual([
      [a, 7n, 5_000],
    ])
    // The served simulated fleet shows what its nodes received, job ids as decimal strings.
    const listed = await fetch(`${server.url}/commands`).then((r) => r.json())
    expect(listed).toEqual([
      expect.objectContaining({ node: a, jobId: '7', instanceId: 'web_1_0', deliveredAt: 4_000 }),
      { node: a, jobId: '7', appId: 'web_1', command: 'RESTART', deliveredAt: 5_000 },
    ])
  })

  test('the client rethrows the served FleetNodeError with its reason and job', async () => {
    const { fleet, remote, a, b } = await served()
    const send = (node: `0xai_${string}`, jobId: bigint, appId = 'web_1') =>
      remote.sendCommand({ node, jobId, appId, command: 'STOP' }).then(
        () => undefined,
        (error: unknown) => error,
      )
    const idle = await send(b, 7n)
    expect(idle).toBeInstanceOf(FleetNodeError)
    expect(idle).toMatchObject({ reason: 'not-running', node: b, jobId: 7n })
    expect((idle as FleetNodeError).shortMessage).toBe(`Node ${b} does not run job 7 as app web_1.`)
    expect(await send(a, 7n, 'web_2')).toMatchObject({ reason: 'not-running', jobId: 7n })
    expect(await send('0xai_nobody', 7n)).toMatchObject({ reason: 'unknown', node: '0xai_nobody' })
    fleet.failNode(a)
    expect(await send(a, 7n)).toMatchObject({ reason: 'offline', node: a })
    expect(fleet.commands()).toEqual([])
  })

  test('a command without a value, or for a served fleet that cannot deliver commands, fails with the reason', async () => {
    const { remote, a } = await served()
    await expect(
      remote.sendCommand({ node: a, jobId: 7n, appId: 'web_1', command: undefined }),
    ).rejects.toThrow(
      'fleet POST /command failed (400): command is required: the JSON value to deliver',
    )

    const full = createSimulatedFleet({ size: 1, seed: 'no-commands' })
    const withoutCommands = {
      listNodes: full.listNodes,
      listWorkloads: full.listWorkloads,
      startWorkload: full.startWorkload,
      stopWorkload: full.stopWorkload,
    }
    const server = await serveFleet(withoutCommands)
    servers.push(server)
    const node = full.keys[0]!.address
    await expect(
      createHttpFleet({ url: server.url }).sendCommand({
        node,
        jobId: 1n,
        appId: 'x_1',
        command: 'RESTART',
      }),
    ).rejects.toThrow(
      'fleet POST /command failed (501): the served fleet cannot deliver commands: it does not implement sendCommand',
    )
    // Only a simulated fleet has a record to show.
    expect((await fetch(`${server.url}/commands`)).status).toBe(404)
    expect(full.commands()).toEqual([])
  })
})
