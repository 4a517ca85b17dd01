import { setErrorConfig } from '@ratio1/sdk-core'

// Pin the footer so inline snapshots of error messages do not change with each release.
setErrorConfig({ version: '@ratio1/sdk-deeploy@x.y.z' })
