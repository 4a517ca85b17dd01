import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPublicClient, createWalletClient, getAddress, http } from 'viem'
import { hardhat } from 'viem/chains'
import { afterAll, describe, expect, test } from 'vitest'
import { ratio1Addresses } from '../src/addresses.js'
import { deployRatio1System } from '../src/deploy.js'
import { createChain } from './fixture.js'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
/** A port the OS just handed out, so parallel runs (other packages' nodes) do not collide. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

const recorded = JSON.parse(readFileSync(join(packageDir, 'deployments', 'localnet.json'), 'utf8'))

describe('localnet addresses', () => {
  test('a fresh in-process deployment by the default account matches deployments/localnet.json', async () => {
    const { publicClient, deployer } = await createChain()
    const system = await deployRatio1System({ walletClient: deployer, publicClient })
    expect(system.deployer).toBe(recorded.deployer)
    expect(system.addresses).toEqual(recorded.addresses)
    expect(recorded.chainId).toBe(31_337)
  })

  test('ratio1Addresses.localnet is the recorded deployment', () => {
    expect(ratio1Addresses.localnet.chainId).toBe(recorded.chainId)
    expect(ratio1Addresses.localnet.contracts).toEqual(recorded.addresses)
  })

  describe('over HTTP against `hardhat node`', () => {
    let node: ChildProcess | undefined
    afterAll(() => {
      // The node runs in its own process group; end the whole group, not just the wrapper.
      if (node?.pid) process.kill(-node.pid, 'SIGTERM')
    })

    test('gives the same addresses and a working Multicall3', async () => {
      const port = await freePort()
      const bin = join(packageDir, 'node_modules', '.bin', 'hardhat')
      node = spawn(bin, ['node', '--port', String(port)], {
        cwd: packageDir,
        detached: true,
        stdio: 'ignore',
      })
      const url = `http://127.0.0.1:${port}`
      const publicClient = createPublicClient({ chain: hardhat, transport: http(url) })
      const deadline = Date.now() + 60_000
      for (;;) {
        try {
          await publicClient.getChainId()
          break
        } catch (error) {
          if (Date.now() > deadline) throw error
          await new Promise((resolve) => setTimeout(resolve, 250))
        }
      }
      // `hardhat node` unlocks its default accounts, so a JSON-RPC account signs.
      const walletClient = createWalletClient({
        account: getAddress(recorded.deployer),
        chain: hardhat,
        transport: http(url),
      })
      const system = await deployRatio1System({ walletClient, publicClient })
      expect(system.addresses).toEqual(recorded.addresses)
      expect(system.multicall3Source).toBe('setCode')
      const [decimals, oracles] = await publicClient.multicall({
        multicallAddress: system.addresses.multicall3,
        contracts: [
          {
            address: system.addresses.usdc,
            abi: system.contracts.usdc.abi,
            functionName: 'decimals',
          },
          {
            address: system.addresses.controller,
            abi: system.contracts.controller.abi,
            functionName: 'getOracles',
          },
        ],
        allowFailure: false,
      })
      expect(decimals).toBe(6)
      expect(oracles).toEqual([])
    })
  })
})
