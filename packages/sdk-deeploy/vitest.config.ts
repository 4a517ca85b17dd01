import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources through the '@ratio1/source' condition; in
// the node environment Vite reads the SSR conditions, so the condition is listed there too.
const conditions = ['@ratio1/source', 'module', 'node', 'development|production']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@ratio1/source'] } },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    reporters: ['default', 'json'],
    outputFile: { json: './.test-results/vitest.json' },
  },
})
