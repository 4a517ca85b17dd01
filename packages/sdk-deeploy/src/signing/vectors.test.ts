import { hashMessage, sha256, stringToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import { testAccount, testAddress, testNodeAddress } from '../../test/constants.js'
import { toCanonicalJson } from '../json/toCanonicalJson.js'
import { toLegacyJson } from '../json/toLegacyJson.js'
import { buildLegacyRequestMessage } from './buildLegacyRequestMessage.js'
import { buildRequestMessage } from './buildRequestMessage.js'
import { hashRequestPayload } from './hashRequestPayload.js'
import { recoverRequestSigner } from './recoverRequestSigner.js'
import { signRequest } from './signRequest.js'
import { verifyResponseSignature } from './verifyResponseSignature.js'

// Worked vectors of spec/deeploy-api.md §2.8, checked byte for byte.
describe('vector A: v3 get_apps', () => {
  const payload = { nonce: '0x19a2b3c4d5e' }
  test('canonical JSON, hash and wrapper', () => {
    expect(toCanonicalJson(payload)).toBe('{"nonce":"0x19a2b3c4d5e"}')
    expect(hashRequestPayload(payload)).toBe(
      'aef14e0e9241be37535df2118917afb98c98a9415454800a5cade4f3dba3fa47',
    )
    const message = buildRequestMessage({ requestType: 'get apps', payload })
    expect(message).toBe(
      'Please sign this Deeploy request:\n\nRequest type: get apps\nNodes: 0\nRequest hash: aef14e0e9241be37535df2118917afb98c98a9415454800a5cade4f3dba3fa47',
    )
    expect(hashMessage(message)).toBe(
      '0xd7776aca9f8438099f11d80fabe8971934205df1b051ef39f628102ea00d2d13',
    )
  })
  test('signature', async () => {
    const signed = await signRequest({ account: testAccount, requestType: 'get apps', payload })
    expect(signed).toEqual({
      nonce: '0x19a2b3c4d5e',
      EE_HASH: 'aef14e0e9241be37535df2118917afb98c98a9415454800a5cade4f3dba3fa47',
      EE_ETH_SENDER: testAddress,
      EE_ETH_SIGN:
        '0x3c9c77a33b44ba0dbb6cc234a1264d152d93d52ed36e8fc23777dbabbcf77e8d2b5f3347c8eeb287d7c8d2d74c18332f95e28e5ef309fd4122667dae9a1e9f091c',
    })
    expect(await recoverRequestSigner({ request: signed, requestType: 'get apps' })).toBe(
      testAddress,
    )
  })
})

const payloadB = {
  nonce: '0xabc',
  app_alias: 'münchen_api',
  target_nodes: ['0xai_node_a', '0xai_node_b'],
  target_nodes_count: 0,
  plugins: [
    {
      plugin_signature: 'WORKER_APP_RUNNER',
      plugin_name: 'api',
      ENV: { GREETING: 'bună ziua' },
      DYNAMIC_ENV: {
        API_URL: [
          { type: 'static', value: 'https://' },
          { type: 'shmem', path: ['web', 'HOST_PORT'] },
        ],
      },
    },
    { plugin_signature: 'EDGE_NODE_API_TEST', plugin_name: 'probe' },
  ],
  pipeline_params: { labels: { city: 'Iași' } },
}

describe('vector B: v3 create pipeline', () => {
  test('canonical JSON and hash', () => {
    expect(toCanonicalJson(payloadB)).toBe(
      '{"app_alias":"münchen_api","nonce":"0xabc","pipeline_params":{"labels":{"city":"Iași"}},"plugins":[{"DYNAMIC_ENV":{"API_URL":[{"type":"static","value":"https://"},{"path":["web","HOST_PORT"],"type":"shmem"}]},"ENV":{"GREETING":"bună ziua"},"plugin_name":"api","plugin_signature":"WORKER_APP_RUNNER"},{"plugin_name":"probe","plugin_signature":"EDGE_NODE_API_TEST"}],"target_nodes":["0xai_node_a","0xai_node_b"],"target_nodes_count":0}',
    )
    const hash = '12169fe2f1a33373ba651d14318eb18d3239c0148a0d601de9f4ce3be9d2dded'
    expect(hashRequestPayload(payloadB)).toBe(hash)
    expect(
      hashRequestPayload({
        ...payloadB,
        address: 'x',
        signature: 'y',
        EE_SIGN: 1,
        EE_SENDER: null,
        EE_HASH: 'z',
        SIGN_CANON_V: 'v2',
        EE_ETH_SIGN: '0x',
        EE_ETH_SENDER: '0x0',
      }),
    ).toBe(hash)
  })
  test('wrapper, digest and signature', async () => {
    const message = buildRequestMessage({ requestType: 'create pipeline', payload: payloadB })
    expect(message).toBe(
      'Please sign this Deeploy request:\n\nRequest type: create pipeline\nPlugins: 2\nNodes: 2\nRequest hash: 12169fe2f1a33373ba651d14318eb18d3239c0148a0d601de9f4ce3be9d2dded',
    )
    expect(hashMessage(message)).toBe(
      '0x4c81fea391eccc6f57d42305eaa6cb0eb234e7c8e054b4824a193c889b960a47',
    )
    const signed = await signRequest({
      account: testAccount,
      requestType: 'create pipeline',
      payload: payloadB,
    })
    expect(signed.EE_ETH_SIGN).toBe(
      '0x4a1a3b12b121f7c48a6c17cb8657572e912629e70d3ba0b40dc3d9f3a71d117363e329d48a167bdfc8bebe368c5a5ea2c9c8e3fc788752b8b97faa98a877d0ac1b',
    )
  })
})

describe('vector C: v3 scale up', () => {
  test('hash and wrapper without a Plugins line', () => {
    const payload = {
      job_id: 42,
      app_id: 'api_1234567',
      target_nodes: ['0xai_new_node'],
      target_nodes_count: 0,
      nonce: '0xdef',
    }
    expect(toCanonicalJson(payload)).toBe(
      '{"app_id":"api_1234567","job_id":42,"nonce":"0xdef","target_nodes":["0xai_new_node"],"target_nodes_count":0}',
    )
    expect(hashRequestPayload(payload)).toBe(
      '1911187f82db8b14c607ffa1d15660deab623f184b07f622d55920615e2b9dcb',
    )
    expect(buildRequestMessage({ requestType: 'scale up workers', payload })).toBe(
      'Please sign this Deeploy request:\n\nRequest type: scale up workers\nNodes: 1\nRequest hash: 1911187f82db8b14c607ffa1d15660deab623f184b07f622d55920615e2b9dcb',
    )
  })
})

describe('vector E: legacy get_apps', () => {
  test('message, digest and signature', async () => {
    const payload = { nonce: '0x19a2b3c4d5e' }
    const message = buildLegacyRequestMessage({ payload })
    expect(message).toBe('Please sign this message for Deeploy: {\n "nonce":"0x19a2b3c4d5e"\n}')
    expect(hashMessage(message)).toBe(
      '0x6b0ba5317670defcdc520054b84400ac78a7be4450e37902ebd0e72e70ed89dc',
    )
    const signed = await signRequest({
      account: testAccount,
      requestType: 'get apps',
      payload,
      scheme: 'legacy',
    })
    expect(signed).toEqual({
      nonce: '0x19a2b3c4d5e',
      EE_ETH_SENDER: testAddress,
      EE_ETH_SIGN:
        '0xc7e9b3e096235e5e6ca5b8dcef6e3c0149c34cdd54626f7b266585acd6eb65d73641f0442e2ac158ca5addce0b15f1e91efbdcb8f565f7dfd7b97244172210041b',
    })
    expect(await recoverRequestSigner({ request: signed, requestType: 'get apps' })).toBe(
      testAddress,
    )
  })
})

describe('vector G: response signature', () => {
  const signed = {
    status: 'success',
    app_id: 'x_1',
    SIGN_CANON_V: 'v2',
    EE_HASH: '1d1c78043e2f3413f425c140a63c421d5bfaae58ec539f8d42d70b06d30acf39',
    EE_SIGN:
      'MEUCIQDTei0DluQO3s2MHoTBqP8FOr3Y1Q0jK3QlUk-x7A_m_wIgJzdX6vZC66Kw9JfOP9KgFa6IQeu_kWbs2xZXWBcQ1WQ=',
    EE_SENDER: testNodeAddress,
    EE_ETH_SENDER: testAddress,
    EE_ETH_SIGN: '0xBEEF',
  }
  test('Python float spellings survive: 2.0 is hashed as 2.0, not 2', () => {
    // An oracle result with a float that JSON.parse would turn into 2.
    const body = '{"result":{"status":"success","uptime_h":2.0,"ratio":1e-05,"SIGN_CANON_V":"v2"}}'
    const { hash } = verifyResponseSignature({ body })
    expect(hash).toBe(
      sha256(
        stringToBytes('{"SIGN_CANON_V":"v2","ratio":1e-05,"status":"success","uptime_h":2.0}'),
      ).slice(2),
    )
  })

  test('verifies the result alone and inside the envelope', () => {
    expect(verifyResponseSignature({ body: JSON.stringify(signed) })).toEqual({
      valid: true,
      sender: testNodeAddress,
      hash: '1d1c78043e2f3413f425c140a63c421d5bfaae58ec539f8d42d70b06d30acf39',
    })
    const envelope = JSON.stringify({ result: signed, server_node_addr: testNodeAddress })
    expect(verifyResponseSignature({ body: envelope }).valid).toBe(true)
  })
  test('rejects tampering', () => {
    const tampered = JSON.stringify({ ...signed, app_id: 'x_2' })
    expect(verifyResponseSignature({ body: tampered })).toMatchObject({
      valid: false,
      reason: 'hash-mismatch',
    })
    const { EE_HASH: _, ...withoutHash } = { ...signed, app_id: 'x_2' }
    expect(verifyResponseSignature({ body: JSON.stringify(withoutHash) })).toMatchObject({
      valid: false,
      reason: 'bad-signature',
    })
    expect(
      verifyResponseSignature({ body: JSON.stringify(signed), expectedSender: '0xai_other' }),
    ).toMatchObject({ valid: false, reason: 'unexpected-sender' })
    expect(
      verifyResponseSignature({
        body: JSON.stringify({ ...signed, EE_HASH: undefined, EE_SENDER: '0xai_nope' }),
      }),
    ).toMatchObject({ valid: false, reason: 'bad-sender' })
    expect(
      verifyResponseSignature({ body: JSON.stringify({ ...signed, EE_SIGN: '%%%' }) }),
    ).toMatchObject({ valid: false, reason: 'bad-signature' })
    expect(verifyResponseSignature({ body: '{"result":{"status":"success"}}' })).toMatchObject({
      valid: false,
      reason: 'missing-fields',
    })
  })
  test('legacy JSON of the same data', () => {
    expect(toLegacyJson({ b: [], a: {}, c: [1, { d: null }] })).toBe(
      '{\n "a":{},\n "b":[],\n "c":[\n  1,\n  {\n   "d":null\n  }\n ]\n}',
    )
  })
})
