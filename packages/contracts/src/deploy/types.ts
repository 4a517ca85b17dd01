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

/** A typed viem contract handle for one ABI, bound to the system's clients. */
export type Ratio1ContractHandle<
  abi extends readonly unknown[],
  clients extends Ratio1Clients,
> = GetContractReturnType<abi, clients>

/** Typed viem contract handles (`read`, `write`, `simulate`, `estimateGas`, events) per contract. */
export type Ratio1SystemContracts<clients extends Ratio1Clients = Ratio1Clients> = {
  usdc: Ratio1ContractHandle<typeof usdcAbi, clients>
  r1: Ratio1ContractHandle<typeof r1Abi, clients>
  controller: Ratio1ContractHandle<typeof controllerAbi, clients>
  nd: Ratio1ContractHandle<typeof ndContractAbi, clients>
  mnd: Ratio1ContractHandle<typeof mndContractAbi, clients>
  burnContract: Ratio1ContractHandle<typeof burnContractAbi, clients>
  uniswapV2Factory: Ratio1ContractHandle<typeof uniswapV2FactoryAbi, clients>
  uniswapV2Router: Ratio1ContractHandle<typeof uniswapV2RouterAbi, clients>
  uniswapV2Pair: Ratio1ContractHandle<typeof uniswapV2PairAbi, clients>
  adoptionOracle: Ratio1ContractHandle<typeof adoptionOracleAbi, clients>
  poaiManager: Ratio1ContractHandle<typeof poaiManagerAbi, clients>
  cspEscrowBeacon: Ratio1ContractHandle<typeof upgradeableBeaconAbi, clients>
  multicall3: Ratio1ContractHandle<typeof multicall3Abi, clients>
}

/** A CspEscrow handle, as returned by `getCspEscrowContract`. */
export type CspEscrowContract<clients extends Ratio1Clients = Ratio1Clients> = Ratio1ContractHandle<
  typeof cspEscrowAbi,
  clients
>
