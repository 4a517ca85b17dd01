import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@ratio1/source'] },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    // One Hardhat chain serves every file; each test reverts to a snapshot, so files run one at a time.
    globalSetup: ['./test/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    reporters: ['default', 'json'],
    outputFile: { json: './.test-results/vitest.json' },
  },
})
