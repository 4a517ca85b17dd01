import { defineTestConfig } from '@ratio1/test-utils/vitest'

export default defineTestConfig({
  test: {
    setupFiles: ['./test/setup.ts'],
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
