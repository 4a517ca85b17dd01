import { setErrorConfig } from '@ratio1/sdk-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { server } from './msw.js'

// Pin the footer so inline snapshots of error messages do not change with each release.
setErrorConfig({ version: '@ratio1/sdk-deeploy@x.y.z' })

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
