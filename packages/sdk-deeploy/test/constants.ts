import { privateKeyToAccount } from 'viem/accounts'

/** The spec's public test key (§2.8); never holds funds. */
export const testPrivateKey = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'
export const testAccount = privateKeyToAccount(testPrivateKey)
export const testAddress = '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23'
/** The same key as a Ratio1 node address. */
export const testNodeAddress = '0xai_Ak47ga-cIjTK0J1nnOYDXtE5I0fOZM5AX13NNiKKJd5u'
export const baseUrl = 'https://deeploy.test'
export const oracleUrl = 'https://oracle.test'
