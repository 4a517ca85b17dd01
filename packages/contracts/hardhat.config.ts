import { createRequire } from 'node:module'
import hardhatViem from '@nomicfoundation/hardhat-viem'
import { defineConfig } from 'hardhat/config'

const require = createRequire(import.meta.url)

// The compiler comes from the npm `solc` package (pinned to the same version) so builds never
// download anything.
export default defineConfig({
  plugins: [hardhatViem],
  solidity: {
    version: '0.8.30',
    path: require.resolve('solc/soljson.js'),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
    },
  },
})
