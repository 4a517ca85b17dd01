import { verifyResponseSignature } from '@ratio1/sdk-deeploy'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { createResultSigner } from './signResult.js'

// The spec's public test key (deeploy-api.md §2.8): never holds funds.
const testKey = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'

test('signs with the node address of the key and the spec vector hash', () => {
  const signer = createResultSigner(testKey)
  expect(signer.nodeAddress).toBe('0xai_Ak47ga-cIjTK0J1nnOYDXtE5I0fOZM5AX13NNiKKJd5u')
  const signed = signer.sign({ status: 'success', app_id: 'x_1' })
  expect(signed.EE_HASH).toBe('1d1c78043e2f3413f425c140a63c421d5bfaae58ec539f8d42d70b06d30acf39')
  expect(signed.EE_ETH_SENDER).toBe('0x2c7536E3605D9C16a7a3D7b1898e529396a65c23')
  const body = JSON.stringify({ result: signed, server_node_addr: signer.nodeAddress })
  expect(verifyResponseSignature({ body, expectedSender: signer.nodeAddress })).toMatchObject({
    valid: true,
  })
})

test('a tampered result fails verification', () => {
  const signed = createResultSigner(testKey).sign({ status: 'success', app_id: 'x_1' })
  const body = JSON.stringify({ result: { ...signed, app_id: 'x_2' } })
  expect(verifyResponseSignature({ body })).toMatchObject({ valid: false, reason: 'hash-mismatch' })
})

test('property: sdk-deeploy verifies every signed result', () => {
  const signer = createResultSigner(testKey)
  // sdk-deeploy's lossless parser does not keep an own "__proto__" key; the server never emits one.
  const key = fc.string().filter((k) => k !== '__proto__')
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: 'grapheme' }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(
        fc.string({ unit: 'grapheme-ascii' }).filter((k) => k !== '__proto__'),
        tie('node'),
        { maxKeys: 4 },
      ),
    ),
  }))
  fc.assert(
    fc.property(fc.dictionary(key, value.node, { maxKeys: 6 }), (result) => {
      const body = JSON.stringify({ result: signer.sign(result) })
      expect(verifyResponseSignature({ body }).valid).toBe(true)
    }),
    { numRuns: 200 },
  )
})
