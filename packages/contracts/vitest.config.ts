import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@ratio1/source'] },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: './.test-results/vitest.json' },
  },
})
