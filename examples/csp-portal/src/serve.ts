import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build, preview } from 'vite'
import { portalProxy } from '../vite.config.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export type StartPortalParameters = {
  /** The chain's JSON-RPC URL, proxied at `/rpc`. */
  rpcUrl: string
  /** An oracle's Deeploy API, proxied at `/deeploy`. */
  deeployUrl: string
  /** @default 5173; 0 picks a free port */
  port?: number | undefined
  /** Where the build goes. @default `<package>/dist` */
  outDir?: string | undefined
}
export type StartPortalReturnType = { url: string; close(): Promise<void> }

/**
 * Builds the portal with Vite and serves the build on 127.0.0.1, proxying `/rpc` to the chain and
 * `/deeploy` to the oracle so that the page talks to its own origin only.
 *
 * @example
 * ```ts
 * const portal = await startPortal({ rpcUrl: 'http://127.0.0.1:8545', deeployUrl: 'http://127.0.0.1:3001' })
 * console.log(portal.url)
 * ```
 */
export async function startPortal(
  parameters: StartPortalParameters,
): Promise<StartPortalReturnType> {
  const outDir = parameters.outDir ?? join(root, 'dist')
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port: parameters.port ?? 5173,
      strictPort: parameters.port !== 0,
      proxy: portalProxy(parameters.rpcUrl, parameters.deeployUrl),
    },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('the preview server reported no local URL')
  return { url: url.replace(/\/$/, ''), close: () => server.close() }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      'rpc-url': { type: 'string', default: process.env.PORTAL_RPC_URL ?? 'http://127.0.0.1:8545' },
      'deeploy-url': {
        type: 'string',
        default: process.env.PORTAL_DEEPLOY_URL ?? 'http://127.0.0.1:3001',
      },
      port: { type: 'string', default: '5173' },
    },
  })
  const portal = await startPortal({
    rpcUrl: values['rpc-url'],
    deeployUrl: values['deeploy-url'],
    port: Number(values.port),
  })
  process.stdout.write(
    `CSP portal on ${portal.url} (chain ${values['rpc-url']}, Deeploy API ${values['deeploy-url']})\n`,
  )
}
