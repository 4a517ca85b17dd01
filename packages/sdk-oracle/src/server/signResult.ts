import { createHash, createPrivateKey, type KeyObject, sign } from 'node:crypto'
import { publicKeyToNodeAddress } from '@ratio1/sdk-core'
import { toCanonicalJson } from '@ratio1/sdk-deeploy'
import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/** An oracle's response signer: its node address and a function that signs a `result`. */
export type ResultSigner = {
  /** `0xai_…` of the oracle's key (`EE_SENDER`). */
  nodeAddress: `0xai_${string}`
  /** The oracle's ETH address (`EE_ETH_SENDER`). */
  ethAddress: Hex
  /** Returns `result` with `SIGN_CANON_V`, `EE_HASH`, `EE_SIGN`, `EE_SENDER`, `EE_ETH_SENDER`, `EE_ETH_SIGN`. */
  sign(result: Record<string, unknown>): Record<string, unknown>
}

const signatureKeys = new Set(['EE_SIGN', 'EE_SENDER', 'EE_HASH', 'EE_ETH_SIGN', 'EE_ETH_SENDER'])

function toBase64Url(bytes: Buffer): string {
  // The oracles pad base64url with '='.
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_')
}

/**
 * Creates the response signer of deeploy-api.md §1.5 for an oracle key: `SIGN_CANON_V = "v2"` is added,
 * the result minus the signature fields is serialized as sorted compact JSON, `EE_HASH` is its SHA-256,
 * and `EE_SIGN` is a DER secp256k1 ECDSA signature over SHA-256 of the 32 digest bytes, base64url.
 * `@ratio1/sdk-deeploy`'s `verifyResponseSignature` accepts what it produces.
 *
 * @example
 * ```ts
 * import { createResultSigner } from '@ratio1/sdk-oracle/server'
 * const signer = createResultSigner(privateKey)
 * const signed = signer.sign({ status: 'success', app_id: 'x_1' })
 * ```
 */
export function createResultSigner(privateKey: Hex): ResultSigner {
  const account = privateKeyToAccount(privateKey)
  const uncompressed = Buffer.from(account.publicKey.slice(4), 'hex')
  const key: KeyObject = createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'secp256k1',
      d: Buffer.from(privateKey.slice(2), 'hex').toString('base64url'),
      x: uncompressed.subarray(0, 32).toString('base64url'),
      y: uncompressed.subarray(32).toString('base64url'),
    },
  })
  const nodeAddress = publicKeyToNodeAddress(account.publicKey) as `0xai_${string}`
  return {
    nodeAddress,
    ethAddress: account.address,
    sign(result) {
      const data: Record<string, unknown> = { ...result, SIGN_CANON_V: 'v2' }
      for (const k of signatureKeys) delete data[k]
      const digest = createHash('sha256').update(toCanonicalJson(data), 'utf8').digest()
      const signature = sign('sha256', digest, { key, dsaEncoding: 'der' })
      return {
        ...data,
        EE_HASH: digest.toString('hex'),
        EE_SIGN: toBase64Url(signature),
        EE_SENDER: nodeAddress,
        EE_ETH_SENDER: account.address,
        EE_ETH_SIGN: '0xBEEF',
      }
    },
  }
}
