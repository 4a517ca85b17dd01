import { type Address, maxUint256 } from 'viem'
import { getBlock, readContract } from 'viem/actions'
import type { MissingAccountErrorType, TransactionRevertedErrorType } from '../errors/contracts.js'
import {
  r1Abi,
  uniswapV2FactoryAbi,
  uniswapV2PairAbi,
  uniswapV2RouterAbi,
  usdcAbi,
} from '../generated/abis.js'
import {
  requireAccount,
  type SigningClient,
  type WriteAndWaitErrorType,
  writeAndWait,
} from './internal.js'

export type SeedLiquidityParameters = {
  usdc: Address
  r1: Address
  router: Address
  /** USDC base units (6 decimals) to add. */
  usdcAmount: bigint
  /** R1 wei (18 decimals) to add. */
  r1Amount: bigint
  /** Receiver of the LP tokens. Default: the client's account. */
  to?: Address | undefined
}
export type SeedLiquidityReturnType = {
  /** Amounts the router actually took (the second side follows the pool's ratio once seeded). */
  usdcAdded: bigint
  r1Added: bigint
  liquidity: bigint
  /** Pool reserves afterwards, in (USDC, R1) order. */
  reserves: { usdc: bigint; r1: bigint }
}
export type SeedLiquidityErrorType =
  | MissingAccountErrorType
  | TransactionRevertedErrorType
  | WriteAndWaitErrorType

/**
 * Mints devnet USDC (faucet) and R1 (the account must be an R1 minter, as the deployer is) to the
 * client's account and adds them to the USDC/R1 pool through the router.
 *
 * @example
 * ```ts
 * import { seedLiquidity } from '@ratio1/contracts/deploy'
 * const { reserves } = await seedLiquidity(walletClient, {
 *   usdc: system.addresses.usdc,
 *   r1: system.addresses.r1,
 *   router: system.addresses.uniswapV2Router,
 *   usdcAmount: 50_000n * 10n ** 6n,
 *   r1Amount: 50_000n * 10n ** 18n,
 * })
 * ```
 */
export async function seedLiquidity(
  client: SigningClient,
  parameters: SeedLiquidityParameters,
): Promise<SeedLiquidityReturnType> {
  const { usdc, r1, router, usdcAmount, r1Amount } = parameters
  const operation = 'seedLiquidity'
  const account = requireAccount(client, operation).address
  const to = parameters.to ?? account
  const send = <const request extends Parameters<typeof writeAndWait>[2]>(request: request) =>
    writeAndWait(client, client, request, operation)

  await send({ address: usdc, abi: usdcAbi, functionName: 'mint', args: [account, usdcAmount] })
  await send({ address: r1, abi: r1Abi, functionName: 'mint', args: [account, r1Amount] })
  await send({ address: usdc, abi: usdcAbi, functionName: 'approve', args: [router, maxUint256] })
  await send({ address: r1, abi: r1Abi, functionName: 'approve', args: [router, maxUint256] })

  const { timestamp } = await getBlock(client, { blockTag: 'latest' })
  const before = await reservesOf(client, router, usdc, r1)
  await send({
    address: router,
    abi: uniswapV2RouterAbi,
    functionName: 'addLiquidity',
    args: [usdc, r1, usdcAmount, r1Amount, 0n, 0n, to, timestamp + 3_600n],
  })
  const after = await reservesOf(client, router, usdc, r1)
  const pair = await pairOf(client, router, usdc, r1)
  const liquidity = await readContract(client, {
    address: pair,
    abi: uniswapV2PairAbi,
    functionName: 'balanceOf',
    args: [to],
  })
  return {
    usdcAdded: after.usdc - before.usdc,
    r1Added: after.r1 - before.r1,
    liquidity,
    reserves: after,
  }
}

async function pairOf(
  client: SigningClient,
  router: Address,
  usdc: Address,
  r1: Address,
): Promise<Address> {
  const factory = await readContract(client, {
    address: router,
    abi: uniswapV2RouterAbi,
    functionName: 'factory',
  })
  return readContract(client, {
    address: factory,
    abi: uniswapV2FactoryAbi,
    functionName: 'getPair',
    args: [usdc, r1],
  })
}

async function reservesOf(
  client: SigningClient,
  router: Address,
  usdc: Address,
  r1: Address,
): Promise<{ usdc: bigint; r1: bigint }> {
  const pair = await pairOf(client, router, usdc, r1)
  const [reserve0, reserve1] = await readContract(client, {
    address: pair,
    abi: uniswapV2PairAbi,
    functionName: 'getReserves',
  })
  const token0 = await readContract(client, {
    address: pair,
    abi: uniswapV2PairAbi,
    functionName: 'token0',
  })
  return token0.toLowerCase() === usdc.toLowerCase()
    ? { usdc: reserve0, r1: reserve1 }
    : { usdc: reserve1, r1: reserve0 }
}
