import type { Address } from 'viem'

/** The networks `@ratio1/contracts` records addresses for. */
export type Ratio1NetworkName = 'mainnet' | 'testnet' | 'devnet' | 'localnet'

/**
 * Contracts of a Ratio1 deployment. Names follow `@ratio1/sdk-core`'s `NetworkContracts`, plus the
 * contracts only a local deployment (or an operator) needs.
 */
export type Ratio1ContractName =
  | 'poaiManager'
  | 'poaiManagerImplementation'
  | 'poaiManagerProxyAdmin'
  | 'cspEscrowBeacon'
  | 'cspEscrowImplementation'
  | 'usdc'
  | 'r1'
  | 'controller'
  | 'nd'
  | 'mnd'
  | 'reader'
  | 'burnContract'
  | 'adoptionOracle'
  | 'uniswapV2Factory'
  | 'uniswapV2Router'
  | 'uniswapV2Pair'
  | 'multicall3'
  | 'safe'
  | 'attestationRegistry'
  | 'oracleRegistry'

/** Addresses of one network: the chain id and every contract address known for certain. */
export type Ratio1NetworkAddresses = {
  chainId: number
  contracts: { readonly [name in Ratio1ContractName]?: Address }
}
