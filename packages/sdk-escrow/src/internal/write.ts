import type { Abi, Address } from 'viem'
import {
  readContract,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from 'viem/actions'
import { TransactionFailedError } from '../errors/escrow.js'
import { type RevertContext, toEscrowError } from '../errors/toEscrowError.js'
import type { EscrowClient, TransactionParameters, TransactionResult } from './types.js'

/** A contract call, loosely typed: each action types its own arguments. */
export type ContractCall = {
  address: Address
  abi: Abi
  functionName: string
  args?: readonly unknown[] | undefined
}

function callOf(client: EscrowClient, call: ContractCall, options: TransactionParameters) {
  const { account, chain, ...rest } = options
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  return {
    ...call,
    ...defined,
    account: account ?? client.account,
    ...(chain === undefined ? {} : { chain }),
  }
}

/** Sends a call, waits until it is mined, and turns reverts into typed errors. */
export async function sendAndWait(
  client: EscrowClient,
  call: ContractCall,
  options: TransactionParameters,
  context: RevertContext,
): Promise<TransactionResult> {
  let hash: `0x${string}`
  try {
    hash = await writeContract(client, callOf(client, call, options) as never)
  } catch (error) {
    throw toEscrowError(error, { functionName: call.functionName, ...context })
  }
  const receipt = await waitForTransactionReceipt(client, { hash })
  if (receipt.status !== 'success')
    throw new TransactionFailedError({ functionName: call.functionName, hash })
  return { hash, receipt }
}

/** Runs a call with `eth_call` from the sender and returns viem's `{ result, request }`. */
export async function simulate<result>(
  client: EscrowClient,
  call: ContractCall,
  options: TransactionParameters,
  context: RevertContext,
): Promise<{ result: result; request: ContractCall & TransactionParameters }> {
  try {
    const simulated = await simulateContract(client, callOf(client, call, options) as never)
    return simulated as unknown as {
      result: result
      request: ContractCall & TransactionParameters
    }
  } catch (error) {
    throw toEscrowError(error, { functionName: call.functionName, ...context })
  }
}

/** Reads a view function, turning reverts into typed errors. */
export async function read<result>(
  client: EscrowClient,
  call: ContractCall,
  context: RevertContext = {},
): Promise<result> {
  try {
    return (await readContract(client, call as never)) as result
  } catch (error) {
    throw toEscrowError(error, { functionName: call.functionName, ...context })
  }
}

/** Picks the transaction options out of an action's parameters. */
export function transactionOptions(parameters: TransactionParameters): TransactionParameters {
  const { account, chain, gas, maxFeePerGas, maxPriorityFeePerGas, nonce } = parameters
  return { account, chain, gas, maxFeePerGas, maxPriorityFeePerGas, nonce }
}
