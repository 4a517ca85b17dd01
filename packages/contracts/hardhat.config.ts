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
      // Storage layouts feed the OpenZeppelin upgrade-safety validation (test/upgrade-safety.test.ts).
      outputSelection: { '*': { '*': ['storageLayout'] } },
    },
  },
  test: {
    solidity: {
      // `default` is the quick CI profile; `deep` (`--test-profile deep`, used by `test:deep`) runs
      // at least 10,000 fuzz inputs per fuzz test and 10,000 call sequences per invariant.
      profiles: {
        default: {
          fuzz: { runs: 256 },
          invariant: { runs: 128, depth: 20, failOnRevert: false },
        },
        deep: {
          fuzz: { runs: 10_000 },
          invariant: { runs: 10_000, depth: 15, failOnRevert: false },
        },
      },
    },
  },
})
