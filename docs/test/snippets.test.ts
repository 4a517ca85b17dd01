import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const docs = fileURLToPath(new URL('../', import.meta.url))
const guides = join(docs, 'guides')
// Inside node_modules: ignored by git and Biome, and @ratio1/* resolve from docs/node_modules.
const out = join(docs, 'node_modules/.cache/snippets')

type Snippet = { guide: string; line: number; file: string }

function extract(): Snippet[] {
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const snippets: Snippet[] = []
  for (const guide of readdirSync(guides).filter((name) => name.endsWith('.md'))) {
    const text = readFileSync(join(guides, guide), 'utf8')
    for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
      const line = text.slice(0, match.index).split('\n').length
      const file = `${guide.replace(/\.md$/, '')}-${line}.ts`
      // `export {}` makes every block a module, so top-level await and local names are allowed.
      writeFileSync(join(out, file), `${match[1]}\nexport {}\n`)
      snippets.push({ guide, line, file })
    }
  }
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../../tsconfig.base.json',
      // Examples import names to show them and declare inputs they do not all use.
      compilerOptions: { types: ['node'], noUnusedLocals: false, noUnusedParameters: false },
      files: snippets.map((snippet) => snippet.file),
    }),
  )
  return snippets
}

test('every ```ts block of the guides type-checks against the workspace sources', () => {
  const snippets = extract()
  expect(snippets.length).toBeGreaterThan(10)
  let output = ''
  try {
    execFileSync(join(docs, 'node_modules/.bin/tsc'), ['--noEmit', '-p', out], {
      encoding: 'utf8',
      stdio: 'pipe',
    })
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error)
  }
  // Point each diagnostic at the guide and line it came from.
  const errors = output
    .split('\n')
    .filter((line) => /error TS\d+/.test(line))
    .map((line) => {
      const found = snippets.find((snippet) => line.includes(snippet.file))
      return found ? `${found.guide} (block at line ${found.line}): ${line}` : line
    })
  expect(errors).toEqual([])
}, 120_000)
