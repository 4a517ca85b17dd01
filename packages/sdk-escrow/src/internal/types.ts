import type { NetworkName } from '@ratio1/sdk-core'
import type { Account, Address, Chain, Client, Hash, TransactionReceipt, Transport } from 'viem'

/** Any viem client: public clients for reads, wallet clients (with an account) for writes. */
export type EscrowClient = Client<Transport, Chain | undefined, Account | undefined>

/** Where to find the PoAIManager: an explicit address, a built-in network, or the client's chain. */
export type ManagerParameters = {
  /** The PoAIManager proxy. Default: the one of `network`, or of the client's chain when unambiguous. */
  manager?: Address | undefined
  /** A built-in network whose PoAIManager to use (Base Sepolia hosts both `testnet` and `devnet`). */
  network?: NetworkName | undefined
}

/** Transaction options every write accepts (as viem's `writeContract`). */
export type TransactionParameters = {
  /** The sender. Default: the client's account. */
  account?: Account | Address | undefined
  /** Default: the client's chain. */
  chain?: Chain | null | undefined
  gas?: bigint | undefined
  maxFeePerGas?: bigint | undefined
  maxPriorityFeePerGas?: bigint | undefined
  nonce?: number | undefined
}

/** What every write returns once its transaction is mined successfully. */
export type TransactionResult = {
  hash: Hash
  receipt: TransactionReceipt
}

/** A job with the escrow holding it and that escrow's CSP owner (PoAIManager's `JobWithAllDetails`). */
export type JobWithEscrow = import('@ratio1/sdk-core').JobDetails & {
  escrowAddress: Address
  escrowOwner: Address
}

/** Multicall options of the batch reads. */
export type MulticallParameters = {
  /** Multicall3's address. Default: the client chain's `contracts.multicall3`. */
  multicallAddress?: Address | undefined
}
