// Measures the gas of the core operations on Hardhat's in-process network (EDR) with the devnet
// stand-ins, as transaction `gasUsed` (intrinsic 21,000 + calldata included, like Ratio1's
// hardhat-gas-reporter figures), and prints them beside Ratio1's.
//
//   pnpm --filter @ratio1/contracts bench:gas            all scenarios
//   pnpm --filter @ratio1/contracts bench:gas -- --quick skip the 10,000-job pagination run
import { network } from 'hardhat'
import {
  type Abi,
  type Address,
  encodeFunctionData,
  getContract,
  type Hex,
  keccak256,
  toHex,
} from 'viem'
import {
  adoptionOracleAbi,
  burnContractAbi,
  controllerAbi,
  cspEscrowAbi,
  mndContractAbi,
  ndContractAbi,
  poaiManagerAbi,
  r1Abi,
  uniswapV2FactoryAbi,
  uniswapV2RouterAbi,
  usdcAbi,
} from '../src/generated/abis.ts'

const quick = process.argv.includes('--quick')
const EPOCH = 86_400n
const TX_GAS_CAP = 16_777_216n

async function deploySystem() {
  const { viem } = await network.create()
  const publicClient = await viem.getPublicClient()
  const testClient = await viem.getTestClient()
  const [deployer, csp, csp2, oracle1, oracle2, oracle3, nodeOwner, owner] =
    await viem.getWalletClients()
  if (!deployer || !csp || !csp2 || !oracle1 || !oracle2 || !oracle3 || !nodeOwner || !owner) {
    throw new Error('Hardhat network needs at least 8 accounts')
  }

  type Receipt = { gasUsed: bigint; status: string }
  async function gasOf(hash: Hex): Promise<bigint> {
    const r = (await publicClient.waitForTransactionReceipt({ hash })) as Receipt
    if (r.status !== 'success') throw new Error(`transaction ${hash} reverted`)
    return r.gasUsed
  }

  async function advanceEpochs(k: bigint): Promise<void> {
    await testClient.increaseTime({ seconds: Number(k * EPOCH) })
    await testClient.mine({ blocks: 1 })
  }

  // --- deploy the system -------------------------------------------------------------------------------
  // Typed handles from the generated `as const` ABIs (the scripts are type-checked without Hardhat's
  // artifact type map).
  const at = <const TAbi extends Abi>(abi: TAbi, address: Address) =>
    getContract({ abi, address, client: { public: publicClient, wallet: deployer } })
  const deploy = async <const TAbi extends Abi>(abi: TAbi, name: string, args: unknown[] = []) =>
    at(abi, (await viem.deployContract(name, args)).address)
  const escrowAt = (address: Address) => at(cspEscrowAbi, address)

  const now = (await publicClient.getBlock()).timestamp
  const start = now - EPOCH - 1n // the current epoch is 1
  const controller = await deploy(controllerAbi, 'Controller', [
    start,
    EPOCH,
    deployer.account.address,
  ])
  const usdc = await deploy(usdcAbi, 'USDC')
  const r1 = await deploy(r1Abi, 'R1', [10n ** 36n, deployer.account.address])
  await r1.write.addMinter([deployer.account.address])
  const burn = await deploy(burnContractAbi, 'BurnContract', [r1.address])
  await r1.write.addBurner([burn.address])
  const nd = await deploy(ndContractAbi, 'NDContract', [deployer.account.address])
  const mnd = await deploy(mndContractAbi, 'MNDContract', [deployer.account.address])
  const factory = await deploy(uniswapV2FactoryAbi, 'UniswapV2Factory')
  const router = await deploy(uniswapV2RouterAbi, 'UniswapV2Router', [factory.address])
  await factory.write.createPair([usdc.address, r1.address])
  const pair = (await factory.read.getPair([usdc.address, r1.address])) as Address
  await usdc.write.mint([deployer.account.address, 10n ** 15n])
  await r1.write.mint([deployer.account.address, 3n * 10n ** 27n])
  await usdc.write.approve([router.address, 2n ** 255n])
  await r1.write.approve([router.address, 2n ** 255n])
  await router.write.addLiquidity([
    usdc.address,
    r1.address,
    10n ** 15n,
    3n * 10n ** 27n,
    0n,
    0n,
    deployer.account.address,
    now + 10n ** 6n,
  ])
  const adoption = await deploy(adoptionOracleAbi, 'AdoptionOracle', [deployer.account.address])
  const escrowImpl = await deploy(cspEscrowAbi, 'CspEscrow', [
    usdc.address,
    r1.address,
    controller.address,
    router.address,
    pair,
  ])
  const managerImpl = await deploy(poaiManagerAbi, 'PoAIManager')
  const init = encodeFunctionData({
    abi: poaiManagerAbi,
    functionName: 'initialize',
    args: [
      escrowImpl.address,
      nd.address,
      mnd.address,
      controller.address,
      usdc.address,
      r1.address,
      burn.address,
      router.address,
      pair,
      owner.account.address,
    ],
  })
  const proxy = await viem.deployContract(
    'contracts/devnet/Proxies.sol:TransparentUpgradeableProxy',
    [managerImpl.address, deployer.account.address, init],
  )
  const manager = at(poaiManagerAbi, proxy.address)
  await nd.write.setPoAIManager([manager.address])
  await adoption.write.setPoAIManager([manager.address])
  await manager.write.setAdoptionOracle([adoption.address], { account: owner.account })
  for (const o of [oracle1, oracle2, oracle3]) await controller.write.addOracle([o.account.address])
  await nd.write.mintLinkedLicense([csp.account.address, oracle1.account.address])
  await nd.write.mintLinkedLicense([csp2.account.address, oracle2.account.address])

  const nodeAddress = (i: number): Address => toHex(0x100000 + i, { size: 20 })
  for (let i = 0; i < 210; i++)
    await nd.write.mintLinkedLicense([nodeOwner.account.address, nodeAddress(i)])
  return {
    viem,
    publicClient,
    testClient,
    deployer,
    csp,
    csp2,
    oracle1,
    oracle2,
    oracle3,
    nodeOwner,
    owner,
    gasOf,
    advanceEpochs,
    controller,
    usdc,
    r1,
    nd,
    manager,
    nodeAddress,
    escrowAt,
  }
}

const {
  testClient,
  csp,
  csp2,
  oracle1,
  oracle2,
  oracle3,
  nodeOwner,
  gasOf,
  advanceEpochs,
  controller,
  usdc,
  manager,
  nodeAddress,
  escrowAt,
} = await deploySystem()

const results: { operation: string; ours: bigint | string; ratio1: string; note?: string }[] = []
const record = (operation: string, ours: bigint | string, ratio1: string, note?: string) => {
  results.push(note === undefined ? { operation, ours, ratio1 } : { operation, ours, ratio1, note })
}

// --- deployCspEscrow -----------------------------------------------------------------------------------
const deployFirst = await gasOf(await manager.write.deployCspEscrow({ account: csp.account }))
const deploySecond = await gasOf(await manager.write.deployCspEscrow({ account: csp2.account }))
record('deployCspEscrow (first escrow)', deployFirst, '540k-563k')
record('deployCspEscrow (later escrow)', deploySecond, '540k-563k')
const escrow = escrowAt(await manager.read.ownerToEscrow([csp.account.address]))
await usdc.write.mint([csp.account.address, 10n ** 15n])
await usdc.write.approve([escrow.address, 2n ** 255n], { account: csp.account })

// --- createJobs --------------------------------------------------------------------------------------
const epoch = async (): Promise<bigint> => escrow.read.getCurrentEpoch()
const request = async (i: number, nodes = 2n) => ({
  jobType: 1n,
  projectHash: keccak256(toHex(i)),
  lastExecutionEpoch: (await epoch()) + 40n,
  numberOfNodesRequested: nodes,
})
const createFirst = await gasOf(
  await escrow.write.createJobs([[await request(0)]], { account: csp.account }),
)
const createOne = await gasOf(
  await escrow.write.createJobs([[await request(1)]], { account: csp.account }),
)
record('createJobs, 1 job (first job of the escrow)', createFirst, '~328k')
record('createJobs, 1 job (steady state)', createOne, '~328k')
const batch = await Promise.all(Array.from({ length: 100 }, (_, i) => request(100 + i)))
const createBatch = await gasOf(await escrow.write.createJobs([batch], { account: csp.account }))
record(
  'createJobs, per job in a batch of 100',
  createBatch / 100n,
  '~244k',
  `batch total ${createBatch}`,
)

// Job ids: 1, 2 single; 3..102 batch.
// --- consensus -------------------------------------------------------------------------------------
const twoNodes = (i: number): Address[] => [nodeAddress(2 * i), nodeAddress(2 * i + 1)]
const voteNoConsensus = await gasOf(
  await manager.write.submitNodeUpdate([2n, twoNodes(0)], { account: oracle1.account }),
)
const voteConsensus = await gasOf(
  await manager.write.submitNodeUpdate([2n, twoNodes(0)], { account: oracle2.account }),
)
const voteLate = await gasOf(
  await manager.write.submitNodeUpdate([2n, twoNodes(0)], { account: oracle3.account }),
)
record(
  'submitNodeUpdate, vote recorded (no consensus)',
  voteNoConsensus,
  '~57k',
  '3 oracles, 2 nodes',
)
record(
  'submitNodeUpdate, reaching consensus (job starts)',
  voteConsensus,
  '~412k',
  '3 oracles, 2 nodes',
)
record('submitNodeUpdate, late oracle (same list)', voteLate, '57k (early return)')

// --- extensions --------------------------------------------------------------------------------------
const extendDuration = await gasOf(
  await escrow.write.extendJobDuration([2n, (await epoch()) + 60n], { account: csp.account }),
)
const extendNodes = await gasOf(
  await escrow.write.extendJobNodes([2n, 3n], { account: csp.account }),
)
record('extendJobDuration', extendDuration, '~78k')
record('extendJobNodes', extendNodes, '~78k-80k')

// --- redeem ------------------------------------------------------------------------------------------
await testClient.increaseTime({ seconds: 3600 })
await testClient.mine({ blocks: 1 })
const redeem = await gasOf(await escrow.write.redeemUnusedJob([1n], { account: csp.account }))
record('redeemUnusedJob', redeem, '~131k')

// --- allocation: 100 jobs x 2 nodes ------------------------------------------------------------------
// Start the 100 batch jobs (ids 3..102) with distinct node pairs (200 distinct nodes).
for (let i = 0; i < 100; i++) {
  const id = BigInt(3 + i)
  await manager.write.submitNodeUpdate([id, twoNodes(i + 1)], { account: oracle1.account })
  await manager.write.submitNodeUpdate([id, twoNodes(i + 1)], { account: oracle2.account })
}
await advanceEpochs(1n)
const allocFresh = await gasOf(await manager.write.allocateRewardsAcrossAllEscrows())
await advanceEpochs(1n)
const allocSteady = await gasOf(await manager.write.allocateRewardsAcrossAllEscrows())
// 101 running jobs (job 2 has 2 nodes too): 101 jobs x 2 nodes x 1 epoch.
const jobNodes = 101n * 2n
record(
  'allocateRewardsAcrossAllEscrows, 100 jobs x 2 nodes, first payout (new wallets)',
  allocFresh,
  '~6.07M',
  `${allocFresh / jobNodes} per job-node-epoch; 202 wallets written from zero`,
)
record(
  'allocateRewardsAcrossAllEscrows, 100 jobs x 2 nodes, next epoch',
  allocSteady,
  '~6.07M',
  `${allocSteady / jobNodes} per job-node-epoch`,
)

// --- claim -------------------------------------------------------------------------------------------
const claim = await gasOf(
  await manager.write.claimRewardsForNode([nodeAddress(2)], { account: nodeOwner.account }),
)
record('claimRewardsForNode (1 escrow, USDC -> R1 swap)', claim, 'n/a')

// --- pagination over 10,000 active jobs --------------------------------------------------------------
if (!quick) {
  // One oracle makes every submission a consensus, which keeps the setup short.
  await controller.write.removeOracle([oracle2.account.address])
  await controller.write.removeOracle([oracle3.account.address])
  const total = 10_000
  const perBatch = 100
  let firstId = Number(await manager.read.nextJobId())
  for (let b = 0; b < total / perBatch; b++) {
    const reqs = await Promise.all(
      Array.from({ length: perBatch }, (_, i) => request(10_000 + b * perBatch + i)),
    )
    await escrow.write.createJobs([reqs], { account: csp.account })
  }
  for (let i = 0; i < total; i++) {
    const pairIndex = i % 100
    await manager.write.submitNodeUpdate([BigInt(firstId + i), twoNodes(pairIndex + 1)], {
      account: oracle1.account,
    })
  }
  firstId = 0
  await advanceEpochs(1n)
  const pageSize = 600n
  let done = false
  let pages = 0
  let maxPage = 0n
  let sum = 0n
  while (!done) {
    const hash = await manager.write.allocateRewardsAcrossEscrowsPaginated([pageSize], {
      gas: TX_GAS_CAP,
    })
    const g = await gasOf(hash)
    const cursor = await manager.read.getAllocationCursor()
    done = await manager.read.getIsLastEpochAllocated()
    pages++
    sum += g
    if (g > maxPage) maxPage = g
    if (pages > 100) throw new Error(`pagination did not finish (cursor ${cursor})`)
  }
  const active = await manager.read.getActiveJobsCount()
  record(
    `allocateRewardsAcrossEscrowsPaginated(${pageSize}), ${active} active jobs x 2 nodes`,
    `max ${maxPage} per tx`,
    'n/a (single call only)',
    `${pages} transactions, ${sum} total, ${sum / (active * 2n)} per job-node-epoch, cap ${TX_GAS_CAP}`,
  )
  if (maxPage >= TX_GAS_CAP) throw new Error('a page exceeded the transaction gas cap')
}

// --- allocation with a shared node pool (fresh chain) -----------------------------------------------
// Realistic networks run many jobs per node: 100 jobs x 2 nodes drawn from a pool of 10 nodes.
{
  const sys = await deploySystem()
  await sys.manager.write.deployCspEscrow({ account: sys.csp.account })
  const e = sys.escrowAt(await sys.manager.read.ownerToEscrow([sys.csp.account.address]))
  await sys.usdc.write.mint([sys.csp.account.address, 10n ** 15n])
  await sys.usdc.write.approve([e.address, 2n ** 255n], { account: sys.csp.account })
  const last = (await e.read.getCurrentEpoch()) + 40n
  const reqs = Array.from({ length: 100 }, (_, i) => ({
    jobType: 1n,
    projectHash: keccak256(toHex(50_000 + i)),
    lastExecutionEpoch: last,
    numberOfNodesRequested: 2n,
  }))
  await e.write.createJobs([reqs], { account: sys.csp.account })
  for (let i = 0; i < 100; i++) {
    const pairNodes = [sys.nodeAddress((2 * i) % 10), sys.nodeAddress((2 * i + 1) % 10)]
    await sys.manager.write.submitNodeUpdate([BigInt(1 + i), pairNodes], {
      account: sys.oracle1.account,
    })
    await sys.manager.write.submitNodeUpdate([BigInt(1 + i), pairNodes], {
      account: sys.oracle2.account,
    })
  }
  await sys.advanceEpochs(1n)
  const first = await sys.gasOf(await sys.manager.write.allocateRewardsAcrossAllEscrows())
  await sys.advanceEpochs(1n)
  const steady = await sys.gasOf(await sys.manager.write.allocateRewardsAcrossAllEscrows())
  record(
    'allocateRewardsAcrossAllEscrows, 100 jobs x 2 nodes from a pool of 10, first payout',
    first,
    '~6.07M',
    `${first / 200n} per job-node-epoch`,
  )
  record(
    'allocateRewardsAcrossAllEscrows, 100 jobs x 2 nodes from a pool of 10, next epoch',
    steady,
    '~6.07M',
    `${steady / 200n} per job-node-epoch`,
  )
}

// --- print -------------------------------------------------------------------------------------------
const fmt = (v: bigint | string) => (typeof v === 'bigint' ? v.toLocaleString('en-US') : v)
console.log('\n| Operation | Ours (gas) | Ratio1 (gas) | Notes |')
console.log('|---|---:|---:|---|')
for (const r of results) {
  console.log(`| ${r.operation} | ${fmt(r.ours)} | ${r.ratio1} | ${r.note ?? ''} |`)
}
