import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'
import {
  type Abi,
  type Address,
  type ContractConstructorArgs,
  type ContractFunctionArgs,
  type ContractFunctionName,
  encodeFunctionData,
  getAddress,
  type Hex,
  type PublicClient,
  sliceHex,
  type WalletClient,
} from 'viem'
import { call, getBlock, getCode, getStorageAt, readContract } from 'viem/actions'
import type {
  ContractDeploymentErrorType,
  MissingAccountErrorType,
  TransactionRevertedErrorType,
} from '../errors/contracts.js'
import { poaiManagerAbi, uniswapV2FactoryAbi } from '../generated/abis.js'
import {
  adoptionOracleArtifact,
  burnContractArtifact,
  controllerArtifact,
  cspEscrowArtifact,
  mndContractArtifact,
  multicall3Artifact,
  ndContractArtifact,
  poaiManagerArtifact,
  r1Artifact,
  transparentUpgradeableProxyArtifact,
  uniswapV2FactoryArtifact,
  uniswapV2RouterArtifact,
  usdcArtifact,
} from '../generated/artifacts.js'
import { getRatio1SystemContracts } from './getRatio1SystemContracts.js'
import {
  deployAndWait,
  devRequest,
  requireAccount,
  type WriteAndWaitErrorType,
  writeAndWait,
} from './internal.js'
import { registerOracles } from './registerOracles.js'
import { seedLiquidity } from './seedLiquidity.js'
import type { Ratio1Clients, Ratio1SystemAddresses, Ratio1SystemContracts } from './types.js'

/**
 * Where viem's chain definitions expect Multicall3 on every chain.
 *
 * @example
 * ```ts
 * import { canonicalMulticall3Address } from '@ratio1/contracts/deploy'
 * const code = await publicClient.getCode({ address: canonicalMulticall3Address })
 * ```
 */
export const canonicalMulticall3Address: Address = '0xcA11bde05977b3631167028862bE2a173976CA11'

/** ERC-1967 admin slot: `keccak256("eip1967.proxy.admin") - 1`. */
const adminSlot: Hex = '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103'

/**
 * Default R1 cap of the devnet token: 1 000 000 000 R1 (a devnet choice, not the live cap).
 *
 * @example
 * ```ts
 * import { defaultR1Cap, deployRatio1System } from '@ratio1/contracts/deploy'
 * await deployRatio1System({ walletClient, publicClient, r1Cap: defaultR1Cap * 2n })
 * ```
 */
export const defaultR1Cap = 1_000_000_000n * 10n ** 18n

/**
 * Default initial USDC/R1 liquidity: 1 000 000 USDC against 1 000 000 R1 (a devnet choice).
 *
 * @example
 * ```ts
 * import { defaultLiquidity, deployRatio1System } from '@ratio1/contracts/deploy'
 * await deployRatio1System({ walletClient, publicClient, liquidity: { ...defaultLiquidity, usdc: 10n ** 12n } })
 * ```
 */
export const defaultLiquidity = { usdc: 1_000_000n * 10n ** 6n, r1: 1_000_000n * 10n ** 18n }

export type DeployRatio1SystemParameters<
  publicClient extends PublicClient = PublicClient,
  walletClient extends WalletClient = WalletClient,
> = {
  /** Signs every transaction; its account owns every contract and becomes the PoAIManager owner. */
  walletClient: walletClient
  /** Waits for receipts and reads state. */
  publicClient: publicClient
  /** Epoch length in seconds, fixed in the Controller. Default 86 400 (one day, as on mainnet). */
  epochDuration?: bigint | undefined
  /**
   * First second of epoch 0, fixed in the Controller. Default: the latest block's timestamp minus
   * one epoch, so the chain is in epoch 1 right after deployment (jobs cannot start, and rewards
   * cannot be allocated, in epoch 0).
   */
  genesis?: bigint | undefined
  /** Oracles to register in the Controller after deployment. Default none. */
  oracles?: readonly Address[] | undefined
  /**
   * Initial USDC/R1 liquidity the deployer mints and adds to the pair, or `false` for an empty
   * pool. Default `defaultLiquidity`. Escrows need liquidity to swap for the burn and for claims.
   */
  liquidity?: { usdc: bigint; r1: bigint } | false | undefined
  /** Cap of the devnet R1 token in wei. Default `defaultR1Cap`. */
  r1Cap?: bigint | undefined
  /**
   * `'auto'` (default) reuses a Multicall3 already at the canonical address, installs one there
   * with `hardhat_setCode` on Hardhat networks, and otherwise deploys one. `'deploy'` always deploys.
   */
  multicall3?: 'auto' | 'deploy' | undefined
}

export type DeployRatio1SystemReturnType<
  publicClient extends PublicClient = PublicClient,
  walletClient extends WalletClient = WalletClient,
> = {
  addresses: Ratio1SystemAddresses
  /** Typed handles bound to the clients given (writes are signed by the deployer). */
  contracts: Ratio1SystemContracts<Ratio1Clients<publicClient, walletClient>>
  /** The account that deployed, owns and administers everything. */
  deployer: Address
  /** The Controller's epoch schedule. */
  epoch: { genesis: bigint; duration: bigint }
  /** How Multicall3 was provided. */
  multicall3Source: 'existing' | 'setCode' | 'deployed'
}

export type DeployRatio1SystemErrorType =
  | InvalidParameterErrorType
  | MissingAccountErrorType
  | ContractDeploymentErrorType
  | TransactionRevertedErrorType
  | WriteAndWaitErrorType

/**
 * Deploys the whole Ratio1 PoAI system in one call: the devnet stand-ins (USDC, R1, Controller,
 * ND, MND, BurnContract, Uniswap V2 factory/router and the USDC/R1 pair, AdoptionOracle), the
 * CspEscrow implementation, PoAIManager behind a TransparentUpgradeableProxy initialised with its
 * 10 arguments, the wiring (ND → manager, adoption oracle both ways, R1 burner and minter), and
 * Multicall3. Works on Hardhat's in-process network, `hardhat node` over HTTP, or any RPC.
 *
 * The transactions are sent in a fixed order, so a fresh chain and the same deployer always give
 * the same addresses (recorded for Hardhat's first default account in `deployments/localnet.json`).
 *
 * @example
 * ```ts
 * import { network } from 'hardhat'
 * import { deployRatio1System } from '@ratio1/contracts/deploy'
 *
 * const { viem } = await network.create()
 * const [walletClient, oracle] = await viem.getWalletClients()
 * const publicClient = await viem.getPublicClient()
 * const system = await deployRatio1System({
 *   walletClient,
 *   publicClient,
 *   oracles: [oracle.account.address],
 * })
 * console.log(system.addresses.poaiManager, await system.contracts.controller.read.getOracles())
 * ```
 */
export async function deployRatio1System<
  publicClient extends PublicClient,
  walletClient extends WalletClient,
>(
  parameters: DeployRatio1SystemParameters<publicClient, walletClient>,
): Promise<DeployRatio1SystemReturnType<publicClient, walletClient>> {
  const { walletClient, publicClient } = parameters
  const operation = 'deployRatio1System'
  const deployer = getAddress(requireAccount(walletClient, operation).address)

  const duration = parameters.epochDuration ?? 86_400n
  if (duration <= 0n)
    throw new InvalidParameterError({
      field: 'epochDuration',
      value: duration,
      rule: 'a positive number of seconds',
    })
  let genesis = parameters.genesis
  if (genesis === undefined) {
    const latest = await getBlock(publicClient, { blockTag: 'latest' })
    genesis = latest.timestamp >= duration ? latest.timestamp - duration : 0n
  }
  if (genesis < 0n)
    throw new InvalidParameterError({ field: 'genesis', value: genesis, rule: 'a Unix timestamp' })
  const r1Cap = parameters.r1Cap ?? defaultR1Cap

  const deploy = <const abi extends Abi>(
    artifact: { contractName: string; abi: abi; bytecode: Hex },
    args: ContractConstructorArgs<abi>,
  ) => deployAndWait(walletClient, publicClient, artifact, args, operation)
  const write = <
    const abi extends Abi,
    functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
  >(request: {
    address: Address
    abi: abi
    functionName: functionName
    args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
  }) => writeAndWait(walletClient, publicClient, request, operation)

  // The order below fixes every address; append new steps at the end only.
  const usdc = await deploy(usdcArtifact, [])
  const r1 = await deploy(r1Artifact, [r1Cap, deployer])
  const controller = await deploy(controllerArtifact, [genesis, duration, deployer])
  const nd = await deploy(ndContractArtifact, [deployer])
  const mnd = await deploy(mndContractArtifact, [deployer])
  const burnContract = await deploy(burnContractArtifact, [r1])
  await write({ address: r1, abi: r1Artifact.abi, functionName: 'addBurner', args: [burnContract] })
  const uniswapV2Factory = await deploy(uniswapV2FactoryArtifact, [])
  const uniswapV2Router = await deploy(uniswapV2RouterArtifact, [uniswapV2Factory])
  await write({
    address: uniswapV2Factory,
    abi: uniswapV2FactoryAbi,
    functionName: 'createPair',
    args: [usdc, r1],
  })
  const uniswapV2Pair = await readContract(publicClient, {
    address: uniswapV2Factory,
    abi: uniswapV2FactoryAbi,
    functionName: 'getPair',
    args: [usdc, r1],
  })
  const adoptionOracle = await deploy(adoptionOracleArtifact, [deployer])
  const cspEscrowImplementation = await deploy(cspEscrowArtifact, [
    usdc,
    r1,
    controller,
    uniswapV2Router,
    uniswapV2Pair,
  ])
  const poaiManagerImplementation = await deploy(poaiManagerArtifact, [])
  const initData = encodeFunctionData({
    abi: poaiManagerAbi,
    functionName: 'initialize',
    args: [
      cspEscrowImplementation,
      nd,
      mnd,
      controller,
      usdc,
      r1,
      burnContract,
      uniswapV2Router,
      uniswapV2Pair,
      deployer,
    ],
  })
  const poaiManager = await deploy(transparentUpgradeableProxyArtifact, [
    poaiManagerImplementation,
    deployer,
    initData,
  ])
  await write({
    address: nd,
    abi: ndContractArtifact.abi,
    functionName: 'setPoAIManager',
    args: [poaiManager],
  })
  await write({
    address: poaiManager,
    abi: poaiManagerAbi,
    functionName: 'setAdoptionOracle',
    args: [adoptionOracle],
  })
  await write({
    address: adoptionOracle,
    abi: adoptionOracleArtifact.abi,
    functionName: 'setPoAIManager',
    args: [poaiManager],
  })
  await write({ address: r1, abi: r1Artifact.abi, functionName: 'addMinter', args: [deployer] })

  const cspEscrowBeacon = await readContract(publicClient, {
    address: poaiManager,
    abi: poaiManagerAbi,
    functionName: 'cspEscrowBeacon',
  })
  const adminWord = await getStorageAt(publicClient, { address: poaiManager, slot: adminSlot })
  const poaiManagerProxyAdmin = getAddress(sliceHex(adminWord ?? `0x${'0'.repeat(64)}`, 12))

  if (parameters.oracles?.length)
    await registerOracles(walletClient, { controller, oracles: parameters.oracles })

  const liquidity = parameters.liquidity ?? defaultLiquidity
  if (liquidity)
    await seedLiquidity(walletClient, {
      usdc,
      r1,
      router: uniswapV2Router,
      usdcAmount: liquidity.usdc,
      r1Amount: liquidity.r1,
    })

  const { address: multicall3, source: multicall3Source } = await provideMulticall3(
    walletClient,
    publicClient,
    parameters.multicall3 ?? 'auto',
  )

  const addresses: Ratio1SystemAddresses = {
    usdc,
    r1,
    controller,
    nd,
    mnd,
    burnContract,
    uniswapV2Factory,
    uniswapV2Router,
    uniswapV2Pair,
    adoptionOracle,
    cspEscrowImplementation,
    poaiManagerImplementation,
    poaiManager,
    poaiManagerProxyAdmin,
    cspEscrowBeacon,
    multicall3,
  }
  return {
    addresses,
    contracts: getRatio1SystemContracts({ addresses, publicClient, walletClient }),
    deployer,
    epoch: { genesis, duration },
    multicall3Source,
  }
}

async function provideMulticall3(
  walletClient: WalletClient,
  publicClient: PublicClient,
  mode: 'auto' | 'deploy',
): Promise<{ address: Address; source: DeployRatio1SystemReturnType['multicall3Source'] }> {
  if (mode === 'auto') {
    const existing = await getCode(publicClient, { address: canonicalMulticall3Address })
    if (existing && existing !== '0x')
      return { address: canonicalMulticall3Address, source: 'existing' }
    // Running the creation code in an eth_call returns the runtime code without a transaction.
    const { data: runtime } = await call(publicClient, { data: multicall3Artifact.bytecode })
    if (runtime && runtime !== '0x') {
      try {
        await devRequest(publicClient, 'hardhat_setCode', [canonicalMulticall3Address, runtime])
        return { address: canonicalMulticall3Address, source: 'setCode' }
      } catch {
        // Not a Hardhat network: fall through and deploy a copy.
      }
    }
  }
  const address = await deployAndWait(
    walletClient,
    publicClient,
    multicall3Artifact,
    [],
    'deployRatio1System',
  )
  return { address, source: 'deployed' }
}
