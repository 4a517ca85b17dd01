import type { Address } from 'viem'
import { createWalletClient, http } from 'viem'
import type { SmartAccount } from 'viem/account-abstraction'
import { privateKeyToAccount } from 'viem/accounts'
import { base } from 'viem/chains'
import { expectTypeOf, test } from 'vitest'
import type { ChainJob, DeeployApp } from '../schemas/deeploy.js'
import { signRequest } from '../signing/signRequest.js'
import { buildGenericApp } from '../templates/buildGenericApp.js'
import { createDeeployClient } from './createDeeployClient.js'

const client = createDeeployClient({ network: 'devnet' })

test('get_apps results are typed, chain integers are bigint', async () => {
  const { apps } = await client.getApps()
  expectTypeOf(apps).toEqualTypeOf<Record<string, DeeployApp>>()
  expectTypeOf<ChainJob['balance']>().toEqualTypeOf<bigint>()
  expectTypeOf<ChainJob['lastExecutionEpoch']>().toEqualTypeOf<bigint>()
})

test('actions take typed parameters', () => {
  // @ts-expect-error jobId is required
  client.scaleUpJobWorkers({ targetNodesCount: 1 })
  // @ts-expect-error unknown network
  createDeeployClient({ network: 'moonnet' })
  expectTypeOf(client.deletePipeline).parameter(0).toHaveProperty('jobId')
})

test('signRequest keeps the payload type and adds the signature fields', async () => {
  const signed = await signRequest({
    account: {} as never,
    requestType: 'get apps',
    payload: { project_id: '0x1' },
  })
  expectTypeOf(signed.project_id).toEqualTypeOf<string>()
  expectTypeOf(signed.EE_ETH_SENDER).toEqualTypeOf<Address>()
})

test('templates return create requests', () => {
  const request = buildGenericApp({
    jobId: 1n,
    jobType: 1,
    alias: 'web',
    image: 'nginx',
    targetNodesCount: 1,
  })
  expectTypeOf(request.job_id).toEqualTypeOf<number>()
  const base = { jobId: 1n, jobType: 1, alias: 'web', image: 'nginx', targetNodesCount: 1 }
  // @ts-expect-error restart policies are an enum
  buildGenericApp({ ...base, restartPolicy: 'sometimes' })
})

test('wallet clients of any chain/transport and smart accounts are accepted', () => {
  const walletClient = createWalletClient({
    account: privateKeyToAccount(`0x${'11'.repeat(32)}`),
    chain: base,
    transport: http(),
  })
  createDeeployClient({ network: 'mainnet', walletClient })
  const injected = createWalletClient({
    account: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
    transport: http(),
  })
  createDeeployClient({ network: 'mainnet', walletClient: injected })
  signRequest({ account: walletClient, requestType: 'get apps', payload: {} })
  const smart = {} as SmartAccount
  createDeeployClient({ network: 'mainnet', account: smart })
})
