import type { Address, Client, Hex } from 'viem'
import { getAddress, hashMessage, recoverMessageAddress } from 'viem'
import { readContract } from 'viem/actions'
import type { NonceErrorType, SignatureErrorType } from '../errors/signature.js'
import { NonceError, SignatureError } from '../errors/signature.js'
import { requestMessage } from './recoverRequestSigner.js'
import type { DeeployRequestType } from './requestTypes.js'
import type { SignatureScheme } from './signRequest.js'

export type VerifyRequestParameters = {
  /** The request as received (the object inside `{"request": …}`). */
  request: Record<string, unknown>
  /** The request type of the endpoint it was sent to. */
  requestType: DeeployRequestType
  /** A public client; when given, signatures that do not recover to the sender are checked with EIP-1271. */
  client?: Client | undefined
  /** Verifier clock in milliseconds. @default Date.now() */
  now?: number | undefined
  /** Oldest accepted nonce, in seconds. @default 43_200 (12 hours, as the oracles) */
  maxAgeSeconds?: number | undefined
}
export type VerifyRequestReturnType = {
  /** The checksummed `EE_ETH_SENDER`, now proven to have signed. */
  signer: Address
  scheme: SignatureScheme
  /** `ecrecover` for EOAs, `eip1271` when the sender contract accepted the signature. */
  method: 'ecrecover' | 'eip1271'
  /** The nonce as milliseconds since the Unix epoch. */
  nonceTimestamp: number
}
export type VerifyRequestErrorType = SignatureErrorType | NonceErrorType

const isValidSignatureAbi = [
  {
    type: 'function',
    name: 'isValidSignature',
    stateMutability: 'view',
    inputs: [
      { name: 'hash', type: 'bytes32' },
      { name: 'signature', type: 'bytes' },
    ],
    outputs: [{ name: '', type: 'bytes4' }],
  },
] as const

/**
 * Verifies a signed Deeploy request as a Ratio1 oracle does, in the oracle's order: sender format,
 * scheme choice (`EE_HASH` present ⇒ v3 with a payload-hash check), signer recovery (EIP-191), EIP-1271
 * fallback through `client` for contract wallets, then the nonce window (none ahead of the clock, at
 * most 12 h old). Errors carry the oracle's own message in `oracleMessage`. Escrow authorization is
 * left to the caller.
 *
 * @example
 * ```ts
 * import { verifyRequest } from '@ratio1/sdk-deeploy'
 * const { signer, scheme } = await verifyRequest({ request: body.request, requestType: 'create pipeline' })
 * ```
 */
export async function verifyRequest(
  parameters: VerifyRequestParameters,
): Promise<VerifyRequestReturnType> {
  const { request, client } = parameters
  const sender = request.EE_ETH_SENDER
  if (typeof sender !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(sender))
    throw new SignatureError({
      reason: 'invalid-sender',
      oracleMessage: `Invalid sender address: ${pythonStr(sender)}`,
    })

  const { message, scheme } = requestMessage(parameters)
  const signature = request.EE_ETH_SIGN
  let recovered: Address | undefined
  try {
    recovered = await recoverMessageAddress({ message, signature: signature as Hex })
  } catch {
    recovered = undefined
  }
  let method: VerifyRequestReturnType['method'] = 'ecrecover'
  if (recovered?.toLowerCase() !== sender.toLowerCase()) {
    const accepted =
      client !== undefined &&
      typeof signature === 'string' &&
      (await isValidSignature(client, sender as Address, hashMessage(message), signature as Hex))
    if (!accepted)
      throw recovered === undefined
        ? new SignatureError({
            reason: 'unrecoverable',
            oracleMessage:
              'Signature verification failed: could not recover address from signature',
          })
        : new SignatureError({
            reason: 'signer-mismatch',
            oracleMessage: `Invalid signature: recovered ${recovered} != ${sender}`,
          })
    method = 'eip1271'
  }

  const nonceTimestamp = checkNonce(
    request,
    parameters.now ?? Date.now(),
    parameters.maxAgeSeconds ?? 43_200,
  )
  return { signer: getAddress(sender), scheme, method, nonceTimestamp }
}

async function isValidSignature(
  client: Client,
  address: Address,
  hash: Hex,
  signature: Hex,
): Promise<boolean> {
  try {
    const magic = await readContract(client, {
      address,
      abi: isValidSignatureAbi,
      functionName: 'isValidSignature',
      args: [hash, signature],
    })
    return magic.toLowerCase() === '0x1626ba7e'
  } catch {
    return false
  }
}

function checkNonce(request: Record<string, unknown>, now: number, maxAgeSeconds: number): number {
  if (!Object.hasOwn(request, 'nonce'))
    throw new NonceError({ reason: 'missing', oracleMessage: "'nonce'" })
  const nonce = request.nonce
  const digits = typeof nonce === 'string' ? nonce.replace(/^0x/, '') : ''
  if (!/^[0-9a-fA-F]+$/.test(digits))
    throw new NonceError({ reason: 'invalid', oracleMessage: 'Nonce is invalid!' })
  const timestamp = Number.parseInt(digits, 16)
  const diffSeconds = (now - timestamp) / 1000
  if (diffSeconds < 0)
    throw new NonceError({ reason: 'future', oracleMessage: 'Nonce is invalid(f)!' })
  if (diffSeconds > maxAgeSeconds)
    throw new NonceError({ reason: 'expired', oracleMessage: 'Nonce is expired!' })
  return timestamp
}

// The oracle formats the bad value with Python's str(): None for a missing key.
function pythonStr(value: unknown): string {
  if (value === undefined || value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  return typeof value === 'string' ? value : JSON.stringify(value)
}
