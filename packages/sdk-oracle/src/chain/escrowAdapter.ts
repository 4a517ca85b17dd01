// Internal adapter over the PoAIManager writes the oracle makes. @ratio1/sdk-escrow does not export
// `submitNodeUpdate` or the allocation actions yet; these calls go through viem with the generated
// ABI until it does, and only this file changes when they land.
import { poaiManagerAbi } from '@ratio1/contracts/abis'
import {
  type Account,
  type Address,
  type Chain,
  type Client,
  ContractFunctionRevertedError,
  type Hash,
  type PublicClient,
  type Transport,
  BaseError as ViemBaseError,
} from 'viem'
import { simulateContract, waitForTransactionReceipt, writeContract } from 'viem/actions'

export type WriteOutcome =
  | { status: 'mined'; txHash: Hash; logs: readonly unknown[] }
  | { status: 'reverted'; txHash: Hash }
  /** The simulation reverted: nothing was sent, no gas spent. */
  | { status: 'skipped'; reason: string }

type Clients = {
  publicClient: PublicClient
  walletClient: Client<Transport, Chain | undefined, Account>
}

async function send(
  { publicClient, walletClient }: Clients,
  request: Parameters<typeof simulateContract>[1],
): Promise<WriteOutcome> {
  let prepared: Awaited<ReturnType<typeof simulateContract>>['request']
  try {
    ;({ request: prepared } = await simulateContract(publicClient, {
      ...request,
      account: walletClient.account,
    } as Parameters<typeof simulateContract>[1]))
  } catch (error) {
    return { status: 'skipped', reason: revertName(error) }
  }
  const txHash = await writeContract(walletClient, prepared as Parameters<typeof writeContract>[1])
  const receipt = await waitForTransactionReceipt(publicClient, { hash: txHash })
  return receipt.status === 'success'
    ? { status: 'mined', txHash, logs: receipt.logs }
    : { status: 'reverted', txHash }
}

/** `PoAIManager.submitNodeUpdate(jobId, nodes)`, simulated first. */
export function submitNodeUpdate(
  clients: Clients,
  parameters: { poaiManager: Address; jobId: bigint; nodes: readonly Address[] },
): Promise<WriteOutcome> {
  return send(clients, {
    address: parameters.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'submitNodeUpdate',
    args: [parameters.jobId, [...parameters.nodes]],
  } as Parameters<typeof simulateContract>[1])
}

/** `allocateRewardsAcrossAllEscrows()`, simulated first. */
export function allocateRewardsAcrossAllEscrows(
  clients: Clients,
  parameters: { poaiManager: Address },
): Promise<WriteOutcome> {
  return send(clients, {
    address: parameters.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'allocateRewardsAcrossAllEscrows',
  } as Parameters<typeof simulateContract>[1])
}

/** One page of `allocateRewardsAcrossEscrowsPaginated(maxJobs)`, simulated first. */
export async function allocateRewardsPage(
  clients: Clients,
  parameters: { poaiManager: Address; maxJobs: bigint },
): Promise<WriteOutcome & { completed?: boolean }> {
  let completed: boolean
  try {
    const { result } = await simulateContract(clients.publicClient, {
      address: parameters.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'allocateRewardsAcrossEscrowsPaginated',
      args: [parameters.maxJobs],
      account: clients.walletClient.account,
    })
    completed = result[1]
  } catch (error) {
    return { status: 'skipped', reason: revertName(error) }
  }
  const outcome = await send(clients, {
    address: parameters.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'allocateRewardsAcrossEscrowsPaginated',
    args: [parameters.maxJobs],
  } as Parameters<typeof simulateContract>[1])
  return { ...outcome, completed }
}

/** The custom error name of a revert, or the error's short message. */
export function revertName(error: unknown): string {
  if (error instanceof ViemBaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError) as
      | ContractFunctionRevertedError
      | undefined
    if (reverted?.data?.errorName) return reverted.data.errorName
    if (reverted?.reason) return reverted.reason
    return error.shortMessage
  }
  return error instanceof Error ? error.message : String(error)
}
