import { advanceEpochs, fundUsdc, mintNodeLicenses } from '@ratio1/contracts/deploy'
import { localnetChain } from '@ratio1/sdk-core'
import {
  allocateRewardsAcrossAllEscrows,
  createJobs,
  deployCspEscrow,
  submitNodeUpdate,
} from '@ratio1/sdk-escrow'
import {
  type SetupDevnetReturnType,
  setupDevnet,
  startHardhatNode,
} from '@ratio1/sdk-oracle/server'
import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  type PublicActions,
  type PublicClient,
  publicActions,
  stringToHex,
  type Transport,
  type WalletClient,
} from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'

/** A wallet client that also reads (what the SDK's write actions take). */
export type NetworkWallet = WalletClient<Transport, Chain, PrivateKeyAccount> &
  PublicActions<Transport, Chain, PrivateKeyAccount>

/**
 * The network the tests run the command line against: `hardhat node` on a loopback port with the
 * Ratio1 system deployed by the contracts' deploy module (through sdk-oracle's `setupDevnet`: two
 * oracles, a CSP with an escrow and USDC, worker nodes licensed to a node operator), and a second CSP
 * (the devnet's spare account) with its own escrow.
 */
export type LocalNetwork = {
  rpcUrl: string
  devnet: SetupDevnetReturnType
  /** The worker nodes' EVM addresses (their ND licences belong to `devnet.nodeOperator`). */
  nodes: Address[]
  publicClient: PublicClient
  wallet(privateKey: Hex): NetworkWallet
  /** The second CSP's escrow. */
  secondEscrow: Address
  /** Buys a job from one of the two CSPs' escrows and returns its id. */
  buyJob(parameters: {
    csp: 'first' | 'second'
    nodes: number
    epochs: number
    jobType?: number
  }): Promise<bigint>
  /** Has both oracles vote `nodes` for the job: consensus starts it. */
  startJob(parameters: { jobId: bigint; nodes: readonly Address[] }): Promise<void>
  /** Moves the chain `epochs` epochs on and has the oracle allocate every finished epoch. */
  allocateAfter(epochs: bigint): Promise<{ credited: bigint; burned: bigint }>
  stop(): Promise<void>
}

function wallet(rpcUrl: string, privateKey: Hex): NetworkWallet {
  return createWalletClient({
    chain: localnetChain,
    transport: http(rpcUrl),
    account: privateKeyToAccount(privateKey),
    pollingInterval: 50,
  }).extend(publicActions)
}

/**
 * Starts the loopback chain and deploys the system on it.
 *
 * @example
 * ```ts
 * const net = await startLocalNetwork({ nodeCount: 2 })
 * await net.stop()
 * ```
 */
export async function startLocalNetwork(parameters: { nodeCount: number }): Promise<LocalNetwork> {
  const node = await startHardhatNode()
  try {
    // Worker nodes only need an address on chain: derive them from fixed seeds.
    const nodes = Array.from(
      { length: parameters.nodeCount },
      (_, i) => privateKeyToAccount(keccak256(stringToHex(`worker-${i + 1}`))).address,
    )
    const devnet = await setupDevnet({ rpcUrl: node.url, oracleCount: 2, nodes })
    const publicClient = createPublicClient({
      chain: localnetChain,
      transport: http(node.url),
      pollingInterval: 50,
    })
    const manager = devnet.addresses.poaiManager
    const oracles = devnet.oracles.map((o) => wallet(node.url, o.privateKey))
    const csp = wallet(node.url, devnet.csp.privateKey)
    const secondCsp = wallet(node.url, devnet.stranger.privateKey)
    // An escrow needs a licence on an oracle node: the second oracle's goes to the second CSP.
    const admin = wallet(node.url, devnet.deployer.privateKey)
    await mintNodeLicenses(admin, {
      registry: devnet.addresses.nd,
      to: secondCsp.account.address,
      nodes: [devnet.oracles[1]!.address],
    })
    await fundUsdc(admin, {
      usdc: devnet.addresses.usdc,
      to: secondCsp.account.address,
      amount: 1_000n * 10n ** 6n,
    })
    const { escrow: secondEscrow } = await deployCspEscrow(secondCsp, { manager })
    return {
      rpcUrl: node.url,
      devnet,
      nodes,
      publicClient: publicClient as PublicClient,
      wallet: (privateKey) => wallet(node.url, privateKey),
      secondEscrow,
      async buyJob({ csp: which, nodes: count, epochs, jobType = 1 }) {
        const { jobIds } = await createJobs(which === 'first' ? csp : secondCsp, {
          manager,
          jobs: [{ jobType, nodes: count, epochs }],
        })
        return jobIds[0]!
      },
      async startJob({ jobId, nodes: jobNodes }) {
        // Two oracles: consensusThresholds(2) needs both proposals.
        let outcome = ''
        for (const oracle of oracles)
          ({ outcome } = await submitNodeUpdate(oracle, { manager, jobId, nodes: jobNodes }))
        if (outcome !== 'reached') throw new Error(`job #${jobId}: consensus ${outcome}`)
      },
      async allocateAfter(epochs) {
        await advanceEpochs(publicClient, { controller: devnet.addresses.controller, epochs })
        const result = await allocateRewardsAcrossAllEscrows(oracles[0]!, { manager })
        return { credited: result.credited, burned: result.burned.usdc }
      },
      stop: () => node.stop(),
    }
  } catch (error) {
    await node.stop()
    throw error
  }
}
