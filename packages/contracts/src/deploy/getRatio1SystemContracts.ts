import { getContract, type PublicClient, type WalletClient } from 'viem'
import {
  adoptionOracleAbi,
  burnContractAbi,
  controllerAbi,
  mndContractAbi,
  multicall3Abi,
  ndContractAbi,
  poaiManagerAbi,
  r1Abi,
  uniswapV2FactoryAbi,
  uniswapV2PairAbi,
  uniswapV2RouterAbi,
  upgradeableBeaconAbi,
  usdcAbi,
} from '../generated/abis.js'
import type { Ratio1Clients, Ratio1SystemAddresses, Ratio1SystemContracts } from './types.js'

export type GetRatio1SystemContractsParameters<
  publicClient extends PublicClient = PublicClient,
  walletClient extends WalletClient = WalletClient,
> = {
  addresses: Ratio1SystemAddresses
  publicClient: publicClient
  walletClient: walletClient
}
export type GetRatio1SystemContractsReturnType<
  publicClient extends PublicClient = PublicClient,
  walletClient extends WalletClient = WalletClient,
> = Ratio1SystemContracts<Ratio1Clients<publicClient, walletClient>>

/**
 * Typed viem contract handles for every contract of a deployed system, bound to the given
 * clients. Use it to reconnect to a deployment recorded earlier, such as the localnet one.
 *
 * @example
 * ```ts
 * import { ratio1Addresses } from '@ratio1/contracts/addresses'
 * import { getRatio1SystemContracts } from '@ratio1/contracts/deploy'
 * const contracts = getRatio1SystemContracts({
 *   addresses: ratio1Addresses.localnet.contracts,
 *   publicClient,
 *   walletClient,
 * })
 * const oracles = await contracts.controller.read.getOracles()
 * ```
 */
export function getRatio1SystemContracts<
  publicClient extends PublicClient,
  walletClient extends WalletClient,
>(
  parameters: GetRatio1SystemContractsParameters<publicClient, walletClient>,
): GetRatio1SystemContractsReturnType<publicClient, walletClient> {
  const { addresses, publicClient, walletClient } = parameters
  const client = { public: publicClient, wallet: walletClient }
  return {
    usdc: getContract({ address: addresses.usdc, abi: usdcAbi, client }),
    r1: getContract({ address: addresses.r1, abi: r1Abi, client }),
    controller: getContract({ address: addresses.controller, abi: controllerAbi, client }),
    nd: getContract({ address: addresses.nd, abi: ndContractAbi, client }),
    mnd: getContract({ address: addresses.mnd, abi: mndContractAbi, client }),
    burnContract: getContract({ address: addresses.burnContract, abi: burnContractAbi, client }),
    uniswapV2Factory: getContract({
      address: addresses.uniswapV2Factory,
      abi: uniswapV2FactoryAbi,
      client,
    }),
    uniswapV2Router: getContract({
      address: addresses.uniswapV2Router,
      abi: uniswapV2RouterAbi,
      client,
    }),
    uniswapV2Pair: getContract({ address: addresses.uniswapV2Pair, abi: uniswapV2PairAbi, client }),
    adoptionOracle: getContract({
      address: addresses.adoptionOracle,
      abi: adoptionOracleAbi,
      client,
    }),
    poaiManager: getContract({ address: addresses.poaiManager, abi: poaiManagerAbi, client }),
    cspEscrowBeacon: getContract({
      address: addresses.cspEscrowBeacon,
      abi: upgradeableBeaconAbi,
      client,
    }),
    multicall3: getContract({ address: addresses.multicall3, abi: multicall3Abi, client }),
  }
}
