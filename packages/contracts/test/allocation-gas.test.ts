import { type Address, getAddress, type Hash, keccak256, type PublicClient, toHex } from 'viem'
import { expect, test } from 'vitest'
import {
  advanceEpochs,
  deployRatio1System,
  fundUsdc,
  getCspEscrowContract,
  getRatio1SystemContracts,
  mintNodeLicenses,
} from '../src/deploy.js'
import { createChain } from './fixture.js'

// CI guard for the paginated allocation (the 10,000-job figure comes from `bench:gas`): on a real
// chain, with transaction gasUsed, every page stays under the 16,777,216 transaction gas cap and a
// steady-state epoch costs at most 15,000 gas per job-node. 400 running jobs × 2 nodes (pool of 20).

const TX_GAS_CAP = 16_777_216n
const JOBS = 400
const PAGE = 200n

async function gasOf(publicClient: PublicClient, hash: Hash): Promise<bigint> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  expect(receipt.status).toBe('success')
  return receipt.gasUsed
}

test('paginated allocation: every page under the gas cap, <= 15k gas per job-node-epoch', async () => {
  const { publicClient, walletClients, deployer } = await createChain()
  const oracle = walletClients[1]!
  const csp = walletClients[2]!
  const oracleAddress = getAddress(oracle.account.address)
  const cspAddress = getAddress(csp.account.address)
  // One oracle: every submission is a consensus, which keeps the setup short.
  const system = await deployRatio1System({
    walletClient: deployer,
    publicClient,
    oracles: [oracleAddress],
  })
  const { addresses } = system
  const node = (i: number): Address => getAddress(toHex(0x200000 + i, { size: 20 }))
  await mintNodeLicenses(deployer, {
    registry: addresses.nd,
    to: cspAddress,
    nodes: [oracleAddress],
  })
  const asCsp = getRatio1SystemContracts({ addresses, publicClient, walletClient: csp })
  await gasOf(publicClient, await asCsp.poaiManager.write.deployCspEscrow())
  const escrowAddress = await system.contracts.poaiManager.read.ownerToEscrow([cspAddress])
  const escrow = getCspEscrowContract({ address: escrowAddress, publicClient, walletClient: csp })
  await fundUsdc(deployer, { usdc: addresses.usdc, to: cspAddress, amount: 10n ** 13n })
  await gasOf(publicClient, await asCsp.usdc.write.approve([escrowAddress, 10n ** 13n]))

  const last = (await escrow.read.getCurrentEpoch()) + 40n
  for (let b = 0; b < JOBS / 100; b++) {
    const requests = Array.from({ length: 100 }, (_, i) => ({
      jobType: 1n,
      projectHash: keccak256(toHex(b * 100 + i)),
      lastExecutionEpoch: last,
      numberOfNodesRequested: 2n,
    }))
    await gasOf(publicClient, await escrow.write.createJobs([requests]))
  }
  const asOracle = getRatio1SystemContracts({ addresses, publicClient, walletClient: oracle })
  for (let i = 0; i < JOBS; i++) {
    const pair = [node((2 * i) % 20), node((2 * i + 1) % 20)]
    await gasOf(
      publicClient,
      await asOracle.poaiManager.write.submitNodeUpdate([BigInt(i + 1), pair]),
    )
  }

  const manager = system.contracts.poaiManager
  for (const round of [1, 2]) {
    await advanceEpochs(publicClient, { controller: addresses.controller, epochs: 1n })
    const pages: bigint[] = []
    for (;;) {
      const hash = await manager.write.allocateRewardsAcrossEscrowsPaginated([PAGE])
      pages.push(await gasOf(publicClient, hash))
      if (await manager.read.getIsLastEpochAllocated()) break
      expect(pages.length).toBeLessThan(10)
    }
    expect(pages).toHaveLength(JOBS / Number(PAGE))
    for (const gas of pages) expect(gas).toBeLessThan(TX_GAS_CAP)
    if (round === 2) {
      const perJobNode = pages.reduce((a, b) => a + b, 0n) / BigInt(JOBS * 2)
      expect(perJobNode).toBeLessThanOrEqual(15_000n)
    }
  }
  const job = await escrow.read.getJobDetails([1n])
  expect(job.lastAllocatedEpoch).toBe(2n)
  expect(await escrow.read.virtualWalletBalance([node(0)])).toBeGreaterThan(0n)
})
