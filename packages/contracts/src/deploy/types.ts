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

/** The clients typed contract handles are bound to. */
export type Ratio1Clients = { public: PublicClient; wallet: WalletClient }

type Handle<abi extends readonly unknown[]> = GetContractReturnType<abi, Ratio1Clients>

/** Typed viem contract handles (`read`, `write`, `simulate`, `estimateGas`, events) per contract. */
export type Ratio1SystemContracts = {
  usdc: Handle<typeof usdcAbi>
  r1: Handle<typeof r1Abi>
  controller: Handle<typeof controllerAbi>
  nd: Handle<typeof ndContractAbi>
  mnd: Handle<typeof mndContractAbi>
  burnContract: Handle<typeof burnContractAbi>
  uniswapV2Factory: Handle<typeof uniswapV2FactoryAbi>
  uniswapV2Router: Handle<typeof uniswapV2RouterAbi>
  uniswapV2Pair: Handle<typeof uniswapV2PairAbi>
  adoptionOracle: Handle<typeof adoptionOracleAbi>
  poaiManager: Handle<typeof poaiManagerAbi>
  cspEscrowBeacon: Handle<typeof upgradeableBeaconAbi>
  multicall3: Handle<typeof multicall3Abi>
}

/** A CspEscrow handle, as returned by `getCspEscrowContract`. */
export type CspEscrowContract = Handle<typeof cspEscrowAbi>
