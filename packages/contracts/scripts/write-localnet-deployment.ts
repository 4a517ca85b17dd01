// Deploys the system on a fresh in-process Hardhat chain with the default deployer (Hardhat's first
// default account) and records the addresses in deployments/localnet.json. The addresses only
// depend on the deployer and the order of the deploy module's transactions, so `hardhat node` gives
// the same ones. Run after changing that order, then update `ratio1Addresses.localnet`.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { network } from 'hardhat'
import { deployRatio1System } from '../src/deploy/deployRatio1System.ts'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const { viem } = await network.create()
const [walletClient] = await viem.getWalletClients()
if (!walletClient) throw new Error('Hardhat returned no wallet clients')
const publicClient = await viem.getPublicClient()
const system = await deployRatio1System({ walletClient, publicClient })
const record = {
  network: 'localnet',
  chainId: await publicClient.getChainId(),
  deployer: system.deployer,
  addresses: system.addresses,
}
const file = join(packageDir, 'deployments', 'localnet.json')
writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`)
console.log(`write-localnet-deployment: wrote ${file}`)
