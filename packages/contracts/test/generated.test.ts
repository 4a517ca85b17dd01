import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import hre from 'hardhat'
import { toFunctionSelector } from 'viem'
import { describe, expect, test } from 'vitest'
import { readContracts, renderGeneratedSources, toIdentifier } from '../scripts/abi-codegen.ts'
import * as abis from '../src/abis.js'
import * as artifacts from '../src/artifacts.js'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const artifactsDir = join(packageDir, 'artifacts')

describe('generated ABIs and artifacts', () => {
  test('match a fresh build (run `pnpm --filter @ratio1/contracts build` when this fails)', async () => {
    await hre.tasks.getTask('build').run({ noTests: true, quiet: true })
    // Name the contracts that changed first: a whole-file diff of 200 kB says little.
    const changed = readContracts(artifactsDir)
      .filter((c) => {
        const abi = (abis as Record<string, unknown>)[`${c.identifier}Abi`]
        const artifact = (artifacts as Record<string, { bytecode: string } | undefined>)[
          `${c.identifier}Artifact`
        ]
        return (
          JSON.stringify(abi) !== JSON.stringify(c.abi) ||
          (c.bytecode !== '0x' && artifact?.bytecode !== c.bytecode)
        )
      })
      .map((c) => `${c.sourceName}:${c.contractName}`)
    expect(changed, 'contracts whose generated ABI or bytecode is stale').toEqual([])
    const fresh = renderGeneratedSources(artifactsDir)
    for (const [file, text] of Object.entries(fresh)) {
      const committed = readFileSync(join(packageDir, 'src', file), 'utf8')
      expect(committed, `src/${file} is stale`).toBe(text)
    }
  })

  test('cover every deployable contract with its bytecode and every contract with its ABI', () => {
    const contracts = readContracts(artifactsDir)
    const abiNames = Object.keys(abis).sort()
    expect(abiNames).toEqual(contracts.map((c) => `${c.identifier}Abi`).sort())
    const deployable = contracts.filter((c) => c.bytecode !== '0x')
    expect(Object.keys(artifacts).sort()).toEqual(
      deployable.map((c) => `${c.identifier}Artifact`).sort(),
    )
    for (const c of deployable) {
      const artifact = (artifacts as Record<string, { abi: unknown; bytecode: string }>)[
        `${c.identifier}Artifact`
      ]
      expect(artifact?.bytecode).toBe(c.bytecode)
      expect(artifact?.abi).toBe((abis as Record<string, unknown>)[`${c.identifier}Abi`])
    }
  })

  test('the external-dependency interfaces keep the live selectors', () => {
    const selectors = (abi: readonly unknown[]) =>
      (abi as { type: string }[])
        .filter((item) => item.type === 'function')
        .map((item) => toFunctionSelector(item as never))
        .sort()
    expect(selectors(abis.iControllerAbi)).toEqual(['0x125d5d71', '0x40884c52', '0x4ff0876a'])
    expect(selectors(abis.iNdAbi)).toEqual(['0x14773b4f', '0xbd7299be'])
    expect(selectors(abis.iMndAbi)).toEqual(['0x14773b4f'])
    expect(selectors(abis.iBurnContractAbi)).toEqual(['0x42966c68'])
    expect(selectors(abis.iAdoptionOracleAbi)).toEqual(['0xb5283656'])
    expect(selectors(abis.iPoaiManagerRewardsAbi)).toEqual(['0xd4699d3a'])
    expect(selectors(abis.iUniswapV2Router02Abi)).toEqual(
      expect.arrayContaining(['0x38ed1739', '0xd06ca61f', '0xe8e33700', '0xbaa2abde']),
    )
    expect(selectors(abis.iUniswapV2PairAbi)).toEqual(
      expect.arrayContaining(['0x0902f1ac', '0x0dfe1681', '0xd21220a7']),
    )
    // The devnet stand-ins implement the same selectors.
    for (const [iface, impl] of [
      [abis.iControllerAbi, abis.controllerAbi],
      [abis.iNdAbi, abis.ndContractAbi],
      [abis.iMndAbi, abis.mndContractAbi],
      [abis.iBurnContractAbi, abis.burnContractAbi],
      [abis.iAdoptionOracleAbi, abis.adoptionOracleAbi],
      [abis.iUniswapV2Router02Abi, abis.uniswapV2RouterAbi],
      [abis.iUniswapV2PairAbi, abis.uniswapV2PairAbi],
      [abis.iUniswapV2FactoryAbi, abis.uniswapV2FactoryAbi],
    ] as const)
      expect(selectors(impl)).toEqual(expect.arrayContaining(selectors(iface)))
  })
})

describe('toIdentifier', () => {
  test.each([
    ['CspEscrow', false, 'cspEscrow'],
    ['PoAIManager', false, 'poaiManager'],
    ['USDC', false, 'usdc'],
    ['R1', false, 'r1'],
    ['NDContract', false, 'ndContract'],
    ['MNDContract', false, 'mndContract'],
    ['ERC1967Proxy', false, 'erc1967Proxy'],
    ['UniswapV2Router', false, 'uniswapV2Router'],
    ['Multicall3', false, 'multicall3'],
    ['TransparentUpgradeableProxy', false, 'transparentUpgradeableProxy'],
    ['IND', true, 'iNd'],
    ['IMND', true, 'iMnd'],
    ['IController', true, 'iController'],
    ['IR1Burnable', true, 'iR1Burnable'],
    ['IUniswapV2Router02', true, 'iUniswapV2Router02'],
    ['IPoAIManager', true, 'iPoaiManager'],
  ] as const)('%s → %s', (name, isInterface, expected) => {
    expect(toIdentifier(name, isInterface)).toBe(expected)
  })
})
