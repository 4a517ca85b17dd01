import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AbiParameter, toEventSelector, toFunctionSelector } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'

// Compares the compiled ABIs of CspEscrow and PoAIManager with the deployed interface of Ratio1's
// contracts (test/fixtures/deployed-abi.json, derived from the compiler output of the deployed sources):
// every deployed function, event and error must exist unchanged. Additions are allowed.

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

type FixtureParam = {
  type: string
  name: string
  indexed?: boolean
  components?: FixtureParam[]
}
type FixtureFunction = {
  selector: string
  name: string
  signature: string
  stateMutability: string
  inputs: FixtureParam[]
  outputs: FixtureParam[]
}
type FixtureEvent = { topic: string; name: string; signature: string; inputs: FixtureParam[] }
type FixtureError = { selector: string; name: string; signature: string; inputs: FixtureParam[] }
type FixtureContract = {
  functions: FixtureFunction[]
  events: FixtureEvent[]
  errors: FixtureError[]
}
type Fixture = { contracts: Record<'CspEscrow' | 'PoAIManager', FixtureContract> }

type AbiEntry = {
  type: string
  name?: string
  inputs?: readonly AbiParameter[]
  outputs?: readonly AbiParameter[]
  stateMutability?: string
  anonymous?: boolean
}

const fixture = JSON.parse(
  readFileSync(join(root, 'test/fixtures/deployed-abi.json'), 'utf8'),
) as Fixture

function loadAbi(name: 'CspEscrow' | 'PoAIManager'): AbiEntry[] {
  const path = join(root, `artifacts/contracts/core/${name}.sol/${name}.json`)
  return (JSON.parse(readFileSync(path, 'utf8')) as { abi: AbiEntry[] }).abi
}

function canonicalType(p: FixtureParam | AbiParameter): string {
  if (p.type.startsWith('tuple')) {
    const components = ('components' in p ? p.components : undefined) ?? []
    return `(${components.map(canonicalType).join(',')})${p.type.slice('tuple'.length)}`
  }
  return p.type
}

function signatureOf(entry: AbiEntry): string {
  return `${entry.name}(${(entry.inputs ?? []).map(canonicalType).join(',')})`
}

/** Shape of a parameter list that must match exactly: types, tuple component names, indexed flags. */
function shape(params: readonly (FixtureParam | AbiParameter)[], withNames: boolean): unknown[] {
  return params.map((p) => ({
    type: canonicalType(p),
    ...(withNames ? { name: p.name ?? '' } : {}),
    ...('indexed' in p ? { indexed: Boolean(p.indexed) } : {}),
    ...('components' in p && p.components
      ? { components: shape(p.components as readonly FixtureParam[], true) }
      : {}),
  }))
}

/** Every difference between the deployed interface and a compiled ABI, as readable lines. */
export function compareAbi(expected: FixtureContract, abi: readonly AbiEntry[]): string[] {
  const problems: string[] = []
  const functions = abi.filter((e) => e.type === 'function')
  const events = abi.filter((e) => e.type === 'event')
  const errors = abi.filter((e) => e.type === 'error')

  for (const f of expected.functions) {
    const found = functions.find((e) => toFunctionSelector(signatureOf(e)) === f.selector)
    if (!found) {
      problems.push(`missing function ${f.signature} (${f.selector})`)
      continue
    }
    if (found.stateMutability !== f.stateMutability)
      problems.push(`${f.signature}: mutability ${found.stateMutability} != ${f.stateMutability}`)
    const gotOut = JSON.stringify(shape(found.outputs ?? [], true))
    const wantOut = JSON.stringify(shape(f.outputs, true))
    if (gotOut !== wantOut) problems.push(`${f.signature}: outputs ${gotOut} != ${wantOut}`)
    const gotIn = JSON.stringify(shape(found.inputs ?? [], false))
    const wantIn = JSON.stringify(shape(f.inputs, false))
    if (gotIn !== wantIn) problems.push(`${f.signature}: inputs ${gotIn} != ${wantIn}`)
  }
  for (const ev of expected.events) {
    const found = events.find((e) => toEventSelector(signatureOf(e)) === ev.topic)
    if (!found) {
      problems.push(`missing event ${ev.signature} (${ev.topic})`)
      continue
    }
    if (found.anonymous) problems.push(`${ev.signature}: anonymous`)
    const got = JSON.stringify(shape(found.inputs ?? [], true))
    const want = JSON.stringify(shape(ev.inputs, true))
    if (got !== want) problems.push(`${ev.signature}: inputs ${got} != ${want}`)
  }
  for (const er of expected.errors) {
    const found = errors.find((e) => toFunctionSelector(signatureOf(e)) === er.selector)
    if (!found) problems.push(`missing error ${er.signature} (${er.selector})`)
  }
  return problems
}

beforeAll(() => {
  const artifact = join(root, 'artifacts/contracts/core/PoAIManager.sol/PoAIManager.json')
  if (!existsSync(artifact)) {
    execFileSync('pnpm', ['exec', 'hardhat', 'build'], { cwd: root, stdio: 'inherit' })
  }
})

describe('deployed-ABI fixture', () => {
  it.each(['CspEscrow', 'PoAIManager'] as const)('%s selectors match their signatures', (name) => {
    const c = fixture.contracts[name]
    for (const f of c.functions)
      expect(toFunctionSelector(f.signature), f.signature).toBe(f.selector)
    for (const e of c.events) expect(toEventSelector(e.signature), e.signature).toBe(e.topic)
    for (const e of c.errors) expect(toFunctionSelector(e.signature), e.signature).toBe(e.selector)
  })

  it('holds the complete deployed interface', () => {
    const counts = Object.fromEntries(
      Object.entries(fixture.contracts).map(([k, v]) => [
        k,
        [v.functions.length, v.events.length, v.errors.length],
      ]),
    )
    expect(counts).toEqual({ CspEscrow: [36, 16, 2], PoAIManager: [57, 10, 22] })
  })
})

describe('compiled ABI is compatible with the deployed one', () => {
  it.each(['CspEscrow', 'PoAIManager'] as const)('%s', (name) => {
    expect(compareAbi(fixture.contracts[name], loadAbi(name))).toEqual([])
  })

  it('flags a changed indexed flag, output, mutability or a missing entry', () => {
    const abi = loadAbi('CspEscrow').map((e) => structuredClone(e))
    const event = abi.find((e) => e.name === 'JobCreated') as AbiEntry & {
      inputs: { indexed?: boolean }[]
    }
    const first = event.inputs[0]
    if (first) first.indexed = false
    const view = abi.find((e) => e.name === 'getTotalJobsBalance') as AbiEntry & {
      outputs: { type: string }[]
    }
    const out = view.outputs[0]
    if (out) out.type = 'uint256'
    const mut = abi.find((e) => e.name === 'getCurrentEpoch') as AbiEntry
    mut.stateMutability = 'nonpayable'
    const withoutRedeem = abi.filter((e) => e.name !== 'redeemUnusedJob')
    const problems = compareAbi(fixture.contracts.CspEscrow, withoutRedeem)
    expect(problems.some((p) => p.startsWith('JobCreated('))).toBe(true)
    expect(problems.some((p) => p.startsWith('getTotalJobsBalance()'))).toBe(true)
    expect(problems.some((p) => p.startsWith('getCurrentEpoch()'))).toBe(true)
    expect(problems).toContain('missing function redeemUnusedJob(uint256) (0xe34d98ea)')
  })

  it('flags a renamed struct field', () => {
    const abi = loadAbi('PoAIManager').map((e) => structuredClone(e))
    const fn = abi.find((e) => e.name === 'getAllCspsWithOwner') as AbiEntry & {
      outputs: { components: { name: string }[] }[]
    }
    const field = fn.outputs[0]?.components[1]
    if (field) field.name = 'owner'
    expect(compareAbi(fixture.contracts.PoAIManager, abi)).toHaveLength(1)
  })
})
