import type * as z from 'zod/mini'
import type { authSchema, chainJobSchema, getAppsResultSchema } from '../src/schemas/deeploy.js'
import { testAddress } from './constants.js'

export const nodeA = '0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if'
export const nodeB = '0xai_AzySbyf7ggk1UOWkujAy6GFFmDy2MID8Jz7gqxZaDhy8'
export const projectHash = `0x${'ab'.repeat(32)}`
export const escrow = '0x00000000000000000000000000000000000000e5'

export const auth: z.input<ReturnType<typeof authSchema>> = {
  sender: testAddress,
  nonce: '2026-11-22 01:00:00',
  sender_escrow: escrow,
  escrow_owner: testAddress,
}

export function chainJob(
  id: number,
  overrides: Partial<z.input<ReturnType<typeof chainJobSchema>>> = {},
) {
  return {
    id: String(id),
    projectHash,
    requestTimestamp: '1763770000',
    startTimestamp: '1763771000',
    lastNodesChangeTimestamp: '1763771000',
    jobType: '1',
    pricePerEpoch: '375000',
    lastExecutionEpoch: '230',
    numberOfNodesRequested: '2',
    balance: '-12000000000000000000000',
    lastAllocatedEpoch: '199',
    activeNodes: ['0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'],
    network: 'devnet',
    escrowAddress: escrow,
    ...overrides,
  } satisfies z.input<ReturnType<typeof chainJobSchema>>
}

export function onlineApp(appId: string, jobId: number) {
  return {
    initiator: '0xai_initiator',
    owner: testAddress,
    last_config: '2026-11-22 00:00:00',
    is_deeployed: true,
    deeploy_specs: { job_id: jobId, project_id: projectHash },
    pipeline_data: { NAME: appId },
    plugins: {
      CONTAINER_APP_RUNNER: [
        {
          instance: 'CONTAINER_APP_1a2b3c',
          start: '2026-11-22 00:00:00',
          last_alive: '2026-11-22 00:59:00',
          last_error: null,
          instance_conf: { IMAGE: 'nginx:1.27' },
        },
      ],
    },
    node_alias: 'node-a',
  }
}

export function getAppsResult(
  jobs: { id: number; appId: string; nodes: string[] }[],
): z.input<ReturnType<typeof getAppsResultSchema>> {
  const apps: Record<string, unknown> = {}
  for (const job of jobs)
    apps[String(job.id)] = {
      job_id: job.id,
      pipeline: { NAME: job.appId, OWNER: testAddress },
      online: Object.fromEntries(
        job.nodes.map((node) => [node, { [job.appId]: onlineApp(job.appId, job.id) }]),
      ),
      chain_job: chainJob(job.id),
    }
  return {
    status: 'success',
    apps: apps as z.input<ReturnType<typeof getAppsResultSchema>>['apps'],
    auth,
  }
}
