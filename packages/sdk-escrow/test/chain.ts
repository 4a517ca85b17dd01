import { advanceEpochs, fundUsdc } from '@ratio1/contracts/deploy'
import { localnetChain } from '@ratio1/sdk-core'
import {
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type LocalAccount,
} from 'viem'
import { afterEach, beforeEach, inject } from 'vitest'
import { escrowActions, escrowPublicActions } from '../src/index.js'
import { account, roles } from './accounts.js'

export { countingTransport } from './counting.js'

/** Clients, addresses and helpers on the shared chain; every test runs inside a snapshot. */
export function useChain() {
  const rpcUrl = inject('rpcUrl')
  const addresses = inject('addresses') as Record<string, Address> & {
    poaiManager: Address
    usdc: Address
    r1: Address
    controller: Address
    nd: Address
    mnd: Address
  }
  const escrows = inject('escrows')
  const manager = addresses.poaiManager
  const transport = http(rpcUrl)
  const publicClient = createPublicClient({
    chain: localnetChain,
    transport,
    pollingInterval: 50,
  }).extend(escrowPublicActions({ manager }))
  const testClient = createTestClient({ chain: localnetChain, transport, mode: 'hardhat' })
  const wallet = (index: number, local: LocalAccount = account(index)) =>
    createWalletClient({
      chain: localnetChain,
      transport,
      account: local,
      pollingInterval: 50,
    }).extend(escrowActions({ manager }))
  const deployer = createWalletClient({
    chain: localnetChain,
    transport,
    account: account(roles.deployer),
  })

  let snapshot: `0x${string}` | undefined
  beforeEach(async () => {
    snapshot = await testClient.snapshot()
  })
  afterEach(async () => {
    await testClient.setAutomine(true)
    if (snapshot) await testClient.revert({ id: snapshot })
  })

  return {
    rpcUrl,
    addresses,
    escrows,
    manager,
    publicClient,
    testClient,
    wallet,
    deployer,
    fund: (to: Address, amount: bigint) => fundUsdc(deployer, { usdc: addresses.usdc, to, amount }),
    advanceEpochs: (epochs: bigint) =>
      advanceEpochs(publicClient, { controller: addresses.controller, epochs }),
    increaseTime: async (seconds: number) => {
      await testClient.increaseTime({ seconds })
      await testClient.mine({ blocks: 1 })
    },
  }
}
