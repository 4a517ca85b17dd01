import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  getStorageUpgradeReport,
  type SolcInput,
  type SolcOutput,
  type StorageLayout,
  UpgradeableContract,
  withValidationDefaults,
} from '@openzeppelin/upgrades-core'
import { beforeAll, describe, expect, it } from 'vitest'

// Upgrade safety of the two implementations, offline, from Hardhat's build info:
// 1. OpenZeppelin's validator (the same checks `upgrades.validateImplementation` runs): no
//    constructor state, no selfdestruct/delegatecall, initializers, immutables only where allowed.
// 2. Storage layout against the committed snapshot in test/fixtures/storage-layout/: any change that
//    would corrupt the state of deployed proxies (reordering, retyping, removing, inserting before
//    existing variables) fails. Appending new variables passes. After an intended, compatible layout
//    change, refresh the snapshot with UPDATE_STORAGE_LAYOUT=1.

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const snapshotDir = join(root, 'test/fixtures/storage-layout')
const contracts = {
  CspEscrow: { source: 'contracts/core/CspEscrow.sol', kind: 'beacon' },
  PoAIManager: { source: 'contracts/core/PoAIManager.sol', kind: 'transparent' },
} as const
type Name = keyof typeof contracts

type Artifact = { buildInfoId: string; inputSourceName: string }
type BuildInfo = { solcVersion: string; input: SolcInput }
type BuildInfoOutput = { output: SolcOutput }

function load(name: Name): UpgradeableContract {
  const { source, kind } = contracts[name]
  const artifact = JSON.parse(
    readFileSync(join(root, `artifacts/${source}/${name}.json`), 'utf8'),
  ) as Artifact
  const base = join(root, 'artifacts/build-info', artifact.buildInfoId)
  const info = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as BuildInfo
  const { output } = JSON.parse(readFileSync(`${base}.output.json`, 'utf8')) as BuildInfoOutput
  return new UpgradeableContract(
    `${artifact.inputSourceName}:${name}`,
    info.input,
    output,
    { kind },
    info.solcVersion,
  )
}

/** Strips compiler-run-specific ids so the snapshot only changes when the layout does. */
function normalise(layout: StorageLayout): StorageLayout {
  return JSON.parse(
    JSON.stringify(layout, (key, value) => (key === 'astId' || key === 'src' ? undefined : value)),
  ) as StorageLayout
}

const loaded = {} as Record<Name, UpgradeableContract>

beforeAll(() => {
  const artifact = join(root, 'artifacts/contracts/core/PoAIManager.sol/PoAIManager.json')
  if (!existsSync(artifact)) {
    execFileSync('pnpm', ['exec', 'hardhat', 'build'], { cwd: root, stdio: 'inherit' })
  }
  for (const name of Object.keys(contracts) as Name[]) loaded[name] = load(name)
  if (process.env.UPDATE_STORAGE_LAYOUT === '1') {
    mkdirSync(snapshotDir, { recursive: true })
    for (const name of Object.keys(contracts) as Name[]) {
      writeFileSync(
        join(snapshotDir, `${name}.json`),
        `${JSON.stringify(normalise(loaded[name].layout), null, 2)}\n`,
      )
    }
  }
})

describe.each(Object.keys(contracts) as Name[])('%s', (name) => {
  it('passes the OpenZeppelin upgrade-safety validation', () => {
    const report = loaded[name].getErrorReport()
    expect(report.ok, report.explain(false)).toBe(true)
  })

  it('keeps a storage layout compatible with the committed snapshot', () => {
    const snapshot = JSON.parse(
      readFileSync(join(snapshotDir, `${name}.json`), 'utf8'),
    ) as StorageLayout
    const report = getStorageUpgradeReport(
      snapshot,
      normalise(loaded[name].layout),
      withValidationDefaults({}),
    )
    expect(report.ok, report.explain(false)).toBe(true)
  })

  it('would reject a reordered layout', () => {
    const snapshot = JSON.parse(
      readFileSync(join(snapshotDir, `${name}.json`), 'utf8'),
    ) as StorageLayout
    const current = normalise(loaded[name].layout)
    const [first, second, ...rest] = current.storage
    if (!first || !second) throw new Error('layout too small for this check')
    // Swap the first two variables' labels and types, keeping the slots: a reordering.
    const swapped: StorageLayout = {
      ...current,
      storage: [
        { ...first, label: second.label, type: second.type },
        { ...second, label: first.label, type: first.type },
        ...rest,
      ],
    }
    const report = getStorageUpgradeReport(snapshot, swapped, withValidationDefaults({}))
    expect(report.ok).toBe(false)
  })
})
