import type { Address, Hash } from 'viem'
import { readContract } from 'viem/actions'
import type { MissingAccountErrorType, TransactionRevertedErrorType } from '../errors/contracts.js'
import { controllerAbi } from '../generated/abis.js'
import { type SigningClient, type WriteAndWaitErrorType, writeAndWait } from './internal.js'

export type RegisterOraclesParameters = {
  /** The devnet Controller; the client's account must own it. */
  controller: Address
  oracles: readonly Address[]
}
export type RegisterOraclesReturnType = {
  /** Transactions sent, one per oracle that was not registered yet. */
  hashes: Hash[]
  /** The Controller's oracle list afterwards. */
  oracles: readonly Address[]
}
export type RegisterOraclesErrorType =
  | MissingAccountErrorType
  | TransactionRevertedErrorType
  | WriteAndWaitErrorType

/**
 * Registers oracles in the devnet Controller (owner only), skipping those already registered.
 *
 * @example
 * ```ts
 * import { registerOracles } from '@ratio1/contracts/deploy'
 * const { oracles } = await registerOracles(walletClient, {
 *   controller: system.addresses.controller,
 *   oracles: [oracleA, oracleB, oracleC],
 * })
 * ```
 */
export async function registerOracles(
  client: SigningClient,
  parameters: RegisterOraclesParameters,
): Promise<RegisterOraclesReturnType> {
  const { controller } = parameters
  const hashes: Hash[] = []
  for (const oracle of parameters.oracles) {
    const known = await readContract(client, {
      address: controller,
      abi: controllerAbi,
      functionName: 'isOracle',
      args: [oracle],
    })
    if (known) continue
    const receipt = await writeAndWait(
      client,
      client,
      { address: controller, abi: controllerAbi, functionName: 'addOracle', args: [oracle] },
      'registerOracles',
    )
    hashes.push(receipt.transactionHash)
  }
  const oracles = await readContract(client, {
    address: controller,
    abi: controllerAbi,
    functionName: 'getOracles',
  })
  return { hashes, oracles }
}
