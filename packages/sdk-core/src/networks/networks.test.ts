import { getAddress } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  defineNetwork,
  getNetwork,
  InvalidEthAddressError,
  InvalidParameterError,
  networks,
  UnknownNetworkError,
} from '../index.js'

describe('getNetwork', () => {
  test('mainnet is Base with Ratio1 addresses and daily epochs', () => {
    const mainnet = getNetwork('mainnet')
    expect(mainnet.chain.id).toBe(8453)
    expect(mainnet.contracts.poaiManager).toBe('0xa8d7FFCE91a888872A9f5431B4Dd6c0c135055c1')
    expect(mainnet.contracts.usdc).toBe('0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913')
    expect(mainnet.epoch).toEqual({ genesis: 1_748_016_000n, length: 86_400n })
    expect(mainnet.deeployApiUrl).toBe('https://deeploy-api.ratio1.ai')
  })

  test('testnet and devnet run on Base Sepolia; devnet has four-hour epochs', () => {
    expect(getNetwork('testnet').chain.id).toBe(84532)
    expect(getNetwork('devnet').chain.id).toBe(84532)
    expect(getNetwork('devnet').epoch).toEqual({ genesis: 1_777_651_200n, length: 14_400n })
    expect(getNetwork('testnet').contracts.poaiManager).toBe(
      '0x68f825aA8fD4Af498c2998F4b165F103080574d4',
    )
  })

  test('localnet is a Hardhat chain with the default deployment addresses and a schedule read from chain', () => {
    const localnet = getNetwork('localnet')
    expect(localnet.chain.id).toBe(31337)
    expect(localnet.chain.contracts?.multicall3?.address).toBe(
      '0xcA11bde05977b3631167028862bE2a173976CA11',
    )
    expect(localnet.epoch).toBeUndefined()
    expect(localnet.contracts.poaiManager).toBe('0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82')
  })

  test('unconfirmed beacon addresses are absent, not guessed, and every address is checksummed', () => {
    for (const network of [networks.mainnet, networks.testnet, networks.devnet])
      expect(network.contracts.cspEscrowBeacon).toBeUndefined()
    for (const network of Object.values(networks)) {
      for (const address of Object.values(network.contracts))
        expect(getAddress(address!)).toBe(address)
    }
  })

  test('every built-in network passes defineNetwork', () => {
    for (const network of Object.values(networks))
      expect(defineNetwork({ ...network })).toEqual(network)
  })

  test('unknown names', () => {
    expect(() => getNetwork('goerli' as never)).toThrow(UnknownNetworkError)
    expect(() => getNetwork('toString' as never)).toThrow(UnknownNetworkError)
    expect(() => getNetwork('goerli' as never)).toThrowErrorMatchingInlineSnapshot(`
      [UnknownNetworkError: Unknown network "goerli": use "mainnet", "testnet", "devnet" or "localnet", or describe your own with defineNetwork().

      Docs: docs/guides/errors.md#unknownnetworkerror
      Version: @ratio1/sdk-core@x.y.z]
    `)
  })
})

describe('defineNetwork', () => {
  test('a custom network built from a built-in one', () => {
    const fork = defineNetwork({
      ...getNetwork('mainnet'),
      name: 'fork',
      deeployApiUrl: 'http://127.0.0.1:3000',
    })
    expect(fork.name).toBe('fork')
    expect(Object.isFrozen(fork)).toBe(true)
  })

  test('rejects malformed values', () => {
    const base = getNetwork('localnet')
    expect(() => defineNetwork({ ...base, contracts: { usdc: '0x1234' } })).toThrow(
      InvalidEthAddressError,
    )
    expect(() => defineNetwork({ ...base, contracts: { usdc: '0x1234' } })).toThrow(
      /contracts\.usdc/,
    )
    expect(() => defineNetwork({ ...base, epoch: { genesis: 0n, length: 0n } })).toThrow(
      /epoch\.length/,
    )
    expect(() => defineNetwork({ ...base, epoch: { genesis: 5 as never, length: 1n } })).toThrow(
      /epoch\.genesis/,
    )
    expect(() => defineNetwork({ ...base, name: '' })).toThrow(InvalidParameterError)
    expect(() => defineNetwork({ ...base, chain: undefined as never })).toThrow(/`chain`/)
    expect(() => defineNetwork({ ...base, deeployApiUrl: 'ftp://x' })).toThrow(/deeployApiUrl/)
  })
})
