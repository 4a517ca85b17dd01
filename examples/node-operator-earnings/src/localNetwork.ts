import { advanceEpochs } from '@ratio1/contracts/deploy'
import { localnetChain } from '@ratio1/sdk-core'
import { allocateRewardsAcrossAllEscrows, createJobs, submitNodeUpdate } from '@ratio1/sdk-escrow'
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
 * Ratio1 system deployed by the contracts' deploy module (through sdk-oracle's `setupDevnet`: one
 * oracle, a CSP with an escrow and USDC, worker nodes licensed to a node operator).
 */
export type LocalNetwork = {
  rpcUrl: string
  devnet: SetupDevnetReturnType
  /** The worker nodes' EVM addresses (their ND licences belong to `devnet.nodeOperator`). */
  nodes: Address[]
  publicClient: PublicClient
  wallet(privateKey: Hex): NetworkWallet
  /** Buys a job on `nodes`, has the oracle vote it to consensus and returns its id. */
  startJob(parameters: { nodes: readonly Address[]; epochs: number; jobType?: number }): Promise<{
    jobId: bigint
  }>
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
    const devnet = await setupDevnet({ rpcUrl: node.url, oracleCount: 1, nodes })
    const publicClient = createPublicClient({
      chain: localnetChain,
      transport: http(node.url),
      pollingInterval: 50,
    })
    const manager = devnet.addresses.poaiManager
    const oracle = wallet(node.url, devnet.oracles[0]!.privateKey)
    const csp = wallet(node.url, devnet.csp.privateKey)
    return {
      rpcUrl: node.url,
      devnet,
      nodes,
      publicClient: publicClient as PublicClient,
      wallet: (privateKey) => wallet(node.url, privateKey),
      async startJob({ nodes: jobNodes, epochs, jobType = 1 }) {
        const { jobIds } = await createJobs(csp, {
          manager,
          jobs: [{ jobType, nodes: jobNodes.length, epochs }],
        })
        const jobId = jobIds[0]!
        // One oracle is the whole quorum (consensusThresholds(1)), so its vote starts the job.
        const vote = await submitNodeUpdate(oracle, { manager, jobId, nodes: jobNodes })
        if (vote.outcome !== 'reached') throw new Error(`job #${jobId}: consensus ${vote.outcome}`)
        return { jobId }
      },
      async allocateAfter(epochs) {
        await advanceEpochs(publicClient, { controller: devnet.addresses.controller, epochs })
        const result = await allocateRewardsAcrossAllEscrows(oracle, { manager })
        return { credited: result.credited, burned: result.burned.usdc }
      },
      stop: () => node.stop(),
    }
  } catch (error) {
    await node.stop()
    throw error
  }
}
