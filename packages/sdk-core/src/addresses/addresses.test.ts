import fc from 'fast-check'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import {
  InvalidNodeAddressError,
  InvalidParameterError,
  isNodeAddress,
  nodeAddressToEthAddress,
  nodeAddressToPublicKey,
  publicKeyToNodeAddress,
} from '../index.js'

const vectors: [string, string][] = [
  [
    '0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if',
    '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4',
  ],
  [
    '0xai_AzySbyf7ggk1UOWkujAy6GFFmDy2MID8Jz7gqxZaDhy8',
    '0xdc4fDFd5B86aeA7BaB17d4742B7c39A2728Ff59B',
  ],
  [
    '0xai_Amfnbt3N-qg2-qGtywZIPQBTVlAnoADVRmSAsdDhlQ-6',
    '0x129a21A78EBBA79aE78B8f11d5B57102950c1Fc0',
  ],
  [
    '0xai_Ak47ga-cIjTK0J1nnOYDXtE5I0fOZM5AX13NNiKKJd5u',
    '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
  ],
]

describe('node addresses', () => {
  test.each(vectors)('%s → %s', (node, eth) => {
    expect(nodeAddressToEthAddress(node)).toBe(eth)
    expect(nodeAddressToEthAddress(node.replace('0xai_', 'aixp_'))).toBe(eth)
    expect(publicKeyToNodeAddress(nodeAddressToPublicKey(node))).toBe(node)
    expect(isNodeAddress(node)).toBe(true)
  })

  test('the public key in between', () => {
    expect(nodeAddressToPublicKey(vectors[0]![0])).toBe(
      '0x023d45a4f4072121017a5a7eb50f1c7a0c24e37e03725eb16879ae859413ef889f',
    )
  })

  test('agrees with viem for any private key, from compressed or uncompressed keys', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const hex = `0x${Buffer.from(bytes).toString('hex')}` as const
        let account: ReturnType<typeof privateKeyToAccount>
        try {
          account = privateKeyToAccount(hex)
        } catch {
          return // zero or above the curve order: not a key
        }
        const node = publicKeyToNodeAddress(account.publicKey)
        expect(node).toMatch(/^0xai_[A-Za-z0-9_-]{44}$/)
        expect(nodeAddressToEthAddress(node)).toBe(account.address)
        expect(publicKeyToNodeAddress(nodeAddressToPublicKey(node))).toBe(node)
      }),
      { numRuns: 200 },
    )
  })

  test.each([
    ['0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4', /must start with "0xai_"/],
    ['0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74', /44 base64url characters, found 42/],
    ['0xai_Aj1FpPQHISEBelp+tQ8cegwk434Dcl6xaHmuhZQT74if', /outside the base64url alphabet/],
    ['0xai_BD1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if', /not a compressed public key/],
    ['0xai_AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAF', /not a point on secp256k1/],
    [42, /a node address is a string/],
  ])('rejects %s', (value, message) => {
    expect(() => nodeAddressToEthAddress(value as string)).toThrow(InvalidNodeAddressError)
    expect(() => nodeAddressToEthAddress(value as string)).toThrow(message)
    expect(isNodeAddress(value)).toBe(false)
  })

  test('error message', () => {
    expect(() => nodeAddressToEthAddress('0xai_short')).toThrowErrorMatchingInlineSnapshot(`
      [InvalidNodeAddressError: Invalid node address "0xai_short": the key must be 44 base64url characters, found 5 character(s).

      Expected "0xai_" + 44 base64url characters (a compressed secp256k1 public key), e.g. 0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if.

      Docs: docs/guides/errors.md#invalidnodeaddresserror
      Version: @ratio1/sdk-core@x.y.z]
    `)
  })

  test('rejects malformed public keys', () => {
    expect(() => publicKeyToNodeAddress('0x1234')).toThrow(InvalidParameterError)
    expect(() => publicKeyToNodeAddress(`0x02${'ff'.repeat(32)}`)).toThrow(/a point on secp256k1/)
  })
})
