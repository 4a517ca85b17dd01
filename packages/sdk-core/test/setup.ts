import { setErrorConfig } from '../src/errors/base.js'

// Snapshots show a fixed version so they do not change with every release.
setErrorConfig({ version: '@ratio1/sdk-core@x.y.z' })
