import { BaseError } from '@ratio1/sdk-core'
import type { Address, Hash } from 'viem'

function anchor(name: string): string {
  return `#${name.toLowerCase()}`
}

/** @see MissingAccountError */
export type MissingAccountErrorType = MissingAccountError & { name: 'MissingAccountError' }

/**
 * A wallet client without an account was given where transactions must be signed.
 *
 * @example
 * ```ts
 * import { MissingAccountError } from '@ratio1/contracts'
 * throw new MissingAccountError({ operation: 'deployRatio1System' })
 * ```
 */
export class MissingAccountError extends BaseError {
  override name = 'MissingAccountError' as const
  constructor({ operation }: { operation: string }) {
    super(
      `\`${operation}\` needs a wallet client with an account; the client given has none. Create it with \`createWalletClient({ account, ... })\`.`,
      { docsPath: anchor('MissingAccountError') },
    )
  }
}

/** @see ContractDeploymentError */
export type ContractDeploymentErrorType = ContractDeploymentError & {
  name: 'ContractDeploymentError'
}

/**
 * A contract creation transaction reverted or produced no contract address.
 *
 * @example
 * ```ts
 * import { ContractDeploymentError } from '@ratio1/contracts'
 * throw new ContractDeploymentError({ contractName: 'USDC', hash: '0x…' })
 * ```
 */
export class ContractDeploymentError extends BaseError {
  override name = 'ContractDeploymentError' as const
  readonly contractName: string
  readonly hash: Hash | undefined
  constructor({
    contractName,
    hash,
    cause,
  }: {
    contractName: string
    hash?: Hash | undefined
    cause?: unknown
  }) {
    super(
      `Deploying \`${contractName}\` failed${hash ? ` (transaction ${hash})` : ''}. Check the deployer's balance and the chain's contract-size and gas limits.`,
      { docsPath: anchor('ContractDeploymentError'), cause },
    )
    this.contractName = contractName
    this.hash = hash
  }
}

/** @see TransactionRevertedError */
export type TransactionRevertedErrorType = TransactionRevertedError & {
  name: 'TransactionRevertedError'
}

/**
 * A transaction sent during deployment or by a devnet helper was mined but reverted.
 *
 * @example
 * ```ts
 * import { TransactionRevertedError } from '@ratio1/contracts'
 * throw new TransactionRevertedError({ functionName: 'addOracle', address: '0x…', hash: '0x…' })
 * ```
 */
export class TransactionRevertedError extends BaseError {
  override name = 'TransactionRevertedError' as const
  readonly functionName: string
  readonly address: Address
  readonly hash: Hash
  constructor({
    functionName,
    address,
    hash,
  }: {
    functionName: string
    address: Address
    hash: Hash
  }) {
    super(
      `\`${functionName}\` on ${address} reverted in transaction ${hash}. Replay it with \`simulateContract\` to see the revert reason.`,
      { docsPath: anchor('TransactionRevertedError') },
    )
    this.functionName = functionName
    this.address = address
    this.hash = hash
  }
}

/** @see EpochAlreadyReachedError */
export type EpochAlreadyReachedErrorType = EpochAlreadyReachedError & {
  name: 'EpochAlreadyReachedError'
}

/**
 * `advanceEpochs` was asked to move to an epoch that has already started; chain time only moves
 * forward.
 *
 * @example
 * ```ts
 * import { EpochAlreadyReachedError } from '@ratio1/contracts'
 * throw new EpochAlreadyReachedError({ targetEpoch: 2n, currentEpoch: 5n })
 * ```
 */
export class EpochAlreadyReachedError extends BaseError {
  override name = 'EpochAlreadyReachedError' as const
  readonly targetEpoch: bigint
  readonly currentEpoch: bigint
  constructor({ targetEpoch, currentEpoch }: { targetEpoch: bigint; currentEpoch: bigint }) {
    super(
      `Cannot advance to the start of epoch ${targetEpoch}: the chain is already in epoch ${currentEpoch}. Pass a later \`toEpoch\`, or \`epochs\` to move forward by a count.`,
      { docsPath: anchor('EpochAlreadyReachedError') },
    )
    this.targetEpoch = targetEpoch
    this.currentEpoch = currentEpoch
  }
}

/** @see TimeTravelUnsupportedError */
export type TimeTravelUnsupportedErrorType = TimeTravelUnsupportedError & {
  name: 'TimeTravelUnsupportedError'
}

/**
 * The chain rejected a development RPC method (`evm_increaseTime`, `evm_setNextBlockTimestamp`,
 * `evm_mine`): time can only be moved on a development chain such as Hardhat's.
 *
 * @example
 * ```ts
 * import { TimeTravelUnsupportedError } from '@ratio1/contracts'
 * throw new TimeTravelUnsupportedError({ method: 'evm_mine' })
 * ```
 */
export class TimeTravelUnsupportedError extends BaseError {
  override name = 'TimeTravelUnsupportedError' as const
  readonly method: string
  constructor({ method, cause }: { method: string; cause?: unknown }) {
    super(
      `The chain rejected \`${method}\`. Advancing epochs only works on a development chain (Hardhat's in-process network or \`hardhat node\`).`,
      { docsPath: anchor('TimeTravelUnsupportedError'), cause },
    )
    this.method = method
  }
}

/** @see ContractAddressNotKnownError */
export type ContractAddressNotKnownErrorType = ContractAddressNotKnownError & {
  name: 'ContractAddressNotKnownError'
}

/**
 * No address is recorded for this contract on this network. Addresses that are not known for
 * certain are left out rather than guessed.
 *
 * @example
 * ```ts
 * import { ContractAddressNotKnownError } from '@ratio1/contracts'
 * throw new ContractAddressNotKnownError({ network: 'testnet', contract: 'burnContract' })
 * ```
 */
export class ContractAddressNotKnownError extends BaseError {
  override name = 'ContractAddressNotKnownError' as const
  readonly network: string
  readonly contract: string
  constructor({ network, contract }: { network: string; contract: string }) {
    super(
      `No address of \`${contract}\` is known for ${network}. Read it on-chain (e.g. from PoAIManager's getters) or pass it explicitly.`,
      { docsPath: anchor('ContractAddressNotKnownError') },
    )
    this.network = network
    this.contract = contract
  }
}
