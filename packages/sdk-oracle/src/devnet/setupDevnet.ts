import { cspEscrowAbi, poaiManagerAbi, usdcAbi } from '@ratio1/contracts/abis'
import {
  deployRatio1System,
  fundUsdc,
  mintNodeLicenses,
  type Ratio1SystemAddresses,
} from '@ratio1/contracts/deploy'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  parseEventLogs,
  publicActions,
  stringToHex,
} from 'viem'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'

/**
 * Hardhat's public development mnemonic: its accounts are funded on every `hardhat node`. Test only.
 *
 * @example
 * ```ts
 * import { mnemonicToAccount } from 'viem/accounts'
 * import { hardhatMnemonic } from '@ratio1/sdk-oracle/server'
 * const deployer = mnemonicToAccount(hardhatMnemonic, { addressIndex: 0 })
 * ```
 */
export const hardhatMnemonic = 'test test test test test test test test test test test junk'

/** A devnet account with its (public, test-only) private key. */
export type DevnetAccount = { address: Address; privateKey: Hex }

export type SetupDevnetParameters = {
  /** JSON-RPC URL of a fresh `hardhat node`. */
  rpcUrl: string
  /** @default 3 */
  oracleCount?: number | undefined
  /** ETH addresses of the worker nodes: each gets an ND licence owned by the node operator account. */
  nodes?: readonly Address[] | undefined
  /** Epoch length in seconds. @default 3_600 */
  epochDuration?: bigint | undefined
  /** USDC minted to the CSP, base units. @default 1_000_000 USDC */
  cspUsdc?: bigint | undefined
}
export type SetupDevnetReturnType = {
  addresses: Ratio1SystemAddresses
  deployer: DevnetAccount
  oracles: DevnetAccount[]
  /** Owns an escrow and USDC, ready to buy jobs. */
  csp: DevnetAccount & { escrow: Address }
  /** Owns the worker nodes' licences. */
  nodeOperator: DevnetAccount
  /** A funded account with no escrow (for "sender without an escrow" checks). */
  stranger: DevnetAccount
  epochDuration: bigint
}

function account(index: number): DevnetAccount {
  const hd = mnemonicToAccount(hardhatMnemonic, { addressIndex: index })
  const privateKey = `0x${Buffer.from(hd.getHdKey().privateKey!).toString('hex')}` as Hex
  return { address: privateKeyToAccount(privateKey).address, privateKey }
}

/**
 * Deploys a whole Ratio1 system on a local chain with the contracts' deploy module and prepares it for
 * oracles: registers the oracle accounts in the Controller, gives the CSP an ND licence on an oracle
 * node (the manager's condition for an escrow), deploys the CSP's escrow and funds it with USDC, and
 * licenses the worker nodes to a node operator. Uses Hardhat's default accounts: deployer #0, oracles
 * #1…#n, CSP #n+1, node operator #n+2, stranger #n+3.
 *
 * @example
 * ```ts
 * import { setupDevnet, startHardhatNode } from '@ratio1/sdk-oracle/server'
 * const node = await startHardhatNode()
 * const devnet = await setupDevnet({ rpcUrl: node.url })
 * console.log(devnet.addresses.poaiManager, devnet.csp.escrow)
 * ```
 */
export async function setupDevnet(
  parameters: SetupDevnetParameters,
): Promise<SetupDevnetReturnType> {
  const oracleCount = parameters.oracleCount ?? 3
  const epochDuration = parameters.epochDuration ?? 3_600n
  const transport = http(parameters.rpcUrl)
  const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 })
  const signer = (a: DevnetAccount) =>
    createWalletClient({
      chain: hardhat,
      transport,
      account: privateKeyToAccount(a.privateKey),
      pollingInterval: 50,
    }).extend(publicActions)

  const deployer = account(0)
  const oracles = Array.from({ length: oracleCount }, (_, i) => account(i + 1))
  const csp = account(oracleCount + 1)
  const nodeOperator = account(oracleCount + 2)
  const stranger = account(oracleCount + 3)
  const admin = signer(deployer)

  const system = await deployRatio1System({
    walletClient: admin,
    publicClient,
    epochDuration,
    oracles: oracles.map((o) => o.address),
  })
  const { addresses } = system
  await mintNodeLicenses(admin, {
    registry: addresses.nd,
    to: csp.address,
    nodes: [oracles[0]!.address],
  })
  if (parameters.nodes?.length)
    await mintNodeLicenses(admin, {
      registry: addresses.nd,
      to: nodeOperator.address,
      nodes: parameters.nodes,
    })
  await fundUsdc(admin, {
    usdc: addresses.usdc,
    to: csp.address,
    amount: parameters.cspUsdc ?? 1_000_000n * 10n ** 6n,
  })
  const cspClient = signer(csp)
  const hash = await cspClient.writeContract({
    address: addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'deployCspEscrow',
  })
  await publicClient.waitForTransactionReceipt({ hash })
  const escrow = await publicClient.readContract({
    address: addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'ownerToEscrow',
    args: [csp.address],
  })
  return {
    addresses,
    deployer,
    oracles,
    csp: { ...csp, escrow },
    nodeOperator,
    stranger,
    epochDuration,
  }
}

export type CreatePaidJobsParameters = {
  rpcUrl: string
  /** The CSP paying (must own `escrow`). */
  csp: DevnetAccount & { escrow: Address }
  usdc: Address
  /** @default 1 (ENTRY) */
  jobType?: bigint | undefined
  /** @default 2 */
  nodes?: bigint | undefined
  /** Paid epochs from now. @default 30 */
  epochs?: bigint | undefined
  /** Jobs to create (in transactions of at most 50). @default 1 */
  count?: number | undefined
  /** @default keccak256('devnet-project') */
  projectHash?: Hex | undefined
}

/**
 * Buys jobs from the CSP's escrow: approves USDC and calls `createJobs`, 50 jobs per transaction.
 * Returns the new job ids.
 *
 * @example
 * ```ts
 * import { createPaidJobs } from '@ratio1/sdk-oracle/server'
 * const [jobId] = await createPaidJobs({ rpcUrl, csp: devnet.csp, usdc: devnet.addresses.usdc })
 * ```
 */
export async function createPaidJobs(parameters: CreatePaidJobsParameters): Promise<bigint[]> {
  const transport = http(parameters.rpcUrl)
  const client = createWalletClient({
    chain: hardhat,
    transport,
    account: privateKeyToAccount(parameters.csp.privateKey),
    pollingInterval: 50,
  }).extend(publicActions)
  const escrow = parameters.csp.escrow
  const jobType = parameters.jobType ?? 1n
  const nodes = parameters.nodes ?? 2n
  const epochs = parameters.epochs ?? 30n
  const count = parameters.count ?? 1
  const projectHash = parameters.projectHash ?? keccak256(stringToHex('devnet-project'))
  const currentEpoch = await client.readContract({
    address: escrow,
    abi: cspEscrowAbi,
    functionName: 'getCurrentEpoch',
  })
  const price = await client.readContract({
    address: escrow,
    abi: cspEscrowAbi,
    functionName: 'getPriceForJobType',
    args: [jobType],
  })
  const total = price * nodes * epochs * BigInt(count)
  const approve = await client.writeContract({
    address: parameters.usdc,
    abi: usdcAbi,
    functionName: 'approve',
    args: [escrow, total],
  })
  await client.waitForTransactionReceipt({ hash: approve })
  const ids: bigint[] = []
  for (let offset = 0; offset < count; offset += 50) {
    const batch = Math.min(50, count - offset)
    const hash = await client.writeContract({
      address: escrow,
      abi: cspEscrowAbi,
      functionName: 'createJobs',
      args: [
        Array.from({ length: batch }, () => ({
          jobType,
          projectHash,
          lastExecutionEpoch: currentEpoch + epochs,
          numberOfNodesRequested: nodes,
        })),
      ],
    })
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`createJobs reverted (${hash})`)
    for (const log of parseEventLogs({
      abi: cspEscrowAbi,
      eventName: 'JobCreated',
      logs: receipt.logs,
    }))
      ids.push(log.args.jobId)
  }
  return ids
}
