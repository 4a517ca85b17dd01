import { defineTestConfig } from '@ratio1/test-utils/vitest'

export default defineTestConfig({
  // Vitest runs tests in Vite's server (SSR) environment, which does not read the top-level
  // `resolve.conditions`; without this the workspace packages resolve to their built `dist`.
  ssr: { resolve: { conditions: ['@ratio1/source', 'module', 'node', 'development|production'] } },
  // The end-to-end tests run the whole demo on an in-process chain: a few seconds each.
  test: { testTimeout: 120_000 },
})
