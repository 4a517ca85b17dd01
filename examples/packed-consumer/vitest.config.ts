import { defineTestConfig } from '@ratio1/test-utils/vitest'

export default defineTestConfig({ test: { testTimeout: 300_000, hookTimeout: 300_000 } })
