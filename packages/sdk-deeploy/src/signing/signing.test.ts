import { fc, test as fcTest } from '@fast-check/vitest'
import {
  createPublicClient,
  createWalletClient,
  custom,
  encodeAbiParameters,
  type Hex,
  hashMessage,
  keccak256,
  stringToBytes,
} from 'viem'
import { privateKeyToAccount, toAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { testAccount, testAddress } from '../../test/constants.js'
import { NonceError, SignatureError, SignerUnavailableError } from '../errors/signature.js'
import { buildLegacyRequestMessage } from './buildLegacyRequestMessage.js'
import { buildRequestMessage } from './buildRequestMessage.js'
import { createNonce } from './createNonce.js'
import { recoverRequestSigner } from './recoverRequestSigner.js'
import { signRequest } from './signRequest.js'
import { verifyRequest } from './verifyRequest.js'

const now = 1_763_770_000_000
const nonce = createNonce({ now })
const other = privateKeyToAccount(`0x${'11'.repeat(32)}`)

describe('createNonce', () => {
  test('hex milliseconds back-dated by the skew margin', () => {
    expect(createNonce({ now: 1761661973614 })).toBe('0x19a2b3c4d5e')
    expect(createNonce({ now: 1761661963614, skewMarginMs: 0 })).toBe('0x19a2b3c4d5e')
  })
})

describe('wrapper text rules', () => {
  test.each([
    [{}, 'Nodes: 0'],
    [{ target_nodes: [] }, 'Nodes: 0'],
    [{ target_nodes: [], target_nodes_count: 3 }, 'Nodes: 3'],
    [{ target_nodes: ['a', 'b', 'c'], target_nodes_count: 1 }, 'Nodes: 3'],
    [{ target_nodes_count: '4' }, 'Nodes: 4'],
    [{ target_nodes_count: 1e-7 }, 'Nodes: 1e-07'],
    [{ target_nodes_count: true }, 'Nodes: 0'],
    [{ target_nodes: 0 }, 'Nodes: 0'],
  ])('%j → %s', (payload, line) => {
    const text = buildRequestMessage({ requestType: 'create pipeline', payload, hash: 'h' })
    expect(text.split('\n')).toContain(line)
  })
  test('Plugins line only for arrays (even empty)', () => {
    expect(
      buildRequestMessage({ requestType: 'create pipeline', payload: { plugins: [] }, hash: 'h' }),
    ).toContain('\nPlugins: 0\n')
    expect(
      buildRequestMessage({
        requestType: 'create pipeline',
        payload: { plugins: null },
        hash: 'h',
      }),
    ).not.toContain('Plugins')
  })
})

describe('signers', () => {
  test('wallet client with a local account', async () => {
    const walletClient = createWalletClient({
      account: testAccount,
      transport: custom({ request: async () => null }),
    })
    const signed = await signRequest({
      account: walletClient,
      requestType: 'get apps',
      payload: { nonce },
    })
    expect(signed.EE_ETH_SENDER).toBe(testAddress)
    expect(await recoverRequestSigner({ request: signed, requestType: 'get apps' })).toBe(
      testAddress,
    )
  })

  test('injected wallet (JSON-RPC account) signs through personal_sign', async () => {
    const methods: string[] = []
    const walletClient = createWalletClient({
      account: testAddress,
      transport: custom({
        async request({ method, params }) {
          methods.push(method)
          if (method === 'personal_sign') {
            const [data] = params as [Hex]
            return testAccount.signMessage({ message: { raw: data } })
          }
          throw new Error(`unexpected ${method}`)
        },
      }),
    })
    const signed = await signRequest({
      account: walletClient,
      requestType: 'get apps',
      payload: { nonce },
    })
    expect(methods).toEqual(['personal_sign'])
    await expect(
      verifyRequest({ request: signed, requestType: 'get apps', now }),
    ).resolves.toMatchObject({
      signer: testAddress,
      method: 'ecrecover',
    })
  })

  test('a lower-case account address is sent checksummed', async () => {
    const lower = toAccount({
      address: testAddress.toLowerCase() as Hex,
      signMessage: (p) => testAccount.signMessage(p),
      signTransaction: () => Promise.reject(new Error('no')),
      signTypedData: () => Promise.reject(new Error('no')),
    })
    const signed = await signRequest({
      account: lower,
      requestType: 'get apps',
      payload: { nonce },
    })
    expect(signed.EE_ETH_SENDER).toBe(testAddress)
  })

  test('unusable signers are refused', async () => {
    const noAccount = createWalletClient({ transport: custom({ request: async () => null }) })
    await expect(
      signRequest({ account: noAccount, requestType: 'get apps', payload: {} }),
    ).rejects.toBeInstanceOf(SignerUnavailableError)
    await expect(
      signRequest({
        account: { address: testAddress, type: 'json-rpc' },
        requestType: 'get apps',
        payload: {},
      }),
    ).rejects.toThrow(/JSON-RPC account/)
  })
})

describe('verifyRequest', () => {
  async function signed(payload: Record<string, unknown> = { nonce }, scheme?: 'v3' | 'legacy') {
    return signRequest({ account: testAccount, requestType: 'create pipeline', payload, scheme })
  }

  test('accepts v3 and legacy', async () => {
    for (const scheme of ['v3', 'legacy'] as const) {
      const request = await signed({ nonce, plugins: [{ plugin_signature: 'A' }] }, scheme)
      await expect(
        verifyRequest({ request, requestType: 'create pipeline', now }),
      ).resolves.toEqual({
        signer: testAddress,
        scheme,
        method: 'ecrecover',
        nonceTimestamp: now - 10_000,
      })
    }
  })

  test('hashed legacy variant for get oracle job details', async () => {
    const request = await signRequest({
      account: testAccount,
      requestType: 'get oracle job details',
      payload: { job_id: 5, nonce },
      scheme: 'legacy',
    })
    const text = buildLegacyRequestMessage({ payload: request })
    const digest = hashMessage({ raw: keccak256(stringToBytes(text)) })
    expect(await testAccount.sign({ hash: digest })).toBe(request.EE_ETH_SIGN)
    await expect(
      verifyRequest({ request, requestType: 'get oracle job details', now }),
    ).resolves.toMatchObject({ scheme: 'legacy' })
    // The same signature does not verify as a plain (unhashed) legacy request.
    await expect(verifyRequest({ request, requestType: 'get apps', now })).rejects.toMatchObject({
      reason: 'signer-mismatch',
    })
  })

  test.each([
    [
      'missing sender',
      (r: Record<string, unknown>) => ({ ...r, EE_ETH_SENDER: undefined }),
      'Invalid sender address: None',
    ],
    [
      'malformed sender',
      (r: Record<string, unknown>) => ({ ...r, EE_ETH_SENDER: '0x12' }),
      'Invalid sender address: 0x12',
    ],
    [
      'empty hash',
      (r: Record<string, unknown>) => ({ ...r, EE_HASH: ' ' }),
      'EE_HASH is required for Deeploy v3 signed requests.',
    ],
    [
      'non-string hash',
      (r: Record<string, unknown>) => ({ ...r, EE_HASH: 5 }),
      'EE_HASH is required for Deeploy v3 signed requests.',
    ],
    [
      'tampered payload',
      (r: Record<string, unknown>) => ({ ...r, app_alias: 'evil' }),
      /^Invalid payload hash: received [0-9a-f]{64} != computed [0-9a-f]{64}$/,
    ],
    [
      'another sender',
      (r: Record<string, unknown>) => ({ ...r, EE_ETH_SENDER: other.address }),
      `Invalid signature: recovered ${testAddress} != ${other.address}`,
    ],
    [
      'garbage signature',
      (r: Record<string, unknown>) => ({ ...r, EE_ETH_SIGN: '0x1234' }),
      'Signature verification failed: could not recover address from signature',
    ],
  ])('%s', async (_name, tamper, message) => {
    const request = tamper(await signed({ nonce, app_alias: 'web' }))
    const error = (await verifyRequest({ request, requestType: 'create pipeline', now }).catch(
      (e: unknown) => e,
    )) as SignatureError
    expect(error).toBeInstanceOf(SignatureError)
    if (typeof message === 'string') expect(error.oracleMessage).toBe(message)
    else expect(error.oracleMessage).toMatch(message)
  })

  test.each([
    ['not hex', { nonce: '0xzz' }, 'Nonce is invalid!'],
    [
      'ahead of the clock',
      { nonce: createNonce({ now: now + 5_000, skewMarginMs: 0 }) },
      'Nonce is invalid(f)!',
    ],
    [
      'older than 12 h',
      { nonce: createNonce({ now: now - 43_201_000, skewMarginMs: 0 }) },
      'Nonce is expired!',
    ],
  ])('nonce %s', async (_name, payload, message) => {
    const request = await signed(payload)
    const error = (await verifyRequest({ request, requestType: 'create pipeline', now }).catch(
      (e: unknown) => e,
    )) as NonceError
    expect(error).toBeInstanceOf(NonceError)
    expect(error.oracleMessage).toBe(message)
  })

  test('a request without a nonce fails like the oracle (KeyError text)', async () => {
    // signRequest always adds a nonce, so sign a legacy request without one by hand.
    const bare: Record<string, unknown> = { EE_ETH_SENDER: testAddress }
    bare.EE_ETH_SIGN = await testAccount.signMessage({
      message: buildLegacyRequestMessage({ payload: bare }),
    })
    const error = (await verifyRequest({
      request: bare,
      requestType: 'create pipeline',
      now,
    }).catch((e: unknown) => e)) as NonceError
    expect(error).toBeInstanceOf(NonceError)
    expect(error).toMatchObject({ reason: 'missing', oracleMessage: "'nonce'" })
  })

  test('EIP-1271 smart-account signatures are checked through the public client', async () => {
    const safe = '0x5afF90797f717Fe8432A1809b6b53A18863061D6'
    const smartAccount = toAccount({
      address: safe,
      // A contract signature that no EOA recovers to the Safe address.
      signMessage: async ({ message }) => other.signMessage({ message }),
      signTransaction: () => Promise.reject(new Error('no')),
      signTypedData: () => Promise.reject(new Error('no')),
    })
    const request = await signRequest({
      account: smartAccount,
      requestType: 'get apps',
      payload: { nonce },
    })
    expect(request.EE_ETH_SENDER).toBe(safe)
    const calls: unknown[] = []
    const magic = (valid: boolean) =>
      encodeAbiParameters([{ type: 'bytes4' }], [valid ? '0x1626ba7e' : '0xffffffff'])
    let valid = true
    const client = createPublicClient({
      transport: custom({
        async request({ method, params }) {
          if (method === 'eth_call') {
            calls.push(params)
            return magic(valid)
          }
          if (method === 'eth_chainId') return '0x2105'
          throw new Error(`unexpected ${method}`)
        },
      }),
    })
    await expect(
      verifyRequest({ request, requestType: 'get apps', now, client }),
    ).resolves.toMatchObject({
      signer: safe,
      method: 'eip1271',
    })
    const [call] = calls as [{ to: string; data: string }][]
    expect(call![0].to.toLowerCase()).toBe(safe.toLowerCase())
    expect(call![0].data.startsWith('0x1626ba7e')).toBe(true)
    valid = false
    await expect(
      verifyRequest({ request, requestType: 'get apps', now, client }),
    ).rejects.toMatchObject({
      reason: 'signer-mismatch',
    })
    await expect(verifyRequest({ request, requestType: 'get apps', now })).rejects.toBeInstanceOf(
      SignatureError,
    )
  })
})

describe('properties', () => {
  const payloads = fc.dictionary(
    fc
      .string({ minLength: 1, maxLength: 8, unit: 'grapheme-ascii' })
      .filter((k) => !k.startsWith('EE_')),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 5 },
  )
  fcTest.prop([payloads, fc.constantFrom('v3' as const, 'legacy' as const)], { numRuns: 25 })(
    'whatever the payload, a signed request verifies and recovers its signer',
    async (payload, scheme) => {
      const request = await signRequest({
        account: testAccount,
        requestType: 'update pipeline',
        payload: { ...payload, nonce },
        scheme,
      })
      const wire = JSON.parse(JSON.stringify(request))
      expect(await recoverRequestSigner({ request: wire, requestType: 'update pipeline' })).toBe(
        testAddress,
      )
      await expect(
        verifyRequest({ request: wire, requestType: 'update pipeline', now }),
      ).resolves.toMatchObject({
        scheme,
      })
    },
  )
})
