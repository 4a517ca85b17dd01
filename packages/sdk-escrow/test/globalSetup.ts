import { controllerAbi, poaiManagerAbi } from '@ratio1/contracts/abis'
import { deployRatio1System, mintNodeLicenses, registerOracles } from '@ratio1/contracts/deploy'
import { localnetChain } from '@ratio1/sdk-core'
import { createHardhatRuntimeEnvironment } from 'hardhat/hre'
import { createPublicClient, createWalletClient, http } from 'viem'
import type { TestProject } from 'vitest/node'
import { account, nodes, roles } from './accounts.js'

declare module 'vitest' {
  export interface ProvidedContext {
    rpcUrl: string
    addresses: Record<string, `0x${string}`>
    escrows: { csp: `0x${string}`; otherCsp: `0x${string}` }
  }
}

/**
 * Starts Hardhat's simulated network in this process behind a JSON-RPC server on a free loopback port
 * (no child process to clean up), deploys the Ratio1 system once, and gives two CSPs an escrow each.
 * Tests reach it over HTTP, the transport production uses.
 */
export default async function setup(project: TestProject) {
  const hre = await createHardhatRuntimeEnvironment({})
  const server = await hre.network.createServer('default', '127.0.0.1', 0)
  const { port } = await server.listen()
  const rpcUrl = `http://127.0.0.1:${port}`
  const transport = http(rpcUrl)
  const publicClient = createPublicClient({ chain: localnetChain, transport })
  const wallet = (index: number) =>
    createWalletClient({ chain: localnetChain, transport, account: account(index) })
  const deployer = wallet(roles.deployer)
  const oracle = account(roles.oracle).address
  const system = await deployRatio1System({
    walletClient: deployer,
    publicClient,
    oracles: [oracle],
  })
  const { addresses } = system

  // Each CSP needs a licence whose node is an oracle: the first gets an ND licence on the oracle node,
  // the second an MND licence on a temporary oracle that is removed again.
  await mintNodeLicenses(deployer, {
    registry: addresses.nd,
    to: account(roles.csp).address,
    nodes: [oracle],
  })
  const temporary = '0x00000000000000000000000000000000000e5c07' as const
  await registerOracles(deployer, { controller: addresses.controller, oracles: [temporary] })
  await mintNodeLicenses(deployer, {
    registry: addresses.mnd,
    to: account(roles.otherCsp).address,
    nodes: [temporary],
  })
  const escrows = { csp: '0x' as `0x${string}`, otherCsp: '0x' as `0x${string}` }
  for (const [name, index] of [
    ['csp', roles.csp],
    ['otherCsp', roles.otherCsp],
  ] as const) {
    const client = wallet(index)
    const hash = await client.writeContract({
      address: addresses.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'deployCspEscrow',
    })
    await publicClient.waitForTransactionReceipt({ hash })
    escrows[name] = await publicClient.readContract({
      address: addresses.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'ownerToEscrow',
      args: [client.account.address],
    })
  }
  const removed = await deployer.writeContract({
    address: addresses.controller,
    abi: controllerAbi,
    functionName: 'removeOracle',
    args: [temporary],
  })
  await publicClient.waitForTransactionReceipt({ hash: removed })
  // The node owner holds the ND licences of the worker nodes, so it can claim their rewards.
  await mintNodeLicenses(deployer, {
    registry: addresses.nd,
    to: account(roles.nodeOwner).address,
    nodes,
  })

  project.provide('rpcUrl', rpcUrl)
  project.provide('addresses', { ...addresses })
  project.provide('escrows', escrows)
  return async () => {
    await server.close()
  }
}
