import { network } from 'hardhat'
import { getAddress } from 'viem'
import { expect, test } from 'vitest'
import {
  deployRatio1System,
  getCspEscrowContract,
  getRatio1SystemContracts,
  mintNodeLicenses,
} from '../src/deploy.js'

// The README's quick start, kept runnable.
test('README quick start', async () => {
  const { viem } = await network.create()
  const [deployer, oracle, csp] = await viem.getWalletClients()
  if (!deployer || !oracle || !csp) throw new Error('Hardhat returned too few wallet clients')
  const publicClient = await viem.getPublicClient()

  const system = await deployRatio1System({
    walletClient: deployer,
    publicClient,
    oracles: [oracle.account.address],
  })

  await mintNodeLicenses(deployer, {
    registry: system.addresses.nd,
    to: csp.account.address,
    nodes: [oracle.account.address],
  })
  const asCsp = getRatio1SystemContracts({
    addresses: system.addresses,
    publicClient,
    walletClient: csp,
  })
  await publicClient.waitForTransactionReceipt({
    hash: await asCsp.poaiManager.write.deployCspEscrow(),
  })

  const escrow = getCspEscrowContract({
    address: await system.contracts.poaiManager.read.ownerToEscrow([csp.account.address]),
    publicClient,
    walletClient: csp,
  })
  expect(await escrow.read.getCurrentEpoch()).toBe(1n)
  expect(await escrow.read.cspOwner()).toBe(getAddress(csp.account.address))
})
