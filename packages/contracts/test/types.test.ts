import type { Address } from 'viem'
import { expectTypeOf, test } from 'vitest'
import { cspEscrowAbi, type poaiManagerAbi } from '../src/abis.js'
import { ratio1Addresses } from '../src/addresses.js'
import { cspEscrowArtifact } from '../src/artifacts.js'
import type { DeployRatio1SystemReturnType, Ratio1SystemAddresses } from '../src/deploy.js'
import type { TestPublicClient, TestWalletClient } from './fixture.js'

// Compile-time checks (enforced by `tsc --noEmit`); at run time these are no-ops.
test('generated ABIs are narrow `as const` literals', () => {
  type Names = Extract<(typeof poaiManagerAbi)[number], { type: 'function' }>['name']
  expectTypeOf<'submitNodeUpdate'>().toExtend<Names>()
  expectTypeOf<'deployCspEscrow'>().toExtend<Names>()
  expectTypeOf<'notAFunction'>().not.toExtend<Names>()
  expectTypeOf(cspEscrowArtifact.abi).toEqualTypeOf(cspEscrowAbi)
  expectTypeOf(cspEscrowArtifact.bytecode).toExtend<`0x${string}`>()
})

test('contract handles are typed by the ABI and the clients', () => {
  type System = DeployRatio1SystemReturnType<TestPublicClient, TestWalletClient>
  type Manager = System['contracts']['poaiManager']
  expectTypeOf<ReturnType<Manager['read']['nextJobId']>>().toEqualTypeOf<Promise<bigint>>()
  expectTypeOf<ReturnType<Manager['read']['ownerToEscrow']>>().toEqualTypeOf<Promise<Address>>()
  // With an account and a chain on the wallet client, writes need no options.
  expectTypeOf<Manager['write']['deployCspEscrow']>().toBeCallableWith()
  expectTypeOf<System['addresses']['poaiManager']>().toEqualTypeOf<Address>()
})

test('the localnet record fits a deployment', () => {
  expectTypeOf(ratio1Addresses.localnet.contracts).toExtend<Ratio1SystemAddresses>()
})

test('addresses keep their literal values', () => {
  expectTypeOf(
    ratio1Addresses.mainnet.contracts.poaiManager,
  ).toEqualTypeOf<'0xa8d7FFCE91a888872A9f5431B4Dd6c0c135055c1'>()
  expectTypeOf(ratio1Addresses.localnet.chainId).toEqualTypeOf<31337>()
})
