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
      resolve: { conditions: ['@ratio1/source'] },
      test: {
        environment: 'node',
        include: ['src/**/*.test.ts'],
        reporters: ['default', 'json'],
        outputFile: { json: './.test-results/vitest.json' },
      },
    }),
    overrides,
  )
}
