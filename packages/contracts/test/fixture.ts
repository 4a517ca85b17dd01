import { network } from 'hardhat'
import type { Account, Chain, PublicClient, Transport, WalletClient } from 'viem'

/** The client types Hardhat's viem plugin hands out: chain and account always set. */
export type TestPublicClient = PublicClient<Transport, Chain>
export type TestWalletClient = WalletClient<Transport, Chain, Account>

/** A fresh in-process Hardhat chain with its public client and the default wallet clients. */
export async function createChain(): Promise<{
  publicClient: TestPublicClient
  walletClients: TestWalletClient[]
  deployer: TestWalletClient
}> {
  const { viem } = await network.create()
  const publicClient = (await viem.getPublicClient()) as unknown as TestPublicClient
  const walletClients = (await viem.getWalletClients()) as unknown as TestWalletClient[]
  const deployer = walletClients[0]
  if (!deployer) throw new Error('Hardhat returned no wallet clients')
  return { publicClient, walletClients, deployer }
}
