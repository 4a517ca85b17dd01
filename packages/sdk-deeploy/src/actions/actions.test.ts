import { InvalidParameterError } from '@ratio1/sdk-core'
import { describe, expect, test } from 'vitest'
import { baseUrl, oracleUrl, testAccount, testAddress } from '../../test/constants.js'
import { auth, getAppsResult, nodeA, nodeB, projectHash } from '../../test/fixtures.js'
import { deeployEndpoint, oracleEndpoint, type Received, server } from '../../test/msw.js'
import { createDeeployClient } from '../clients/createDeeployClient.js'
import {
  appCommandResultSchema,
  deleteResultSchema,
  deployResultSchema,
  getAppsResultSchema,
  instanceCommandResultSchema,
  nodeSpecsResultSchema,
  oracleJobDetailsResultSchema,
  preferredNodesResultSchema,
  r1fsPipelineResultSchema,
  reconcileResultSchema,
  scaleUpResultSchema,
} from '../schemas/deeploy.js'
import {
  activeNodesListResultSchema,
  countryStatsResultSchema,
  currentEpochResultSchema,
  multiNodeEpochsResultSchema,
  nodeEpochsResultSchema,
} from '../schemas/oracle.js'
import { hashRequestPayload } from '../signing/hashRequestPayload.js'
import { verifyResponseSignature } from '../signing/verifyResponseSignature.js'
import type { CreatePipelineRequest } from '../types/pipeline.js'

const client = createDeeployClient({
  baseUrl,
  oracleApiUrl: oracleUrl,
  account: testAccount,
  retry: 0,
  verifyResponse: verifyResponseSignature,
})

function capture() {
  const seen: Received[] = []
  return { seen, onRequest: (r: Received) => seen.push(r) }
}

const createRequest: CreatePipelineRequest = {
  app_alias: 'web',
  job_id: 12,
  job_app_type: 'generic',
  target_nodes: [],
  target_nodes_count: 2,
  plugins: [
    {
      plugin_signature: 'CONTAINER_APP_RUNNER',
      IMAGE: 'nginx:1.27',
      CONTAINER_RESOURCES: { cpu: 1, memory: '2048m' },
    },
  ],
  chainstore_response: true,
}

describe('Deeploy endpoints (success paths, signed as the oracle verifies)', () => {
  test('getApps: chain_job integers become bigints, project filter is sent', async () => {
    const { seen, onRequest } = capture()
    server.use(
      deeployEndpoint({
        path: '/get_apps',
        requestType: 'get apps',
        schema: getAppsResultSchema(),
        onRequest,
        result: () => getAppsResult([{ id: 12, appId: 'web_1a2b3c4', nodes: [nodeA, nodeB] }]),
      }),
    )
    const result = await client.getApps({ projectId: projectHash })
    expect(seen[0]!.request.project_id).toBe(projectHash)
    expect(seen[0]!.request.EE_HASH).toBe(hashRequestPayload(seen[0]!.request))
    expect(seen[0]!.request.EE_ETH_SENDER).toBe(testAddress)
    const app = result.apps['12']!
    expect(app.chain_job?.balance).toBe(-12000000000000000000000n)
    expect(app.chain_job?.jobType).toBe(1n)
    expect(Object.keys(app.online)).toEqual([nodeA, nodeB])
    expect(result.auth.escrow_owner).toBe(testAddress)
  })

  test('getApps without a project sends only the nonce', async () => {
    const { seen, onRequest } = capture()
    server.use(
      deeployEndpoint({
        path: '/get_apps',
        requestType: 'get apps',
        onRequest,
        result: () => getAppsResult([]),
      }),
    )
    await client.getApps()
    expect(Object.keys(seen[0]!.request).sort()).toEqual([
      'EE_ETH_SENDER',
      'EE_ETH_SIGN',
      'EE_HASH',
      'nonce',
    ])
    const nonceMs = Number.parseInt(String(seen[0]!.request.nonce).slice(2), 16)
    expect(Date.now() - nonceMs).toBeGreaterThanOrEqual(10_000)
    expect(Date.now() - nonceMs).toBeLessThan(60_000)
  })

  test('createPipeline sends the pipeline and returns the app id', async () => {
    const { seen, onRequest } = capture()
    server.use(
      deeployEndpoint({
        path: '/create_pipeline',
        requestType: 'create pipeline',
        schema: deployResultSchema(),
        onRequest,
        result: () => ({
          status: 'success',
          status_details: { key_1: { node: nodeA, details: { is_ready: true } } },
          app_id: 'web_1a2b3c4',
          request: { app_alias: 'web', plugins_count: 1 },
          auth,
        }),
      }),
    )
    const result = await client.createPipeline({ request: createRequest })
    expect(result.status).toBe('success')
    expect(result.app_id).toBe('web_1a2b3c4')
    expect(seen[0]!.request.plugins).toEqual(createRequest.plugins)
  })

  test('updatePipeline', async () => {
    server.use(
      deeployEndpoint({
        path: '/update_pipeline',
        requestType: 'update pipeline',
        schema: deployResultSchema(),
        result: ({ request }) => ({
          status: 'command_delivered',
          app_id: String(request.app_id),
          auth,
        }),
      }),
    )
    const result = await client.updatePipeline({
      request: { ...createRequest, app_id: 'web_1a2b3c4' },
    })
    expect(result).toMatchObject({ status: 'command_delivered', app_id: 'web_1a2b3c4' })
  })

  test('scaleUpJobWorkers maps parameters to the wire fields', async () => {
    const { seen, onRequest } = capture()
    server.use(
      deeployEndpoint({
        path: '/scale_up_job_workers',
        requestType: 'scale up workers',
        schema: scaleUpResultSchema(),
        onRequest,
        result: () => ({ status: 'success', status_details: {}, job_id: 12, request: null, auth }),
      }),
    )
    await client.scaleUpJobWorkers({ jobId: 12n, targetNodes: [nodeB] })
    await expect(client.scaleUpJobWorkers({ jobId: 12n })).rejects.toThrow(/targetNodesCount/)
    expect(seen[0]!.request).toMatchObject({
      job_id: 12,
      target_nodes: [nodeB],
      target_nodes_count: 0,
      chainstore_response: true,
    })
  })

  test('deletePipeline', async () => {
    server.use(
      deeployEndpoint({
        path: '/delete_pipeline',
        requestType: 'delete pipeline',
        schema: deleteResultSchema(),
        result: () => ({
          request: {
            status: 'success',
            job_id: 12,
            targets: [
              {
                app_id: 'web_1a2b3c4',
                instance_id: 'CONTAINER_APP_1a2b3c',
                plugin_signature: 'CONTAINER_APP_RUNNER',
                NODE: nodeA,
                CHAINSTORE_RESPONSE_KEY: null,
              },
            ],
          },
          auth,
        }),
      }),
    )
    const { request } = await client.deletePipeline({ jobId: 12 })
    expect(request.targets).toHaveLength(1)
    await expect(client.deletePipeline({})).rejects.toBeInstanceOf(InvalidParameterError)
  })

  test('sendInstanceCommand sends instance_command', async () => {
    const { seen, onRequest } = capture()
    server.use(
      deeployEndpoint({
        path: '/send_instance_command',
        requestType: 'send instance command',
        schema: instanceCommandResultSchema(),
        onRequest,
        result: ({ request }) => ({
          request: {
            status: 'command_delivered',
            app_id: String(request.app_id),
            target_nodes: request.target_nodes as string[],
          },
          auth,
        }),
      }),
    )
    const result = await client.sendInstanceCommand({
      appId: 'web_1a2b3c4',
      targetNodes: [nodeA],
      pluginSignature: 'CONTAINER_APP_RUNNER',
      instanceId: 'CONTAINER_APP_1a2b3c',
      command: 'RESTART',
    })
    expect(result.request.status).toBe('command_delivered')
    expect(seen[0]!.request.instance_command).toBe('RESTART')
    await expect(
      client.sendInstanceCommand({
        appId: 'x',
        targetNodes: [],
        pluginSignature: 'X',
        instanceId: 'y',
        command: 'STOP',
      }),
    ).rejects.toBeInstanceOf(InvalidParameterError)
  })

  test('sendAppCommand sends command (not instance_command)', async () => {
    const { seen, onRequest } = capture()
    server.use(
      deeployEndpoint({
        path: '/send_app_command',
        requestType: 'send app command',
        schema: appCommandResultSchema(),
        onRequest,
        result: () => ({
          request: { status: 'command_delivered', job_id: 12 },
          targets: [[nodeA, 'web_1a2b3c4', 'CONTAINER_APP_RUNNER', 'CONTAINER_APP_1a2b3c']],
          auth,
        }),
      }),
    )
    const result = await client.sendAppCommand({ jobId: 12n, command: 'STOP' })
    expect(seen[0]!.request).toMatchObject({ job_id: 12, command: 'STOP' })
    expect(seen[0]!.request).not.toHaveProperty('instance_command')
    expect(result.targets).toHaveLength(1)
  })

  test('getR1fsJobPipeline', async () => {
    server.use(
      deeployEndpoint({
        path: '/get_r1fs_job_pipeline',
        requestType: 'get r1fs job pipeline',
        schema: r1fsPipelineResultSchema(),
        result: () => ({ status: 'success', job_id: 12, pipeline: { NAME: 'web_1a2b3c4' }, auth }),
      }),
    )
    expect((await client.getR1fsJobPipeline({ jobId: 12n })).pipeline).toEqual({
      NAME: 'web_1a2b3c4',
    })
  })

  test('preferred nodes: read, save, and local limits', async () => {
    const list = [{ address: nodeA, alias: 'a', createdAt: '2026-11-22T00:00:00.000Z' }]
    server.use(
      deeployEndpoint({
        path: '/get_preferred_nodes',
        requestType: 'get preferred nodes',
        schema: preferredNodesResultSchema(),
        result: () => ({ status: 'success', plus_level: 1, preferred_nodes: list, auth }),
      }),
      deeployEndpoint({
        path: '/save_preferred_nodes',
        requestType: 'save preferred nodes',
        schema: preferredNodesResultSchema(),
        result: ({ request }) => ({
          status: 'success',
          plus_level: 1,
          preferred_nodes: request.preferred_nodes as typeof list,
          auth,
        }),
      }),
    )
    expect((await client.getPreferredNodes()).preferred_nodes).toEqual(list)
    expect(
      (await client.savePreferredNodes({ preferredNodes: [{ address: nodeB, alias: 'b' }] }))
        .preferred_nodes,
    ).toEqual([{ address: nodeB, alias: 'b' }])
    await expect(
      client.savePreferredNodes({ preferredNodes: [{ address: 'node' }] }),
    ).rejects.toThrow(/0xai_ node address/)
    await expect(
      client.savePreferredNodes({
        preferredNodes: Array.from({ length: 101 }, () => ({ address: nodeA })),
      }),
    ).rejects.toThrow(/at most 100/)
  })

  test('getOracleJobDetails (legacy scheme signs the hashed variant)', async () => {
    const legacy = createDeeployClient({ baseUrl, account: testAccount, signatureScheme: 'legacy' })
    const { seen, onRequest } = capture()
    server.use(
      deeployEndpoint({
        path: '/get_oracle_job_details',
        requestType: 'get oracle job details',
        schema: oracleJobDetailsResultSchema(),
        onRequest,
        result: () => ({
          status: 'success',
          job_id: 12,
          project_name: 'demo',
          job_name: 'web_1a2b3c4',
          job_type: 1,
        }),
      }),
    )
    expect((await legacy.getOracleJobDetails({ jobId: 12 })).job_type).toBe(1)
    expect(seen[0]!.request).not.toHaveProperty('EE_HASH')
  })

  test('getNodeSpecs is unauthenticated', async () => {
    const { seen, onRequest } = capture()
    server.use(
      deeployEndpoint({
        path: '/node_specs',
        schema: nodeSpecsResultSchema(),
        onRequest,
        result: () => ({
          status: 'success',
          node_specs: {
            [nodeA]: {
              node_alias: 'a',
              node_is_online: true,
              cpu: { total: 8, available: 3.5 },
              memory: { total: 31.2, available: null },
              disk: { total: 500, available: 120 },
            },
            [nodeB]: { error: 'node not found' },
          },
        }),
      }),
    )
    const anonymous = createDeeployClient({ baseUrl })
    const { node_specs } = await anonymous.getNodeSpecs({ nodes: [nodeA, nodeB] })
    expect(seen[0]!.request).toEqual({ target_nodes: [nodeA, nodeB] })
    expect(node_specs[nodeB]).toEqual({ error: 'node not found' })
  })

  test('reconcileCspEscrowJobs', async () => {
    const { seen, onRequest } = capture()
    const txHash = `0x${'12'.repeat(32)}` as const
    server.use(
      deeployEndpoint({
        path: '/reconcile_csp_escrow_jobs',
        schema: reconcileResultSchema(),
        onRequest,
        result: () => ({
          status: 'partial_success',
          transfer: {
            network: 'devnet',
            tx_hash: txHash,
            log_index: 3,
            block_number: 100,
            escrow: '0x00000000000000000000000000000000000000e5',
            old_owner: testAddress,
            new_owner: '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4',
          },
          preferred_nodes_migration: { status: 'moved' },
          results: { '12': { status: 'updated' }, '13': { status: 'failed' } },
        }),
      }),
    )
    const result = await client.reconcileCspEscrowJobs({ txHash, logIndex: 3 })
    expect(seen[0]!.request).toEqual({ tx_hash: txHash, log_index: 3 })
    expect(result.results?.['13']?.status).toBe('failed')
  })
})

describe('oracle API reads', () => {
  test('current epoch, nodes list, country stats, node epochs', async () => {
    const epochs = {
      node: nodeA,
      node_eth_address: '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4',
      node_alias: 'a',
      epochs: [245, 246, 247],
      epochs_vals: [1, 2, 255],
      from_epoch: 245,
      to_epoch: 247,
      packed_availabilities: '0x0102ff',
      eth_signatures: ['0xsig'],
      eth_addresses: [testAddress],
      node_is_online: true,
    }
    const seenUrls: URL[] = []
    server.use(
      oracleEndpoint({
        path: '/current_epoch',
        schema: currentEpochResultSchema(),
        result: () => ({ current_epoch: 247 }),
      }),
      oracleEndpoint({
        path: '/active_nodes_list',
        schema: activeNodesListResultSchema(),
        result: (url) => {
          seenUrls.push(url)
          return {
            error: null,
            nodes_total_items: 1,
            nodes_total_pages: 1,
            nodes_items_per_page: 50,
            nodes_page: 1,
            nodes: { [nodeA]: { alias: 'a' } },
            resources_total: {},
            query_time: 0.1,
          }
        },
      }),
      oracleEndpoint({
        path: '/active_nodes_country_stats',
        schema: countryStatsResultSchema(),
        result: () => ({ countries: [{ code: 'RO', count: 3, datacenterCount: 1, kybCount: 2 }] }),
      }),
      oracleEndpoint({
        path: '/node_last_epoch',
        schema: nodeEpochsResultSchema(),
        result: (url) => {
          seenUrls.push(url)
          return epochs
        },
      }),
      oracleEndpoint({
        path: '/node_epochs_range',
        schema: nodeEpochsResultSchema(),
        result: (url) => {
          seenUrls.push(url)
          return epochs
        },
      }),
      oracleEndpoint({
        path: '/multi_node_epochs_range',
        method: 'post',
        schema: multiNodeEpochsResultSchema(),
        result: (_url, body) => ({ echo: body }),
      }),
    )
    expect((await client.getCurrentEpoch()).current_epoch).toBe(247)
    await client.getActiveNodesList({ page: 1, itemsPerPage: 50 })
    expect(seenUrls[0]!.searchParams.get('items_per_page')).toBe('50')
    expect((await client.getActiveNodesCountryStats()).countries[0]!.code).toBe('RO')
    expect((await client.getNodeLastEpoch({ nodeAddress: nodeA })).node_alias).toBe('a')
    expect(seenUrls[1]!.searchParams.get('node_addr')).toBe(nodeA)
    await client.getNodeEpochsRange({ ethAddress: testAddress, startEpoch: 245, endEpoch: 247 })
    expect(Object.fromEntries(seenUrls[2]!.searchParams)).toEqual({
      eth_node_addr: testAddress,
      start_epoch: '245',
      end_epoch: '247',
    })
    await expect(
      client.getNodeEpochsRange({ nodeAddress: nodeA, startEpoch: 5, endEpoch: 4 }),
    ).rejects.toBeInstanceOf(InvalidParameterError)
    expect(
      await client.getMultiNodeEpochsRange({ nodes: { [testAddress]: [245, 247] } }),
    ).toMatchObject({
      echo: { dct_eth_nodes_request: { [testAddress]: [245, 247] }, include_bc_info: false },
    })
  })

  test('a client without an oracle URL says so', async () => {
    const noOracle = createDeeployClient({ baseUrl })
    await expect(noOracle.getCurrentEpoch()).rejects.toThrow(/oracle API URL/)
  })
})
