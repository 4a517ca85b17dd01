import type {
  Abi,
  Account,
  Address,
  Chain,
  Client,
  ContractConstructorArgs,
  ContractFunctionArgs,
  ContractFunctionName,
  Hash,
  Hex,
  TransactionReceipt,
  Transport,
} from 'viem'
import { getAddress } from 'viem'
import {
  deployContract,
  type ReadContractErrorType,
  type WaitForTransactionReceiptErrorType,
  type WriteContractErrorType,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions'
import {
  ContractDeploymentError,
  MissingAccountError,
  TransactionRevertedError,
} from '../errors/contracts.js'

/**
 * The viem errors sending a contract call can raise before or while it is mined: simulation and
 * estimation failures (which carry the decoded revert reason), RPC and transport errors.
 */
export type WriteAndWaitErrorType =
  | WriteContractErrorType
  | WaitForTransactionReceiptErrorType
  | ReadContractErrorType

/** A client that can sign and send: a viem wallet client (or any client with an account). */
export type SigningClient = Client<Transport, Chain | undefined, Account | undefined>

/** Returns the client's account or throws `MissingAccountError`. */
export function requireAccount(client: SigningClient, operation: string): Account {
  if (!client.account) throw new MissingAccountError({ operation })
  return client.account
}

/** Deploys `artifact` from `client`, waits for the receipt and returns the new address. */
export async function deployAndWait<const abi extends Abi>(
  client: SigningClient,
  receiptClient: Client,
  artifact: { contractName: string; abi: abi; bytecode: Hex },
  args: ContractConstructorArgs<abi>,
  operation: string,
): Promise<Address> {
  const account = requireAccount(client, operation)
  let hash: Hash | undefined
  try {
    hash = await deployContract(client, {
      abi: artifact.abi,
      bytecode: artifact.bytecode,
      args,
      account,
      chain: client.chain ?? null,
    } as Parameters<typeof deployContract>[1])
    const receipt = await waitForTransactionReceipt(receiptClient, { hash })
    if (receipt.status !== 'success' || !receipt.contractAddress)
      throw new ContractDeploymentError({ contractName: artifact.contractName, hash })
    return getAddress(receipt.contractAddress)
  } catch (error) {
    if (error instanceof ContractDeploymentError) throw error
    throw new ContractDeploymentError({ contractName: artifact.contractName, hash, cause: error })
  }
}

/** Sends a contract call from `client`, waits for it to be mined and checks that it succeeded. */
export async function writeAndWait<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>(
  client: SigningClient,
  receiptClient: Client,
  request: {
    address: Address
    abi: abi
    functionName: functionName
    args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
  },
  operation: string,
): Promise<TransactionReceipt> {
  const account = requireAccount(client, operation)
  const hash = await writeContract(client, {
    ...request,
    account,
    chain: client.chain ?? null,
  } as unknown as Parameters<typeof writeContract>[1])
  const receipt = await waitForTransactionReceipt(receiptClient, { hash })
  if (receipt.status !== 'success')
    throw new TransactionRevertedError({
      functionName: request.functionName,
      address: request.address,
      hash,
    })
  return receipt
}

/** Sends a development-chain RPC call (`evm_*`, `hardhat_*`) that viem's typed request omits. */
export function devRequest(client: Client, method: string, params: unknown[]): Promise<unknown> {
  const request = client.request as unknown as (args: {
    method: string
    params: unknown[]
  }) => Promise<unknown>
  return request({ method, params })
}
