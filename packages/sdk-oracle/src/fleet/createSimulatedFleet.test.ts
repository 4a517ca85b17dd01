import { describe, expect, test } from 'vitest'
import { FleetNodeError } from '../errors/oracle.js'
import { createManualClock } from '../utils/clock.js'
import { createSimulatedFleet } from './createSimulatedFleet.js'

const owner = '0x00000000000000000000000000000000000000a1' as const
const workload = (jobId: bigint, appId: string) => ({
  jobId,
  appId,
  owner,
  pipeline: { plugins: [{ plugin_signature: 'CONTAINER_APP_RUNNER' }] },
})

async function setup() {
  const clock = createManualClock(1_000)
  const fleet = createSimulatedFleet({ size: 3, seed: 'commands', clock })
  const [a, b, c] = fleet.keys.map((k) => k.address) as [
    `0xai_${string}`,
    `0xai_${string}`,
    `0xai_${string}`,
  ]
  await fleet.startWorkload({ node: a, workload: workload(7n, 'web_1') })
  await fleet.startWorkload({ node: b, workload: workload(7n, 'web_1') })
  await fleet.startWorkload({ node: b, workload: workload(8n, 'db_1') })
  return { clock, fleet, a, b, c }
}

const startedAt = (
  fleet: Awaited<ReturnType<typeof setup>>['fleet'],
  node: string,
  jobId: bigint,
) => fleet.snapshot().workloads.find((w) => w.node === node && w.jobId === jobId)?.startedAt

describe('simulated fleet commands', () => {
  test('every delivered command is recorded with its target and the clock time, oldest first', async () => {
    const { clock, fleet, a, b } = await setup()
    clock.set(5_000)
    await fleet.sendCommand({
      node: a,
      jobId: 7n,
      appId: 'web_1',
      command: { ACTION: 'RELOAD', PATH: '/etc' },
      pluginSignature: 'CONTAINER_APP_RUNNER',
      instanceId: 'web_1_0',
    })
    clock.set(6_000)
    await fleet.sendCommand({ node: b, jobId: 8n, appId: 'db_1', command: 'STOP' })
    expect(fleet.commands()).toEqual([
      {
        node: a,
        jobId: 7n,
        appId: 'web_1',
        command: { ACTION: 'RELOAD', PATH: '/etc' },
        pluginSignature: 'CONTAINER_APP_RUNNER',
        instanceId: 'web_1_0',
        deliveredAt: 5_000,
      },
      { node: b, jobId: 8n, appId: 'db_1', command: 'STOP', deliveredAt: 6_000 },
    ])
    // Other commands than RESTART leave the workloads as they were.
    expect(startedAt(fleet, a, 7n)).toBe(1_000)
    expect(startedAt(fleet, b, 8n)).toBe(1_000)
  })

  test('RESTART restarts only the targeted workload; workloads read before keep their old start', async () => {
    const { clock, fleet, a, b } = await setup()
    const before = await fleet.listWorkloads()
    clock.set(9_000)
    await fleet.sendCommand({ node: a, jobId: 7n, appId: 'web_1', command: 'RESTART' })
    expect(startedAt(fleet, a, 7n)).toBe(9_000)
    expect(startedAt(fleet, b, 7n)).toBe(1_000)
    expect(startedAt(fleet, b, 8n)).toBe(1_000)
    expect(before.map((w) => w.startedAt)).toEqual([1_000, 1_000, 1_000])
    // The restarted workload is otherwise unchanged.
    expect(fleet.snapshot().workloads.find((w) => w.node === a)).toEqual({
      ...workload(7n, 'web_1'),
      node: a,
      startedAt: 9_000,
    })
  })

  test('unknown and offline nodes, and a job or app the node does not run, are refused and not recorded', async () => {
    const { fleet, a, b, c } = await setup()
    const send = (node: `0xai_${string}`, jobId: bigint, appId: string) =>
      fleet.sendCommand({ node, jobId, appId, command: 'RESTART' }).then(
        () => undefined,
        (error: unknown) => error,
      )
    const unknown = await send('0xai_nobody', 7n, 'web_1')
    expect(unknown).toBeInstanceOf(FleetNodeError)
    expect(unknown).toMatchObject({ reason: 'unknown', node: '0xai_nobody' })
    fleet.failNode(a)
    expect(await send(a, 7n, 'web_1')).toMatchObject({ name: 'FleetNodeError', reason: 'offline' })
    // c runs nothing; b runs job 7 but as web_1, not as web_2.
    const idle = (await send(c, 7n, 'web_1')) as FleetNodeError
    expect(idle).toMatchObject({ reason: 'not-running', node: c, jobId: 7n })
    expect(idle.message).toBe(
      [
        `Node ${c} does not run job 7 as app web_1.`,
        '',
        'Send the command to a node that fleet.listWorkloads() shows running the job.',
        '',
        'Docs: docs/guides/errors.md#fleetnodeerror',
        'Version: @ratio1/sdk-oracle@x.y.z',
      ].join('\n'),
    )
    expect(await send(b, 7n, 'web_2')).toMatchObject({ reason: 'not-running', jobId: 7n })
    expect(await send(b, 9n, 'web_1')).toMatchObject({ reason: 'not-running', jobId: 9n })
    expect(fleet.commands()).toEqual([])
    expect(startedAt(fleet, b, 7n)).toBe(1_000)
  })

  test('the record is a copy: neither the sender nor a reader can change what a node received', async () => {
    const { fleet, a } = await setup()
    const command = { ACTION: 'SET', VALUE: [1, 2] }
    await fleet.sendCommand({ node: a, jobId: 7n, appId: 'web_1', command })
    command.VALUE.push(3)
    const read = fleet.commands()
    ;(read[0]!.command as { ACTION: string }).ACTION = 'CHANGED'
    expect(fleet.commands()[0]!.command).toEqual({ ACTION: 'SET', VALUE: [1, 2] })
  })

  test('the record keeps the most recent 10,000 commands', async () => {
    const { fleet, a } = await setup()
    for (let i = 0; i <= 10_000; i++)
      await fleet.sendCommand({ node: a, jobId: 7n, appId: 'web_1', command: { N: i } })
    const record = fleet.commands()
    expect(record).toHaveLength(10_000)
    expect(record[0]!.command).toEqual({ N: 1 })
    expect(record.at(-1)!.command).toEqual({ N: 10_000 })
  })
})
