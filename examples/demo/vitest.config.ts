import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@ratio1/source'] },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: './.test-results/vitest.json' },
  },
})
