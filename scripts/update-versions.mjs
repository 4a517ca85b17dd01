#!/usr/bin/env node
// Run by `pnpm version-packages` after `changeset version`: copies each published package's new version
// from its package.json into the `export const version = '…'` line of its src/version.ts, so errors and
// user agents report the version that was released.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const packagesDir = new URL('../packages/', import.meta.url).pathname
let updated = 0
for (const name of readdirSync(packagesDir)) {
  const manifestPath = join(packagesDir, name, 'package.json')
  const versionPath = join(packagesDir, name, 'src/version.ts')
  if (!existsSync(manifestPath) || !existsSync(versionPath)) continue
  const { version, private: isPrivate } = JSON.parse(readFileSync(manifestPath, 'utf8'))
  if (isPrivate) continue
  const source = readFileSync(versionPath, 'utf8')
  const next = source.replace(
    /export const version = '[^']*'/,
    `export const version = '${version}'`,
  )
  if (next === source && !source.includes(`'${version}'`))
    throw new Error(`${versionPath} has no "export const version = '…'" line to update`)
  if (next !== source) {
    writeFileSync(versionPath, next)
    updated++
    console.log(`${name}: ${version}`)
  }
}
console.log(`${updated} version file(s) updated`)
