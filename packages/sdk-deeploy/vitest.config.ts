import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@ratio1/source'] },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    reporters: ['default', 'json'],
    outputFile: { json: './.test-results/vitest.json' },
  },
})
