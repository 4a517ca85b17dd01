// Runs `hardhat test solidity`, streams its output, and writes `.test-results/solidity.json` with the
// counts parsed from the run's summary (`N passing`, `N failing`, `N skipped`).
//
//   node scripts/run-solidity-tests.ts           quick profile (CI)
//   node scripts/run-solidity-tests.ts --deep    deep profile: 10,000 fuzz runs / invariant sequences
//
// Extra arguments are passed to Hardhat (e.g. a test file path or `--grep <pattern>`).
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const deep = args.includes('--deep')
const passThrough = args.filter((a) => a !== '--deep')
const hardhatArgs = [
  'exec',
  'hardhat',
  'test',
  'solidity',
  ...(deep ? ['--test-profile', 'deep'] : []),
  ...passThrough,
]

// Colours would have to be stripped before parsing; Hardhat honours NO_COLOR/FORCE_COLOR=0.
const child = spawn('pnpm', hardhatArgs, {
  cwd: root,
  env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  stdio: ['inherit', 'pipe', 'pipe'],
})

let output = ''
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk)
  output += chunk.toString()
})
child.stderr.on('data', (chunk: Buffer) => {
  process.stderr.write(chunk)
  output += chunk.toString()
})

child.on('close', (code) => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '')
  const count = (label: string): number => {
    const match = plain.match(new RegExp(`^\\s*(\\d+) ${label}\\s*$`, 'm'))
    return match?.[1] ? Number(match[1]) : 0
  }
  const summary = {
    numPassedTests: count('passing'),
    numFailedTests: count('failing'),
    numPendingTests: count('skipped'),
    profile: deep ? 'deep' : 'default',
  }
  // A run that crashed before reporting (compile error, config error) counts as one failure.
  if (code !== 0 && summary.numFailedTests === 0) summary.numFailedTests = 1
  mkdirSync(join(root, '.test-results'), { recursive: true })
  writeFileSync(join(root, '.test-results/solidity.json'), `${JSON.stringify(summary, null, 2)}\n`)
  console.log(
    `solidity: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`,
  )
  process.exit(code !== 0 || summary.numFailedTests > 0 ? 1 : 0)
})
