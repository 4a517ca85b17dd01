import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const workspace = fileURLToPath(new URL('../../../', import.meta.url))

/** Runs pnpm (the one running this process when there is one, else the one on PATH). */
export function pnpm(args: string[], cwd: string): string {
  const execPath = process.env.npm_execpath
  const [command, prefix] =
    execPath && /pnpm/.test(execPath) && execPath.endsWith('.cjs')
      ? [process.execPath, [execPath]]
      : ['pnpm', []]
  return execFileSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' })
}

/** The version a package's devDependency is pinned to in the workspace catalog. */
export function catalogVersion(name: string): string {
  const catalog = readFileSync(join(workspace, 'pnpm-workspace.yaml'), 'utf8')
  const match = new RegExp(`^\\s+"?${name.replace('/', '\\/')}"?:\\s*(\\S+)$`, 'm').exec(catalog)
  if (!match) throw new Error(`${name} is not in the workspace catalog`)
  return match[1]!
}

/**
 * Packs the given workspace packages (which must be built) into `directory/tarballs`, writes a consumer
 * project that depends on the tarballs plus `extraDependencies`, and installs it from pnpm's store without
 * touching the network.
 */
export function packAndInstall(
  directory: string,
  packages: string[],
  extraDependencies: Record<string, string>,
): void {
  const tarballs = join(directory, 'tarballs')
  mkdirSync(tarballs, { recursive: true })
  const dependencies: Record<string, string> = { ...extraDependencies }
  for (const name of packages) {
    const folder = join(workspace, 'packages', name.replace('@ratio1/', ''))
    const before = new Set(readdirSync(tarballs))
    pnpm(['pack', '--pack-destination', tarballs], folder)
    const tarball = readdirSync(tarballs).find((file) => !before.has(file))
    if (!tarball) throw new Error(`pnpm pack produced no tarball for ${name}`)
    dependencies[name] = `file:${join(tarballs, tarball)}`
  }
  const consumer = join(directory, 'consumer')
  mkdirSync(consumer, { recursive: true })
  // Packed packages depend on each other by version; point those ranges at the tarballs too.
  const overrides = Object.fromEntries(packages.map((name) => [name, dependencies[name] as string]))
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, dependencies, pnpm: { overrides } }, null, 2),
  )
  const store = pnpm(['store', 'path'], workspace).trim()
  pnpm(
    [
      'install',
      '--offline',
      '--ignore-workspace',
      '--store-dir',
      store,
      '--config.node-linker=isolated',
    ],
    consumer,
  )
}
