import { expect, test } from 'vitest'

// Adding or removing a public symbol shows up here as a snapshot diff.
test.each(['index', 'abis', 'addresses', 'artifacts', 'deploy'])(
  'export surface of the %s entry point',
  async (entry) => {
    const module = await import(`./${entry}.ts`)
    expect(Object.keys(module).sort()).toMatchSnapshot()
  },
)

test('the root re-exports the same ABI objects as ./abis', async () => {
  const root = await import('./index.js')
  const abis = await import('./abis.js')
  for (const [name, value] of Object.entries(root))
    if (name.endsWith('Abi')) expect(value, name).toBe((abis as Record<string, unknown>)[name])
})
