import { defineTestConfig } from '@ratio1/test-utils/vitest'

export default defineTestConfig({
  // Vitest runs tests in Vite's server (SSR) environment, which does not read the top-level
  // `resolve.conditions`; without this the workspace packages resolve to their built `dist`.
  ssr: { resolve: { conditions: ['@ratio1/source', 'module', 'node', 'development|production'] } },
  // One end-to-end test: a chain, an oracle, a Vite build and a browser (about 30 seconds).
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
})
