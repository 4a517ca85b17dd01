import { type Chain, defineChain } from 'viem'
import { base, baseSepolia } from 'viem/chains'
import type { Network, NetworkName } from './types.js'

// Built-in values are checked by defineNetwork in the tests; freezing them here keeps viem's address
// checksum code out of bundles that only read a network.
function builtIn(network: Network): Network {
  return Object.freeze(network)
}

// Mainnet and testnet share Ratio1's genesis (2025-05-23T16:00:00Z) and one-day epochs.
const genesis = 1_748_016_000n
const day = 86_400n

const mainnet = /* @__PURE__ */ builtIn({
  name: 'mainnet',
  chain: base,
  contracts: {
    poaiManager: '0xa8d7FFCE91a888872A9f5431B4Dd6c0c135055c1',
    usdc: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
    r1: '0x6444C6c2D527D85EA97032da9A7504d6d1448ecF',
    controller: '0x90dA5FdaA92edDC80FB73114fb7FE7D97f2be017',
    nd: '0xE658DF6dA3FB5d4FBa562F1D5934bd0F9c6bd423',
    mnd: '0x0C431e546371C87354714Fcc1a13365391A549E2',
    reader: '0xa2fDD4c7E93790Ff68a01f01AA789D619F12c6AC',
    burnContract: '0xa786f499C028484EEAC29e9fF3F7b35869878283',
    adoptionOracle: '0x93caaC52b4D0a452012218591B0b53cD41C3F830',
    uniswapV2Router: '0x4752ba5DBc23f44D87826276BF6Fd6b1C372aD24',
    uniswapV2Pair: '0x0feC06fd2C2bd4066c7302c08950aBaA2E4AB1d3',
    safe: '0x2265539ae09c7A605A707E11a6ED4aF1d018750e',
    attestationRegistry: '0x0602d03E7d4646E9b22F633D8751F03502b17861',
    oracleRegistry: '0x4805A2f5Edb258968791aBc87bcd4CD2F453D07d',
  },
  epoch: { genesis, length: day },
  deeployApiUrl: 'https://deeploy-api.ratio1.ai',
  oracleApiUrl: 'https://oracle.ratio1.ai',
})

const testnet = /* @__PURE__ */ builtIn({
  name: 'testnet',
  chain: baseSepolia,
  contracts: {
    poaiManager: '0x68f825aA8fD4Af498c2998F4b165F103080574d4',
    usdc: '0xfD9A4a17D76087f7c94950b67c3A5b7638427ECF',
    r1: '0xCC96f389F45Fc08b4fa8e2bC4C7DA9920292ec64',
    controller: '0x63BEC1B3004154698830C7736107E7d3cfcbde79',
    nd: '0x18E86a5829CA1F02226FA123f30d90dCd7cFd0ED',
    mnd: '0xa8d7FFCE91a888872A9f5431B4Dd6c0c135055c1',
    reader: '0xd1c7Dca934B37FAA402EB2EC64F6644d6957bE3b',
    uniswapV2Router: '0x6682375ebC1dF04676c0c5050934272368e6e883',
    safe: '0x5afF90797f717Fe8432A1809b6b53A18863061D6',
    attestationRegistry: '0xc20722A0fdde53e6D674f6Eb975Ad8A83Cc15516',
    oracleRegistry: '0x5580Be75D405E387bD21dC4eE594a8b6366f403c',
  },
  epoch: { genesis, length: day },
  deeployApiUrl: 'https://testnet-deeploy-api.ratio1.ai',
  oracleApiUrl: 'https://testnet-oracle.ratio1.ai',
})

// The devnet of Ratio1's current network constants: genesis 2026-05-01T16:00:00Z, four-hour epochs.
const devnet = /* @__PURE__ */ builtIn({
  name: 'devnet',
  chain: baseSepolia,
  contracts: {
    poaiManager: '0x7e3fda628DfF6C84e7E7cC8cC6F4C032b9fBef88',
    usdc: '0xfD9A4a17D76087f7c94950b67c3A5b7638427ECF',
    r1: '0x36DA1A175830776c596Ae0426a6598DD7f9E5815',
    controller: '0x9100E251109A9a7086A5499B10A4800583e69792',
    nd: '0xB6b6539e702074902EB796a84443395A686F82d6',
    mnd: '0xC53D1163c54139520991F757eaFa605E5fa00786',
    reader: '0x85D8B51f266b95aA6B5B3bB3909D6d5da9A54908',
    attestationRegistry: '0x37bcEe016624f91013E7014b1d5676c20ac66d19',
    oracleRegistry: '0x279cF55957348DA3B9219C806d9955c392d517A5',
  },
  epoch: { genesis: 1_777_651_200n, length: 14_400n },
  deeployApiUrl: 'https://devnet-deeploy-api.ratio1.ai',
  oracleApiUrl: 'https://devnet-oracle.ratio1.ai',
})

/**
 * Hardhat's chain (31337) with Multicall3 at its canonical address, where the local deploy places it.
 *
 * @example
 * ```ts
 * import { createPublicClient, http } from 'viem'
 * import { localnetChain } from '@ratio1/sdk-core'
 * const client = createPublicClient({ chain: localnetChain, transport: http('http://127.0.0.1:8545') })
 * ```
 */
export const localnetChain: Chain = /* @__PURE__ */ defineChain({
  id: 31_337,
  name: 'Hardhat',
  nativeCurrency: { decimals: 18, name: 'Ether', symbol: 'ETH' },
  rpcUrls: { default: { http: ['http://127.0.0.1:8545'] } },
  contracts: {
    multicall3: { address: '0xcA11bde05977b3631167028862bE2a173976CA11', blockCreated: 0 },
  },
})

// The addresses a fresh local chain gets from @ratio1/contracts' `deployRatio1System` with the default
// deployer (Hardhat's first account, nonce 0); the contracts package checks that a real deploy yields
// exactly these. The epoch schedule is chosen at deploy time, so it is read from the Controller.
const localnet = /* @__PURE__ */ builtIn({
  name: 'localnet',
  chain: localnetChain,
  contracts: {
    poaiManager: '0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82',
    cspEscrowBeacon: '0x32467b43BFa67273FC7dDda0999Ee9A12F2AaA08',
    usdc: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    r1: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    controller: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    nd: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
    mnd: '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9',
    burnContract: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
    adoptionOracle: '0x610178dA211FEF7D417bC0e6FeD39F05609AD788',
    uniswapV2Router: '0x2279B7A0a67DB372996a5FaB50D91eAA73d2eBe6',
    uniswapV2Pair: '0x9bd03768a7DCc129555dE410FF8E85528A4F88b5',
  },
})

/**
 * The built-in networks by name.
 *
 * @example
 * ```ts
 * import { networks } from '@ratio1/sdk-core'
 * Object.keys(networks) // ['mainnet', 'testnet', 'devnet', 'localnet']
 * networks.mainnet.chain.id // 8453
 * ```
 */
export const networks: Readonly<Record<NetworkName, Network>> = /* @__PURE__ */ Object.freeze({
  mainnet,
  testnet,
  devnet,
  localnet,
})
