import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config'

/**
 * The vitest configuration every package shares: workspace packages resolve to their TypeScript sources
 * (the `@ratio1/source` export condition), and a JSON report lands in `.test-results/` for CI's
 * `N passed, N failed` summary. Package-specific settings are merged on top.
 *
 * @example
 * ```ts
 * // packages/<name>/vitest.config.ts
 * import { defineTestConfig } from '@ratio1/test-utils/vitest'
 * export default defineTestConfig({ test: { include: ['src/**\/*.test.ts'] } })
 * ```
 */
export function defineTestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      // Tests run in Vite's server (SSR) mode, whose conditions are set apart from the browser ones; both
      // put the source condition first and keep Vite's defaults after it.
      resolve: { conditions: ['@ratio1/source', 'module', 'browser', 'development|production'] },
      ssr: {
        resolve: { conditions: ['@ratio1/source', 'module', 'node', 'development|production'] },
      },
      test: {
        environment: 'node',
        // Workspace packages are transformed from source like the code under test, so the source
        // condition applies to them too and no build is needed before testing.
        server: { deps: { inline: [/@ratio1\//] } },
        include: ['src/**/*.test.ts'],
        reporters: ['default', 'json'],
        outputFile: { json: './.test-results/vitest.json' },
      },
    }),
    overrides,
  )
}
