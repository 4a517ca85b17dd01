import type { Address, GetContractReturnType, PublicClient, WalletClient } from 'viem'
import type {
  adoptionOracleAbi,
  burnContractAbi,
  controllerAbi,
  cspEscrowAbi,
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

/** Addresses of a deployed Ratio1 system. */
export type Ratio1SystemAddresses = {
  usdc: Address
  r1: Address
  controller: Address
  nd: Address
  mnd: Address
  burnContract: Address
  uniswapV2Factory: Address
  uniswapV2Router: Address
  uniswapV2Pair: Address
  adoptionOracle: Address
  cspEscrowImplementation: Address
  poaiManagerImplementation: Address
  /** The PoAIManager proxy: the address everything else talks to. */
  poaiManager: Address
  /** The ProxyAdmin the TransparentUpgradeableProxy created for the manager. */
  poaiManagerProxyAdmin: Address
  /** The UpgradeableBeacon PoAIManager created for the escrows. */
  cspEscrowBeacon: Address
  multicall3: Address
}

/**
 * The clients typed contract handles are bound to. With a wallet client that has an account and a
 * chain, `write.*` calls need no `account`/`chain` options.
 */
export type Ratio1Clients<
  publicClient extends PublicClient = PublicClient,
  walletClient extends WalletClient = WalletClient,
> = { public: publicClient; wallet: walletClient }

type Handle<abi extends readonly unknown[], clients extends Ratio1Clients> = GetContractReturnType<
  abi,
  clients
>

/** Typed viem contract handles (`read`, `write`, `simulate`, `estimateGas`, events) per contract. */
export type Ratio1SystemContracts<clients extends Ratio1Clients = Ratio1Clients> = {
  usdc: Handle<typeof usdcAbi, clients>
  r1: Handle<typeof r1Abi, clients>
  controller: Handle<typeof controllerAbi, clients>
  nd: Handle<typeof ndContractAbi, clients>
  mnd: Handle<typeof mndContractAbi, clients>
  burnContract: Handle<typeof burnContractAbi, clients>
  uniswapV2Factory: Handle<typeof uniswapV2FactoryAbi, clients>
  uniswapV2Router: Handle<typeof uniswapV2RouterAbi, clients>
  uniswapV2Pair: Handle<typeof uniswapV2PairAbi, clients>
  adoptionOracle: Handle<typeof adoptionOracleAbi, clients>
  poaiManager: Handle<typeof poaiManagerAbi, clients>
  cspEscrowBeacon: Handle<typeof upgradeableBeaconAbi, clients>
  multicall3: Handle<typeof multicall3Abi, clients>
}

/** A CspEscrow handle, as returned by `getCspEscrowContract`. */
export type CspEscrowContract<clients extends Ratio1Clients = Ratio1Clients> = Handle<
  typeof cspEscrowAbi,
  clients
>
