import { InvalidParameterError } from '@ratio1/sdk-core'
import {
  type Address,
  createWalletClient,
  custom,
  getAddress,
  type PublicClient,
  type WalletClient,
  zeroAddress,
} from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  advanceEpochs,
  canonicalMulticall3Address,
  type DeployRatio1SystemReturnType,
  defaultLiquidity,
  deployRatio1System,
  EpochAlreadyReachedError,
  fundR1,
  fundUsdc,
  MissingAccountError,
  mintNodeLicenses,
  registerOracles,
  seedLiquidity,
  TimeTravelUnsupportedError,
} from '../src/deploy.js'
import { createChain } from './fixture.js'

const adminSlot = '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103'

describe('deployRatio1System', () => {
  let publicClient: PublicClient
  let walletClients: WalletClient[]
  let system: DeployRatio1SystemReturnType
  let oracles: Address[]

  beforeAll(async () => {
    const chain = await createChain()
    publicClient = chain.publicClient
    walletClients = chain.walletClients
    oracles = walletClients.slice(1, 4).map((c) => getAddress(c.account!.address))
    system = await deployRatio1System({
      walletClient: chain.deployer,
      publicClient,
      epochDuration: 3_600n,
      oracles,
    })
  })

  test('wires the manager, the escrow beacon and the stand-ins together', async () => {
    const { contracts, addresses, deployer } = system
    const m = contracts.poaiManager.read
    expect(await m.owner()).toBe(deployer)
    expect(await m.ndContract()).toBe(addresses.nd)
    expect(await m.mndContract()).toBe(addresses.mnd)
    expect(await m.controller()).toBe(addresses.controller)
    expect(await m.usdcToken()).toBe(addresses.usdc)
    expect(await m.r1Token()).toBe(addresses.r1)
    expect(await m.burnContract()).toBe(addresses.burnContract)
    expect(await m.uniswapV2Router()).toBe(addresses.uniswapV2Router)
    expect(await m.uniswapV2Pair()).toBe(addresses.uniswapV2Pair)
    expect(await m.adoptionOracle()).toBe(addresses.adoptionOracle)
    expect(await m.cspEscrowBeacon()).toBe(addresses.cspEscrowBeacon)
    expect(await m.nextJobId()).toBe(1n)

    // The beacon belongs to the manager's owner, not to the manager (as on the live network).
    expect(await contracts.cspEscrowBeacon.read.owner()).toBe(deployer)
    expect(await contracts.cspEscrowBeacon.read.implementation()).toBe(
      addresses.cspEscrowImplementation,
    )
    // The TransparentUpgradeableProxy records its ProxyAdmin in the ERC-1967 admin slot.
    const adminWord = await publicClient.getStorageAt({
      address: addresses.poaiManager,
      slot: adminSlot,
    })
    expect(getAddress(`0x${adminWord!.slice(26)}`)).toBe(addresses.poaiManagerProxyAdmin)

    expect(await contracts.nd.read.poaiManager()).toBe(addresses.poaiManager)
    expect(await contracts.adoptionOracle.read.poaiManager()).toBe(addresses.poaiManager)
    expect(await contracts.r1.read.isBurner([addresses.burnContract])).toBe(true)
    expect(await contracts.r1.read.isMinter([deployer])).toBe(true)
    expect(await contracts.burnContract.read.r1()).toBe(addresses.r1)
  })

  test('starts the chain in epoch 1 with the requested epoch length', async () => {
    const { contracts, epoch } = system
    expect(epoch.duration).toBe(3_600n)
    expect(await contracts.controller.read.epochDuration()).toBe(3_600n)
    expect(await contracts.controller.read.startEpochTimestamp()).toBe(epoch.genesis)
    expect(await contracts.controller.read.getCurrentEpoch()).toBe(1n)
    expect(await contracts.poaiManager.read.getCurrentEpoch()).toBe(1n)
  })

  test('registers the oracles and seeds the USDC/R1 pool', async () => {
    const { contracts, addresses } = system
    expect(await contracts.controller.read.getOracles()).toEqual(oracles)
    const [reserve0, reserve1] = await contracts.uniswapV2Pair.read.getReserves()
    const token0 = await contracts.uniswapV2Pair.read.token0()
    const usdcReserve = token0 === addresses.usdc ? reserve0 : reserve1
    const r1Reserve = token0 === addresses.usdc ? reserve1 : reserve0
    expect(usdcReserve).toBe(defaultLiquidity.usdc)
    expect(r1Reserve).toBe(defaultLiquidity.r1)
    expect(await contracts.uniswapV2Factory.read.getPair([addresses.r1, addresses.usdc])).toBe(
      addresses.uniswapV2Pair,
    )
  })

  test('installs Multicall3 at the canonical address so viem multicall works', async () => {
    const { addresses, contracts } = system
    expect(system.multicall3Source).toBe('setCode')
    expect(addresses.multicall3).toBe(canonicalMulticall3Address)
    const results = await publicClient.multicall({
      multicallAddress: canonicalMulticall3Address,
      contracts: [
        { address: addresses.usdc, abi: contracts.usdc.abi, functionName: 'decimals' },
        { address: addresses.r1, abi: contracts.r1.abi, functionName: 'symbol' },
      ],
      allowFailure: false,
    })
    expect(results).toEqual([6, 'R1'])
    expect(await contracts.multicall3.read.getChainId()).toBe(31_337n)
  })

  test('reuses an existing Multicall3 on a second deployment', async () => {
    const again = await deployRatio1System({
      walletClient: walletClients[5]!,
      publicClient,
      liquidity: false,
    })
    expect(again.multicall3Source).toBe('existing')
    expect(again.addresses.multicall3).toBe(canonicalMulticall3Address)
    expect(again.deployer).toBe(getAddress(walletClients[5]!.account!.address))
    expect(await again.contracts.poaiManager.read.owner()).toBe(again.deployer)
    const [r0, r1] = await again.contracts.uniswapV2Pair.read.getReserves()
    expect([r0, r1]).toEqual([0n, 0n])
  })

  test('deploys its own Multicall3 when asked', async () => {
    const again = await deployRatio1System({
      walletClient: walletClients[6]!,
      publicClient,
      liquidity: false,
      multicall3: 'deploy',
    })
    expect(again.multicall3Source).toBe('deployed')
    expect(again.addresses.multicall3).not.toBe(canonicalMulticall3Address)
    expect(await again.contracts.multicall3.read.getBlockNumber()).toBeGreaterThan(0n)
  })

  test('uses an explicit genesis', async () => {
    const { timestamp } = await publicClient.getBlock()
    const genesis = timestamp - 10n * 600n - 5n
    const again = await deployRatio1System({
      walletClient: walletClients[9]!,
      publicClient,
      liquidity: false,
      epochDuration: 600n,
      genesis,
    })
    expect(again.epoch).toEqual({ genesis, duration: 600n })
    expect(await again.contracts.controller.read.getCurrentEpoch()).toBe(10n)
  })

  test('rejects a wallet client without an account and a zero epoch length', async () => {
    const accountless = createWalletClient({
      transport: custom({ request: (args) => publicClient.request(args as never) }),
    })
    await expect(
      deployRatio1System({ walletClient: accountless, publicClient }),
    ).rejects.toBeInstanceOf(MissingAccountError)
    await expect(
      deployRatio1System({ walletClient: walletClients[0]!, publicClient, epochDuration: 0n }),
    ).rejects.toBeInstanceOf(InvalidParameterError)
    await expect(
      deployRatio1System({ walletClient: walletClients[0]!, publicClient, genesis: -1n }),
    ).rejects.toBeInstanceOf(InvalidParameterError)
  })
})

describe('devnet helpers', () => {
  let publicClient: PublicClient
  let deployer: WalletClient
  let walletClients: WalletClient[]
  let system: DeployRatio1SystemReturnType

  beforeAll(async () => {
    const chain = await createChain()
    ;({ publicClient, deployer, walletClients } = chain)
    system = await deployRatio1System({ walletClient: deployer, publicClient, liquidity: false })
  })

  test('fundUsdc mints devnet USDC through the faucet', async () => {
    const to = walletClients[7]!.account!.address
    const { balance, hash } = await fundUsdc(deployer, {
      usdc: system.addresses.usdc,
      to,
      amount: 1_500_000n,
    })
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(balance).toBe(1_500_000n)
    expect(await system.contracts.usdc.read.balanceOf([to])).toBe(1_500_000n)
  })

  test('fundR1 mints R1 as the deployer (a minter) and fails for others', async () => {
    const to = walletClients[7]!.account!.address
    const { balance } = await fundR1(deployer, { r1: system.addresses.r1, to, amount: 10n ** 18n })
    expect(balance).toBe(10n ** 18n)
    await expect(
      fundR1(walletClients[7]!, { r1: system.addresses.r1, to, amount: 1n }),
    ).rejects.toThrow(/R1NotMinter/)
  })

  test('registerOracles skips oracles that are already registered', async () => {
    const [a, b] = walletClients.slice(1, 3).map((c) => getAddress(c.account!.address)) as [
      Address,
      Address,
    ]
    const first = await registerOracles(deployer, {
      controller: system.addresses.controller,
      oracles: [a],
    })
    expect(first.hashes).toHaveLength(1)
    const second = await registerOracles(deployer, {
      controller: system.addresses.controller,
      oracles: [a, b],
    })
    expect(second.hashes).toHaveLength(1)
    expect(second.oracles).toEqual([a, b])
  })

  test('mintNodeLicenses gives linked ND and MND licences', async () => {
    const owner = getAddress(walletClients[8]!.account!.address)
    const nodes: Address[] = [
      '0x00000000000000000000000000000000000a0001',
      '0x00000000000000000000000000000000000A0002',
    ].map((a) => getAddress(a))
    const { licenses } = await mintNodeLicenses(deployer, {
      registry: system.addresses.nd,
      to: owner,
      nodes,
    })
    expect(licenses).toEqual([
      { licenseId: 1n, node: nodes[0] },
      { licenseId: 2n, node: nodes[1] },
    ])
    expect(await system.contracts.nd.read.getNodeOwner([nodes[0]!])).toBe(owner)
    const onChain = await system.contracts.nd.read.getLicenses([owner])
    expect(onChain.map((l) => l.nodeAddress)).toEqual(nodes)
    // Linked nodes with no rewards: the manager answers (0, 0).
    expect(onChain.map((l) => l.usdcPoaiRewards)).toEqual([0n, 0n])

    const mndNode = getAddress('0x00000000000000000000000000000000000b0001')
    const mnd = await mintNodeLicenses(deployer, {
      registry: system.addresses.mnd,
      to: owner,
      nodes: [mndNode],
    })
    expect(mnd.licenses).toEqual([{ licenseId: 1n, node: mndNode }])
    const mndLicenses = await system.contracts.mnd.read.getLicenses([owner])
    expect(mndLicenses[0]?.nodeAddress).toBe(mndNode)
    await expect(
      mintNodeLicenses(deployer, { registry: system.addresses.nd, to: owner, nodes: [nodes[0]!] }),
    ).rejects.toThrow()
  })

  test('advanceEpochs moves to the start of an epoch or by a number of epochs', async () => {
    const controller = system.addresses.controller
    const { genesis, duration } = system.epoch
    const to5 = await advanceEpochs(publicClient, { controller, toEpoch: 5n })
    expect(to5).toEqual({ epoch: 5n, timestamp: genesis + 5n * duration })
    expect(await system.contracts.controller.read.getCurrentEpoch()).toBe(5n)

    const by2 = await advanceEpochs(publicClient, { controller, epochs: 2n })
    expect(by2.epoch).toBe(7n)
    expect(by2.timestamp - to5.timestamp).toBeGreaterThanOrEqual(2n * duration)
    expect(by2.timestamp - to5.timestamp).toBeLessThan(2n * duration + 60n)

    const error = await advanceEpochs(publicClient, { controller, toEpoch: 3n }).catch((e) => e)
    expect(error).toBeInstanceOf(EpochAlreadyReachedError)
    expect(error.targetEpoch).toBe(3n)
    expect(error.currentEpoch).toBe(7n)
  })

  test('advanceEpochs reports chains without time travel', async () => {
    const strict = {
      ...publicClient,
      request: async (args: { method: string; params?: unknown }) => {
        if (args.method.startsWith('evm_')) throw new Error('Method not found')
        return publicClient.request(args as never)
      },
    } as unknown as PublicClient
    const error = await advanceEpochs(strict, {
      controller: system.addresses.controller,
      epochs: 1n,
    }).catch((e) => e)
    expect(error).toBeInstanceOf(TimeTravelUnsupportedError)
    expect(error.method).toBe('evm_increaseTime')
  })

  test('seedLiquidity mints, approves and adds at the pool ratio', async () => {
    const params = {
      usdc: system.addresses.usdc,
      r1: system.addresses.r1,
      router: system.addresses.uniswapV2Router,
    }
    const first = await seedLiquidity(deployer, {
      ...params,
      usdcAmount: 2_000n * 10n ** 6n,
      r1Amount: 1_000n * 10n ** 18n,
    })
    expect(first.reserves).toEqual({ usdc: 2_000n * 10n ** 6n, r1: 1_000n * 10n ** 18n })
    expect(first.liquidity).toBeGreaterThan(0n)

    // The second deposit follows the 2:1 ratio: the R1 side is capped by the USDC side.
    const second = await seedLiquidity(deployer, {
      ...params,
      usdcAmount: 200n * 10n ** 6n,
      r1Amount: 500n * 10n ** 18n,
    })
    expect(second.usdcAdded).toBe(200n * 10n ** 6n)
    expect(second.r1Added).toBe(100n * 10n ** 18n)
    expect(second.reserves).toEqual({ usdc: 2_200n * 10n ** 6n, r1: 1_100n * 10n ** 18n })
    expect(second.liquidity).toBeGreaterThan(first.liquidity)
  })

  test('helpers refuse clients without an account', async () => {
    const accountless = createWalletClient({
      transport: custom({ request: (args) => publicClient.request(args as never) }),
    })
    await expect(
      fundUsdc(accountless, { usdc: system.addresses.usdc, to: zeroAddress, amount: 1n }),
    ).rejects.toBeInstanceOf(MissingAccountError)
  })
})
