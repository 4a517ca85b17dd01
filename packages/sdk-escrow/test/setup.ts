import { setErrorConfig } from '@ratio1/sdk-core'

// Snapshots show a fixed version so they do not change with every release.
setErrorConfig({ version: '@ratio1/sdk-escrow@x.y.z' })
