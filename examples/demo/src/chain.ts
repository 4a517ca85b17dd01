import { localnetChain } from '@ratio1/sdk-core'
import { hardhatMnemonic } from '@ratio1/sdk-oracle/server'
import { createHardhatRuntimeEnvironment } from 'hardhat/hre'
import {
  type Chain,
  createPublicClient,
  createWalletClient,
  custom,
  type Hex,
  type PublicActions,
  type PublicClient,
  publicActions,
  type Transport,
  type WalletClient,
} from 'viem'
import { mnemonicToAccount, type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'

/** A wallet client that also reads (what the SDK's write actions and the deploy module take). */
export type DemoWalletClient = WalletClient<Transport, Chain, PrivateKeyAccount> &
  PublicActions<Transport, Chain, PrivateKeyAccount>

function createDemoWallet(transport: Transport, privateKey: Hex): DemoWalletClient {
  return createWalletClient({
    chain: localnetChain,
    transport,
    account: privateKeyToAccount(privateKey),
    pollingInterval: 10,
  }).extend(publicActions)
}

/** One of Hardhat's default accounts, with its (public, test-only) private key. */
export type DemoAccount = { index: number; address: `0x${string}`; privateKey: Hex }

/** An in-process chain: no port, no child process, gone when the process ends. */
export type InProcessChain = {
  publicClient: PublicClient
  /** A wallet client signing with Hardhat's default account `index`. */
  wallet(account: DemoAccount): DemoWalletClient
  /** Hardhat's default account `index` (the chain funds the first 20 with 10,000 ETH each). */
  account(index: number): DemoAccount
  close(): Promise<void>
}

/**
 * Starts Hardhat's simulated network (EDR) inside this process with an in-memory configuration, and
 * wires viem clients to its EIP-1193 provider. Transactions are mined on send (automine), so every
 * write is final as soon as its receipt is read.
 *
 * @example
 * ```ts
 * const chain = await startInProcessChain()
 * const deployer = chain.wallet(chain.account(0))
 * console.log(await chain.publicClient.getBlockNumber())
 * await chain.close()
 * ```
 */
export async function startInProcessChain(): Promise<InProcessChain> {
  // An inline config: no hardhat.config.ts, no Solidity build, nothing read from disk or the network.
  const hre = await createHardhatRuntimeEnvironment({
    networks: {
      demo: { type: 'edr-simulated', chainId: localnetChain.id, loggingEnabled: false },
    },
  })
  const connection = await hre.network.create('demo')
  const transport = custom(connection.provider)
  const publicClient = createPublicClient({ chain: localnetChain, transport, pollingInterval: 10 })
  const account = (index: number): DemoAccount => {
    const key = mnemonicToAccount(hardhatMnemonic, { addressIndex: index }).getHdKey().privateKey
    if (!key) throw new Error(`Hardhat account #${index} has no private key`)
    const privateKey = `0x${Buffer.from(key).toString('hex')}` as Hex
    return { index, address: privateKeyToAccount(privateKey).address, privateKey }
  }
  return {
    publicClient: publicClient as PublicClient,
    account,
    wallet: (demoAccount) => createDemoWallet(transport, demoAccount.privateKey),
    close: () => connection.close(),
  }
}
