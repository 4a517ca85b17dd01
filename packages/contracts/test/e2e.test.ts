import {
  type Address,
  getAddress,
  type Hash,
  keccak256,
  type PublicClient,
  parseEventLogs,
  toHex,
} from 'viem'
import { expect, test } from 'vitest'
import {
  advanceEpochs,
  deployRatio1System,
  fundUsdc,
  getCspEscrowContract,
  getRatio1SystemContracts,
  mintNodeLicenses,
} from '../src/deploy.js'
import { cspEscrowAbi } from '../src/generated/abis.js'
import { createChain, type TestWalletClient } from './fixture.js'

async function mined(publicClient: PublicClient, hash: Hash) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  expect(receipt.status).toBe('success')
  return receipt
}

test('a CSP deploys an escrow, buys a job, the oracles start it, rewards are allocated and claimed', async () => {
  const { publicClient, walletClients, deployer } = await createChain()
  const account = (i: number): Address => getAddress(walletClients[i]!.account!.address)
  const as = (client: TestWalletClient) =>
    getRatio1SystemContracts({ addresses: system.addresses, publicClient, walletClient: client })

  const oracles = [account(1), account(2), account(3)]
  const csp = walletClients[4]!
  const nodeOwner = walletClients[5]!
  const nodeA = getAddress('0x000000000000000000000000000000000000a11a')
  const nodeB = getAddress('0x000000000000000000000000000000000000b22b')

  const system = await deployRatio1System({
    walletClient: deployer,
    publicClient,
    epochDuration: 3_600n,
    oracles,
  })
  const { addresses } = system

  // The CSP owns an ND licence whose node is an oracle; the worker nodes belong to another owner.
  await mintNodeLicenses(deployer, { registry: addresses.nd, to: account(4), nodes: [oracles[0]!] })
  await mintNodeLicenses(deployer, {
    registry: addresses.nd,
    to: account(5),
    nodes: [nodeA, nodeB],
  })

  // 1. Deploy the escrow.
  const cspContracts = as(csp)
  await mined(publicClient, await cspContracts.poaiManager.write.deployCspEscrow())
  const escrowAddress = await system.contracts.poaiManager.read.ownerToEscrow([account(4)])
  expect(await system.contracts.poaiManager.read.escrowToOwner([escrowAddress])).toBe(account(4))
  const escrow = getCspEscrowContract({ address: escrowAddress, publicClient, walletClient: csp })
  expect(await escrow.read.cspOwner()).toBe(account(4))

  // 2. Pay for a job: ENTRY (375_000 per node-epoch), 2 nodes, 30 epochs.
  const currentEpoch = await escrow.read.getCurrentEpoch()
  expect(currentEpoch).toBe(1n)
  const price = 375_000n * 2n * 30n
  await fundUsdc(deployer, { usdc: addresses.usdc, to: account(4), amount: price })
  await mined(publicClient, await cspContracts.usdc.write.approve([escrowAddress, price]))
  const projectHash = keccak256(toHex('smoke-project'))
  const created = await mined(
    publicClient,
    await escrow.write.createJobs([
      [
        {
          jobType: 1n,
          projectHash,
          lastExecutionEpoch: currentEpoch + 30n,
          numberOfNodesRequested: 2n,
        },
      ],
    ]),
  )
  const [jobCreated] = parseEventLogs({
    abi: cspEscrowAbi,
    eventName: 'JobCreated',
    logs: created.logs,
  })
  const jobId = jobCreated!.args.jobId
  expect(jobId).toBe(1n)
  expect(await system.contracts.usdc.read.balanceOf([escrowAddress])).toBe(price)

  // 3. Consensus: with 3 oracles the second matching submission applies the node set.
  await mined(
    publicClient,
    await as(walletClients[1]!).poaiManager.write.submitNodeUpdate([jobId, [nodeA, nodeB]]),
  )
  expect(await escrow.read.getJobActiveNodes([jobId])).toEqual([])
  await mined(
    publicClient,
    await as(walletClients[2]!).poaiManager.write.submitNodeUpdate([jobId, [nodeA, nodeB]]),
  )
  expect(await escrow.read.getJobActiveNodes([jobId])).toEqual([nodeA, nodeB])
  const started = await escrow.read.getJobDetails([jobId])
  expect(started.startTimestamp).toBeGreaterThan(0n)
  expect(started.lastAllocatedEpoch).toBe(0n)

  // 4. One epoch later, anyone allocates epoch 1: 15 % is burned, 85 % goes to each node.
  const { epoch } = await advanceEpochs(publicClient, {
    controller: addresses.controller,
    epochs: 1n,
  })
  expect(epoch).toBe(2n)
  const supplyBefore = await system.contracts.r1.read.totalSupply()
  const allocated = await mined(
    publicClient,
    await as(nodeOwner).poaiManager.write.allocateRewardsAcrossAllEscrows(),
  )
  const [burned] = parseEventLogs({
    abi: cspEscrowAbi,
    eventName: 'TokensBurned',
    logs: allocated.logs,
  })
  expect(burned!.args.usdcAmount).toBe(2n * 56_250n)
  expect(burned!.args.r1Amount).toBeGreaterThan(0n)
  expect(await system.contracts.r1.read.totalSupply()).toBe(supplyBefore - burned!.args.r1Amount)
  expect(await escrow.read.virtualWalletBalance([nodeA])).toBe(318_750n)
  expect(await escrow.read.virtualWalletBalance([nodeB])).toBe(318_750n)
  expect(await system.contracts.adoptionOracle.read.totalPoaiVolume()).toBe(750_000n)
  expect(await system.contracts.adoptionOracle.read.cumulativePoaiVolume([1n])).toBe(750_000n)
  const job = await escrow.read.getJobDetails([jobId])
  expect(job.balance).toBe(BigInt(price) - 750_000n)
  expect(job.lastAllocatedEpoch).toBe(1n)

  // ND's getLicenses reports the unclaimed rewards through the manager.
  const licences = await system.contracts.nd.read.getLicenses([account(5)])
  expect(licences.map((l) => l.usdcPoaiRewards)).toEqual([318_750n, 318_750n])
  expect(licences[0]!.r1PoaiRewards).toBeGreaterThan(0n)

  // 5. The ND owner of node A claims: the USDC is swapped to R1 and paid out.
  const quote = licences[0]!.r1PoaiRewards
  await mined(publicClient, await as(nodeOwner).poaiManager.write.claimRewardsForNode([nodeA]))
  expect(await escrow.read.virtualWalletBalance([nodeA])).toBe(0n)
  expect(await escrow.read.virtualWalletBalance([nodeB])).toBe(318_750n)
  expect(await system.contracts.r1.read.balanceOf([account(5)])).toBe(quote)

  // Someone else cannot claim node B.
  await expect(
    as(walletClients[6]!).poaiManager.simulate.claimRewardsForNode([nodeB]),
  ).rejects.toThrow(/NotNodeOwner/)
})
