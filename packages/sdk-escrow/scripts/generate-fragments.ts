// Writes src/internal/fragments.ts: the few ABI items `createJobs` needs, copied from
// @ratio1/contracts' generated ABIs, so an app importing only `createJobs` does not bundle the full ABIs.
// `src/internal/fragments.test.ts` fails when the file is out of date: run `pnpm generate:fragments`.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cspEscrowAbi, poaiManagerAbi, usdcAbi } from '@ratio1/contracts/abis'
import { fragmentsSource } from './fragmentsSource.js'

const target = join(dirname(fileURLToPath(import.meta.url)), '../src/internal/fragments.ts')
writeFileSync(target, fragmentsSource({ cspEscrowAbi, poaiManagerAbi, usdcAbi }))
console.log(`wrote ${target}`)
