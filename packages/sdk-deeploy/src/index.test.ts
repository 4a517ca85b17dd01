import { expect, test } from 'vitest'
import * as root from './index.js'
import * as tunnels from './tunnels/index.js'

// Adding or removing a public export must be a visible diff.
test('root entry exports', () => {
  expect(Object.keys(root).sort()).toMatchInlineSnapshot(`
    [
      "DeeployApiError",
      "HttpRequestError",
      "InvalidJsonTextError",
      "InvalidJsonValueError",
      "JobNotReadyError",
      "LosslessNumber",
      "NonceError",
      "ResponseSignatureError",
      "ResponseValidationError",
      "SignatureError",
      "SignerUnavailableError",
      "TemplateValidationError",
      "TimeoutError",
      "buildGenericApp",
      "buildLegacyRequestMessage",
      "buildNativeApp",
      "buildRequestMessage",
      "buildServiceApp",
      "createDeeployClient",
      "createNonce",
      "createPipeline",
      "deeployErrorCodes",
      "deeployRequestTypes",
      "deletePipeline",
      "deployJob",
      "excludedHashKeys",
      "formatMemory",
      "getActiveNodesCountryStats",
      "getActiveNodesList",
      "getApps",
      "getCurrentEpoch",
      "getMultiNodeEpochsRange",
      "getNodeEpoch",
      "getNodeEpochs",
      "getNodeEpochsRange",
      "getNodeLastEpoch",
      "getNodeSpecs",
      "getNodesList",
      "getOracleJobDetails",
      "getPreferredNodes",
      "getR1fsJobPipeline",
      "hashRequestPayload",
      "isSecretKey",
      "legacyMessagePrefix",
      "parseLosslessJson",
      "parseMemory",
      "reconcileCspEscrowJobs",
      "recoverRequestSigner",
      "savePreferredNodes",
      "scaleUpJobWorkers",
      "sendAppCommand",
      "sendInstanceCommand",
      "serviceTemplates",
      "signRequest",
      "toCanonicalJson",
      "toLegacyJson",
      "updatePipeline",
      "verifyRequest",
      "verifyResponseSignature",
      "version",
    ]
  `)
})

test('tunnels entry exports', () => {
  expect(Object.keys(tunnels).sort()).toMatchInlineSnapshot(`
    [
      "CloudflareApiError",
      "configureTunnelIngress",
      "createCloudflareClient",
      "createPublicHostname",
      "createTunnel",
      "createTunnelDnsRecord",
      "deleteDnsRecord",
      "deleteTunnel",
      "getTunnelToken",
      "listTunnels",
    ]
  `)
})
