import type { Account, Address } from 'viem'
import { erc20Abi } from 'viem'
import { multicall, readContract } from 'viem/actions'
import { cspEscrowAbi } from '../abis.js'
import type { EscrowReadErrorType } from '../errors/types.js'
import { resolveEscrow } from '../internal/resolve.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'

export type GetEscrowBalancesParameters = ManagerParameters & {
  /** Default: the escrow the account owns or is a delegate of. */
  escrow?: Address | undefined
  account?: Account | Address | undefined
}
export type GetEscrowBalancesReturnType = {
  escrow: Address
  /** Sum of the active jobs' balances (the escrow's TVL, `getTotalJobsBalance`). */
  activeJobsBalance: bigint
  /** USDC the escrow holds: job balances, unclaimed node rewards and any closed jobs' leftovers. */
  usdcHeld: bigint
  activeJobsCount: bigint
}
export type GetEscrowBalancesErrorType = EscrowReadErrorType

/**
 * An escrow's money at a glance: what its active jobs still hold and what USDC the contract has.
 *
 * @example
 * ```ts
 * import { getEscrowBalances } from '@ratio1/sdk-escrow'
 * const { activeJobsBalance, usdcHeld } = await getEscrowBalances(publicClient, { escrow })
 * ```
 */
export async function getEscrowBalances(
  client: EscrowClient,
  parameters: GetEscrowBalancesParameters = {},
): Promise<GetEscrowBalancesReturnType> {
  const escrow = await resolveEscrow(client, parameters)
  const [activeJobsBalance, activeJobsCount, usdc] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { address: escrow, abi: cspEscrowAbi, functionName: 'getTotalJobsBalance' },
      { address: escrow, abi: cspEscrowAbi, functionName: 'getActiveJobsCount' },
      { address: escrow, abi: cspEscrowAbi, functionName: 'usdcToken' },
    ],
  })
  const usdcHeld = await readContract(client, {
    address: usdc,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [escrow],
  })
  return { escrow, activeJobsBalance, usdcHeld, activeJobsCount }
}
