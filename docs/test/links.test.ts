import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))

function markdownFiles(directory: string, depth = 0): string[] {
  if (depth > 3) return []
  return readdirSync(directory).flatMap((entry) => {
    if (['node_modules', 'dist', '.git', 'api', 'artifacts', 'cache', '.turbo'].includes(entry))
      return []
    const path = join(directory, entry)
    if (statSync(path).isDirectory()) return markdownFiles(path, depth + 1)
    return entry.endsWith('.md') ? [path] : []
  })
}

test('every relative link in the READMEs and guides resolves', () => {
  const broken: string[] = []
  for (const file of markdownFiles(root)) {
    const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '')
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!target || /^[a-z]+:/i.test(target) || target.startsWith('#')) continue
      const path = resolve(dirname(file), target.split('#')[0]!)
      if (!existsSync(path)) broken.push(`${relative(root, file)} → ${target}`)
    }
  }
  expect(broken).toEqual([])
})
