import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const guide = readFileSync(join(root, 'docs/guides/errors.md'), 'utf8')
const anchors = new Set(
  [...guide.matchAll(/^#{2,3} (.+)$/gm)].map((match) => `#${match[1]!.trim().toLowerCase()}`),
)

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry)
    if (statSync(path).isDirectory()) return sources(path)
    return entry.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(entry) ? [path] : []
  })
}

// The packages write a docsPath either as a literal ('#classname') or through a small helper that
// lowercases a class name (`anchor('XError')`, `docsAnchor('XError')`); both forms are collected.
const literal = /docsPath:\s*(['"`])(#[^'"`]*)\1/g
const helper = /\b(?:docsAnchor|anchor)\(\s*(['"])(\w+)\1\s*\)/g

const found: { file: string; anchor: string; owner: string | undefined }[] = []
for (const name of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', name, 'src')
  if (!statSync(join(root, 'packages', name)).isDirectory()) continue
  let files: string[]
  try {
    files = sources(src)
  } catch {
    continue
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const classes = [...text.matchAll(/^export class (\w+) extends/gm)]
    // The class a docsPath belongs to is the last one declared above it in the same file.
    const ownerAt = (index: number) => classes.filter((c) => c.index! < index).at(-1)?.[1]
    for (const match of text.matchAll(literal))
      found.push({ file: relative(root, file), anchor: match[2]!, owner: ownerAt(match.index!) })
    for (const match of text.matchAll(helper))
      found.push({
        file: relative(root, file),
        anchor: `#${match[2]!.toLowerCase()}`,
        owner: ownerAt(match.index!),
      })
  }
}

test('the sources declare docsPaths (the scan finds them)', () => {
  expect(found.length).toBeGreaterThan(50)
})

test('every docsPath in packages/*/src has its section in docs/guides/errors.md', () => {
  const missing = found
    .filter(({ anchor }) => !anchors.has(anchor))
    .map(({ file, anchor }) => `${file}: ${anchor}`)
  expect(missing).toEqual([])
})

test("each error class's docsPath is its own section, #<lowercased class name>", () => {
  const elsewhere = found
    .filter(({ owner, anchor }) => owner !== undefined && anchor !== `#${owner.toLowerCase()}`)
    .map(({ file, owner, anchor }) => `${file}: ${owner} → ${anchor}`)
  expect(elsewhere).toEqual([])
})
