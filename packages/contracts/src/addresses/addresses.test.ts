import { getNetwork } from '@ratio1/sdk-core'
import { getAddress } from 'viem'
import { describe, expect, test } from 'vitest'
import { ContractAddressNotKnownError } from '../errors/contracts.js'
import { ratio1Addresses } from './addresses.js'
import { getContractAddress } from './getContractAddress.js'
import type { Ratio1ContractName, Ratio1NetworkName } from './types.js'

const names = Object.keys(ratio1Addresses) as Ratio1NetworkName[]

describe('ratio1Addresses', () => {
  test('records the four networks with their chain ids', () => {
    expect(names).toEqual(['mainnet', 'testnet', 'devnet', 'localnet'])
    expect(names.map((n) => ratio1Addresses[n].chainId)).toEqual([8453, 84532, 84532, 31337])
  })

  test.each(names)('%s: every address is checksummed', (name) => {
    for (const address of Object.values(ratio1Addresses[name].contracts))
      expect(getAddress(address)).toBe(address)
  })

  test.each(names)('%s: agrees with @ratio1/sdk-core where both record an address', (name) => {
    const core = getNetwork(name)
    expect(core.chain.id).toBe(ratio1Addresses[name].chainId)
    const ours: Partial<Record<string, string>> = ratio1Addresses[name].contracts
    for (const [key, address] of Object.entries(core.contracts)) {
      if (address && ours[key]) expect(getAddress(address), `${name}.${key}`).toBe(ours[key])
    }
  })

  test('mainnet carries the deployed core contracts and leaves the unconfirmed beacon out', () => {
    expect(ratio1Addresses.mainnet.contracts.poaiManager).toBe(
      '0xa8d7FFCE91a888872A9f5431B4Dd6c0c135055c1',
    )
    expect('cspEscrowBeacon' in ratio1Addresses.mainnet.contracts).toBe(false)
  })
})

describe('getContractAddress', () => {
  test('returns a recorded address', () => {
    expect(getContractAddress({ network: 'mainnet', contract: 'usdc' })).toBe(
      '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
    )
    expect(getContractAddress({ network: 'localnet', contract: 'poaiManager' })).toBe(
      ratio1Addresses.localnet.contracts.poaiManager,
    )
  })

  test('throws ContractAddressNotKnownError for an address that is not recorded', () => {
    const run = () => getContractAddress({ network: 'testnet', contract: 'burnContract' })
    expect(run).toThrow(ContractAddressNotKnownError)
    try {
      run()
    } catch (error) {
      const e = error as ContractAddressNotKnownError
      expect(e.name).toBe('ContractAddressNotKnownError')
      expect(e.network).toBe('testnet')
      expect(e.contract).toBe('burnContract')
      expect(e.shortMessage).toContain('No address of `burnContract` is known for testnet')
      expect(e.docsPath).toBe('#contractaddressnotknownerror')
    }
  })

  test('every contract name is recorded for the localnet except the live-only ones', () => {
    const liveOnly: Ratio1ContractName[] = [
      'reader',
      'safe',
      'attestationRegistry',
      'oracleRegistry',
    ]
    const all: Ratio1ContractName[] = [
      'poaiManager',
      'poaiManagerImplementation',
      'poaiManagerProxyAdmin',
      'cspEscrowBeacon',
      'cspEscrowImplementation',
      'usdc',
      'r1',
      'controller',
      'nd',
      'mnd',
      'burnContract',
      'adoptionOracle',
      'uniswapV2Factory',
      'uniswapV2Router',
      'uniswapV2Pair',
      'multicall3',
      ...liveOnly,
    ]
    for (const contract of all) {
      const run = () => getContractAddress({ network: 'localnet', contract })
      if (liveOnly.includes(contract)) expect(run).toThrow(ContractAddressNotKnownError)
      else expect(run()).toMatch(/^0x[0-9a-fA-F]{40}$/)
    }
  })
})
