import type { Account, Address, Chain, Client, Hex, SignableMessage, Transport } from 'viem'
import { getAddress } from 'viem'
import { signMessage } from 'viem/actions'
import { SignerUnavailableError } from '../errors/signature.js'

/**
 * Anything that can `personal_sign`: a viem local account (`privateKeyToAccount`), a smart account
 * (signatures checked by the oracle through EIP-1271), or a wallet client with an account (injected
 * wallets, WalletConnect…).
 */
export type DeeploySigner = Account | Client<Transport, Chain | undefined, Account | undefined>

/** @internal */
export function signerAddress(signer: DeeploySigner): Address {
  if (isClient(signer)) {
    if (!signer.account)
      throw new SignerUnavailableError({ reason: 'the wallet client has no account' })
    return getAddress(signer.account.address)
  }
  return getAddress(signer.address)
}

/** @internal */
export async function signWith(signer: DeeploySigner, message: SignableMessage): Promise<Hex> {
  if (isClient(signer)) {
    const account = signer.account
    if (!account) throw new SignerUnavailableError({ reason: 'the wallet client has no account' })
    return signMessage(signer, { account, message })
  }
  if (typeof signer.signMessage !== 'function')
    throw new SignerUnavailableError({
      reason: `account ${signer.address} cannot sign messages by itself (a JSON-RPC account); pass the wallet client instead`,
    })
  return signer.signMessage({ message })
}

function isClient(
  signer: DeeploySigner,
): signer is Client<Transport, Chain | undefined, Account | undefined> {
  return 'transport' in signer && 'request' in signer && typeof signer.request === 'function'
}
