import { defineTestConfig } from '@ratio1/test-utils/vitest'

export default defineTestConfig({
  test: {
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Chain tests each start a `hardhat node`; running them one at a time keeps a 2-core machine usable.
    fileParallelism: false,
  },
})
