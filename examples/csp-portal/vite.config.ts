import { defineConfig } from 'vite'

// `pnpm --filter @ratio1/example-csp-portal start` (src/serve.ts) builds with this file and serves the
// build with the `/rpc` and `/deeploy` proxies; `vite` alone serves the sources the same way, reading
// the chain and oracle URLs from PORTAL_RPC_URL and PORTAL_DEEPLOY_URL.
const rpc = process.env.PORTAL_RPC_URL ?? 'http://127.0.0.1:8545'
const deeploy = process.env.PORTAL_DEEPLOY_URL ?? 'http://127.0.0.1:3001'

export const portalProxy = (rpcUrl: string, deeployUrl: string) => ({
  '/rpc': {
    target: rpcUrl,
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/rpc/, '') || '/',
  },
  '/deeploy': {
    target: deeployUrl,
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/deeploy/, '') || '/',
  },
})

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources: no build of the SDK needed first.
  resolve: { conditions: ['@ratio1/source', 'module', 'browser', 'development|production'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2_000 },
  server: { host: '127.0.0.1', proxy: portalProxy(rpc, deeploy) },
  preview: { host: '127.0.0.1', proxy: portalProxy(rpc, deeploy) },
})
