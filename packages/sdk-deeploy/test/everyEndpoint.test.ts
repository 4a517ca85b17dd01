import { expect, test } from 'vitest'
import type { DeeployActions } from '../src/clients/createDeeployClient.js'
import { createDeeployClient } from '../src/clients/createDeeployClient.js'
import { verifyResponseSignature } from '../src/signing/verifyResponseSignature.js'
import { baseUrl, oracleUrl, testAccount } from './constants.js'
import { defaultHandlers, server } from './msw.js'

// Every bound action against the default mock oracle, with both signature schemes and response
// verification on: each request must pass the oracle-side signature check and each fixture its schema.
const calls: { [name in keyof DeeployActions]: (client: DeeployActions) => Promise<unknown> } = {
  getApps: (c) => c.getApps(),
  createPipeline: (c) =>
    c.createPipeline({
      request: { app_alias: 'web', job_id: 12, plugins: [{ plugin_signature: 'A' }] },
    }),
  updatePipeline: (c) =>
    c.updatePipeline({
      request: {
        app_alias: 'web',
        app_id: 'web_1',
        job_id: 12,
        plugins: [{ plugin_signature: 'A' }],
      },
    }),
  scaleUpJobWorkers: (c) => c.scaleUpJobWorkers({ jobId: 12n, targetNodesCount: 1 }),
  deletePipeline: (c) => c.deletePipeline({ jobId: 12n }),
  sendInstanceCommand: (c) =>
    c.sendInstanceCommand({
      appId: 'web_1',
      targetNodes: ['0xai_x'],
      pluginSignature: 'A',
      instanceId: 'A_1',
      command: 'RESTART',
    }),
  sendAppCommand: (c) => c.sendAppCommand({ jobId: 12n, command: 'STOP' }),
  getR1fsJobPipeline: (c) => c.getR1fsJobPipeline({ jobId: 12n }),
  getPreferredNodes: (c) => c.getPreferredNodes(),
  savePreferredNodes: (c) => c.savePreferredNodes({ preferredNodes: [] }),
  getOracleJobDetails: (c) => c.getOracleJobDetails({ jobId: 12n }),
  getNodeSpecs: (c) => c.getNodeSpecs({ nodes: ['0xai_x'] }),
  reconcileCspEscrowJobs: (c) => c.reconcileCspEscrowJobs({ txHash: `0x${'ab'.repeat(32)}` }),
  getCurrentEpoch: (c) => c.getCurrentEpoch(),
  getActiveNodesList: (c) => c.getActiveNodesList(),
  getActiveNodesCountryStats: (c) => c.getActiveNodesCountryStats(),
  getNodesList: (c) => c.getNodesList(),
  getNodeEpochs: (c) => c.getNodeEpochs({ ethAddress: '0x1' }),
  getNodeEpoch: (c) => c.getNodeEpoch({ nodeAddress: '0xai_x', epoch: 5 }),
  getNodeLastEpoch: (c) => c.getNodeLastEpoch({ nodeAddress: '0xai_x' }),
  getNodeEpochsRange: (c) =>
    c.getNodeEpochsRange({ nodeAddress: '0xai_x', startEpoch: 1, endEpoch: 2 }),
  getMultiNodeEpochsRange: (c) => c.getMultiNodeEpochsRange({ nodes: { '0x1': [1, 2] } }),
}

test.each(['v3', 'legacy'] as const)(
  'every endpoint succeeds against the mock oracle (%s)',
  async (scheme) => {
    server.use(...(await defaultHandlers()))
    const client = createDeeployClient({
      baseUrl,
      oracleApiUrl: oracleUrl,
      account: testAccount,
      signatureScheme: scheme,
      verifyResponse: verifyResponseSignature,
      retry: 0,
    })
    for (const [name, call] of Object.entries(calls)) {
      const result = await call(client).catch(
        (error: Error) => new Error(`${name}: ${error.message}`),
      )
      expect(result, name).not.toBeInstanceOf(Error)
    }
  },
)
