import {
  controllerAbi,
  cspEscrowAbi,
  mndContractAbi,
  poaiManagerAbi,
  usdcAbi,
} from '@ratio1/contracts/abis'
import { advanceEpochs } from '@ratio1/contracts/deploy'
import { localnetChain } from '@ratio1/sdk-core'
import {
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  getAddress,
  http,
  keccak256,
  toHex,
  zeroHash,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { allocateRewardsAcrossEscrowsPaginated } from '../src/index.js'
import { account, roles } from './accounts.js'

type Addresses = {
  poaiManager: Address
  controller: Address
  mnd: Address
  usdc: Address
}

/**
 * Builds `count` CSP escrows, each with one running job on `node`, and allocates one epoch, so `node` is
 * owed rewards by every escrow. Transactions are sent without waiting (the chain automines) and with
 * fixed gas, to keep the setup of 100 escrows to a few seconds. Used by the tests and the benchmark.
 */
export async function buildEscrowFleet(parameters: {
  rpcUrl: string
  addresses: Addresses
  count: number
  node: Address
}): Promise<{ escrows: Address[]; jobIds: bigint[] }> {
  const { addresses, count, node } = parameters
  const transport = http(parameters.rpcUrl)
  const publicClient = createPublicClient({ chain: localnetChain, transport })
  const testClient = createTestClient({ chain: localnetChain, transport, mode: 'hardhat' })
  const deployer = createWalletClient({
    chain: localnetChain,
    transport,
    account: account(roles.deployer),
  })
  const oracle = createWalletClient({
    chain: localnetChain,
    transport,
    account: account(roles.oracle),
  })
  const csps = Array.from({ length: count }, (_, i) =>
    createWalletClient({
      chain: localnetChain,
      transport,
      account: privateKeyToAccount(keccak256(toHex(`fleet-csp-${i}`))),
    }),
  )
  const temporary = csps.map((_, i) =>
    getAddress(`0x${(0xf1ee7000 + i).toString(16).padStart(40, '0')}`),
  )
  const price = 100_000n * 30n
  const gas = 1_000_000n

  for (const csp of csps)
    await testClient.setBalance({ address: csp.account.address, value: 10n ** 20n })
  for (const [i, csp] of csps.entries()) {
    await deployer.writeContract({
      address: addresses.controller,
      abi: controllerAbi,
      functionName: 'addOracle',
      args: [temporary[i]!],
      gas,
    })
    await deployer.writeContract({
      address: addresses.mnd,
      abi: mndContractAbi,
      functionName: 'mintLinkedLicense',
      args: [csp.account.address, temporary[i]!],
      gas,
    })
    await csp.writeContract({
      address: addresses.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'deployCspEscrow',
      gas: 3_000_000n,
    })
    await deployer.writeContract({
      address: addresses.controller,
      abi: controllerAbi,
      functionName: 'removeOracle',
      args: [temporary[i]!],
      gas,
    })
    await deployer.writeContract({
      address: addresses.usdc,
      abi: usdcAbi,
      functionName: 'mint',
      args: [csp.account.address, price],
      gas,
    })
  }
  const escrows = (await publicClient.multicall({
    allowFailure: false,
    contracts: csps.map(
      (csp) =>
        ({
          address: addresses.poaiManager,
          abi: poaiManagerAbi,
          functionName: 'ownerToEscrow',
          args: [csp.account.address],
        }) as const,
    ) as never,
  })) as Address[]
  const [firstJobId, epoch] = await publicClient.multicall({
    allowFailure: false,
    contracts: [
      { address: addresses.poaiManager, abi: poaiManagerAbi, functionName: 'nextJobId' },
      { address: addresses.poaiManager, abi: poaiManagerAbi, functionName: 'getCurrentEpoch' },
    ],
  })
  const jobIds = csps.map((_, i) => firstJobId + BigInt(i))
  for (const [i, csp] of csps.entries()) {
    await csp.writeContract({
      address: addresses.usdc,
      abi: usdcAbi,
      functionName: 'approve',
      args: [escrows[i]!, price],
      gas,
    })
    await csp.writeContract({
      address: escrows[i]!,
      abi: cspEscrowAbi,
      functionName: 'createJobs',
      args: [
        [
          {
            jobType: 53n,
            projectHash: zeroHash,
            lastExecutionEpoch: epoch + 30n,
            numberOfNodesRequested: 1n,
          },
        ],
      ],
      gas,
    })
    await oracle.writeContract({
      address: addresses.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'submitNodeUpdate',
      args: [jobIds[i]!, [node]],
      gas,
    })
  }
  await advanceEpochs(publicClient, { controller: addresses.controller, epochs: 1n })
  // 100 escrows' swaps do not fit the 16.7 M per-transaction gas cap: allocate in pages.
  const { completed } = await allocateRewardsAcrossEscrowsPaginated(deployer, {
    manager: addresses.poaiManager,
    maxJobs: 20n,
    gas: 16_000_000n,
  })
  if (!completed) throw new Error('fleet allocation did not complete')
  return { escrows: [...escrows], jobIds }
}
