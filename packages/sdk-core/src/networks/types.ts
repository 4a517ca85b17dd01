import type { Address, Chain } from 'viem'

/** The built-in networks. `testnet` and `devnet` both run on Base Sepolia. */
export type NetworkName = 'mainnet' | 'testnet' | 'devnet' | 'localnet'

/** Contract addresses of a network. Any address that is not known for certain is absent. */
export type NetworkContracts = {
  /** PoAIManager (proxy): escrow factory, job registry, consensus and rewards. */
  poaiManager?: Address | undefined
  /** The UpgradeableBeacon every CspEscrow proxy points at. */
  cspEscrowBeacon?: Address | undefined
  /** USDC (6 decimals), the payment token. */
  usdc?: Address | undefined
  /** R1, the token rewards are paid in and burned as. */
  r1?: Address | undefined
  /** Controller: epoch schedule and the oracle list. */
  controller?: Address | undefined
  /** Node Deed licences (ERC-721); their owners claim node rewards. */
  nd?: Address | undefined
  /** Master Node Deed licences. */
  mnd?: Address | undefined
  /** Reader: aggregated views for dashboards. */
  reader?: Address | undefined
  /** BurnContract that burns the R1 bought with the 15 % share. */
  burnContract?: Address | undefined
  /** AdoptionOracle that records the PoAI volume per epoch. */
  adoptionOracle?: Address | undefined
  /** Uniswap V2 router used for USDC→R1 swaps. */
  uniswapV2Router?: Address | undefined
  /** The USDC/R1 Uniswap V2 pair. */
  uniswapV2Pair?: Address | undefined
  /** The multisig that owns PoAIManager and the escrow beacon. */
  safe?: Address | undefined
  /** AttestationRegistry (RedMesh attestations). */
  attestationRegistry?: Address | undefined
  /** dAuth OracleRegistry. */
  oracleRegistry?: Address | undefined
}

/** When epochs start and how long they last, in Unix seconds; identical to the Controller's values. */
export type EpochConfig = {
  /** `Controller.startEpochTimestamp()`: the first second of epoch 0. */
  genesis: bigint
  /** `Controller.epochDuration()` in seconds. */
  length: bigint
}

/** Everything the SDK needs to know about one Ratio1 deployment. */
export type Network = {
  name: string
  /** The viem chain the contracts live on. */
  chain: Chain
  contracts: NetworkContracts
  /** The epoch schedule; absent where it must be read from the Controller (e.g. a fresh local chain). */
  epoch?: EpochConfig | undefined
  /** Base URL of the Deeploy API the network's oracles serve. */
  deeployApiUrl?: string | undefined
  /** Base URL of the oracle API. */
  oracleApiUrl?: string | undefined
}
