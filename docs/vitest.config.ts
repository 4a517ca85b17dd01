import { defineTestConfig } from '@ratio1/test-utils/vitest'

export default defineTestConfig({ test: { include: ['test/**/*.test.ts'] } })
