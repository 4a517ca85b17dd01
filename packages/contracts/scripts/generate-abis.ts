// Writes src/generated/{abis,artifacts}.ts and the src/{abis,artifacts}.ts entry points from
// Hardhat's artifacts/ (run after `hardhat build`, as the package's `build` script does).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderGeneratedSources } from './abi-codegen.ts'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const srcDir = join(packageDir, 'src')
const sources = renderGeneratedSources(join(packageDir, 'artifacts'))
for (const [name, text] of Object.entries(sources)) {
  mkdirSync(dirname(join(srcDir, name)), { recursive: true })
  writeFileSync(join(srcDir, name), text)
}
console.log(`generate-abis: wrote ${Object.keys(sources).join(', ')} under src/`)
