import { InvalidParameterError } from '@ratio1/sdk-core'
import { describe, expect, test } from 'vitest'
import { baseUrl, testAccount } from '../../test/constants.js'
import { auth, getAppsResult, nodeA, nodeB, projectHash } from '../../test/fixtures.js'
import { deeployEndpoint, type Received, server } from '../../test/msw.js'
import { createDeeployClient } from '../clients/createDeeployClient.js'
import { JobNotReadyError } from '../errors/deploy.js'
import {
  appCommandResultSchema,
  deleteResultSchema,
  deployResultSchema,
  scaleUpResultSchema,
} from '../schemas/deeploy.js'
import { buildGenericApp } from '../templates/buildGenericApp.js'
import { type DeployProgress, deployJob } from './deployJob.js'

const client = createDeeployClient({ baseUrl, account: testAccount, retry: 0 })
const job = {
  id: 12n,
  jobType: 1,
  numberOfNodesRequested: 2n,
  projectHash: projectHash as `0x${string}`,
}
const template = (j: { id: bigint }) =>
  buildGenericApp({
    jobId: j.id,
    jobType: 1,
    alias: 'web',
    image: 'nginx:1.27',
    targetNodesCount: 2,
  })

function mockOracle(onlineSequence: string[][]) {
  const sent: Record<string, Received[]> = {}
  const record = (path: string) => (r: Received) => {
    sent[path] = [...(sent[path] ?? []), r]
  }
  let polls = 0
  server.use(
    deeployEndpoint({
      path: '/create_pipeline',
      requestType: 'create pipeline',
      schema: deployResultSchema(),
      onRequest: record('create'),
      result: () => ({ status: 'command_delivered', app_id: 'web_1a2b3c4', auth }),
    }),
    deeployEndpoint({
      path: '/get_apps',
      requestType: 'get apps',
      onRequest: record('get_apps'),
      result: () => {
        const nodes = onlineSequence[Math.min(polls++, onlineSequence.length - 1)]!
        return getAppsResult([{ id: 12, appId: 'web_1a2b3c4', nodes }])
      },
    }),
    deeployEndpoint({
      path: '/send_app_command',
      requestType: 'send app command',
      schema: appCommandResultSchema(),
      onRequest: record('command'),
      result: () => ({ request: { status: 'command_delivered', job_id: 12 }, targets: [], auth }),
    }),
    deeployEndpoint({
      path: '/scale_up_job_workers',
      requestType: 'scale up workers',
      schema: scaleUpResultSchema(),
      onRequest: record('scale'),
      result: () => ({ status: 'success', status_details: {}, job_id: 12, request: null, auth }),
    }),
    deeployEndpoint({
      path: '/update_pipeline',
      requestType: 'update pipeline',
      schema: deployResultSchema(),
      onRequest: record('update'),
      result: () => ({ status: 'success', app_id: 'web_1a2b3c4', auth }),
    }),
    deeployEndpoint({
      path: '/delete_pipeline',
      requestType: 'delete pipeline',
      schema: deleteResultSchema(),
      onRequest: record('delete'),
      result: () => ({ request: { status: 'success', targets: [], job_id: 12 }, auth }),
    }),
  )
  return sent
}

describe('deployJob', () => {
  test('creates, waits for every node, reports progress, then operates the job', async () => {
    const sent = mockOracle([[], [nodeA], [nodeA, nodeB]])
    const progress: DeployProgress[] = []
    const deployed = await deployJob(client, {
      job,
      template,
      pollInterval: 1,
      onProgress: (p) => progress.push(p),
    })
    expect(progress.map((p) => p.stage)).toEqual([
      'creating',
      'created',
      'waiting',
      'waiting',
      'online',
    ])
    expect(progress[3]).toMatchObject({ onlineNodes: 1, expectedNodes: 2, attempt: 2 })
    expect(deployed.appId).toBe('web_1a2b3c4')
    expect(sent.create![0]!.request).toMatchObject({
      job_id: 12,
      project_id: projectHash,
      target_nodes_count: 2,
    })
    // The project filter keeps the poll cheap.
    expect(sent.get_apps![0]!.request.project_id).toBe(projectHash)

    await deployed.restart()
    await deployed.stop()
    expect(sent.command!.map((r) => r.request.command)).toEqual(['RESTART', 'STOP'])
    await deployed.scaleUp({ targetNodesCount: 1 })
    expect(sent.scale![0]!.request).toMatchObject({ job_id: 12, target_nodes_count: 1 })
    await deployed.update({ job_tags: ['IS_KYB'] })
    expect(sent.update![0]!.request).toMatchObject({
      app_id: 'web_1a2b3c4',
      job_id: 12,
      job_tags: ['IS_KYB'],
    })
    await deployed.delete()
    expect(sent.delete![0]!.request).toMatchObject({ job_id: 12, app_id: 'web_1a2b3c4' })
    expect(Object.keys((await deployed.refresh())!.online)).toEqual([nodeA, nodeB])
  })

  test('a job id alone works with a complete request', async () => {
    mockOracle([[nodeA, nodeB]])
    const deployed = await deployJob(client, {
      job: 12n,
      template: template({ id: 12n }),
      pollInterval: 1,
    })
    expect(deployed.app?.job_id).toBe(12)
  })

  test('gives up with JobNotReadyError after readyTimeout', async () => {
    mockOracle([[nodeA]])
    const error = await deployJob(client, {
      job,
      template,
      pollInterval: 5,
      readyTimeout: 20,
    }).catch((e) => e)
    expect(error).toBeInstanceOf(JobNotReadyError)
    expect(error).toMatchObject({ onlineNodes: 1, expectedNodes: 2, appId: 'web_1a2b3c4' })
  })

  test('the wait is abortable', async () => {
    mockOracle([[]])
    const controller = new AbortController()
    const pending = deployJob(client, {
      job,
      template,
      pollInterval: 60_000,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'waiting') controller.abort(new Error('user cancelled'))
      },
    })
    await expect(pending).rejects.toThrow('user cancelled')
  })

  test.each([
    ['another job id', { ...job, id: 13n }, /the job being deployed \(13\)/],
    ['a different node count', { ...job, numberOfNodesRequested: 3n }, /the 3 node\(s\) paid for/],
    ['resources of another tier', { ...job, jobType: 2 }, /paid job type 2: 2 cores and 4096 MiB/],
  ])('refuses %s before signing', async (_name, paid, message) => {
    const error = await deployJob(client, { job: paid, template: template(job) }).catch((e) => e)
    expect(error).toBeInstanceOf(InvalidParameterError)
    expect(String(error.message)).toMatch(message)
  })
})
