import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import * as core from '../index.js'

const guide = readFileSync(
  fileURLToPath(new URL('../../../../docs/guides/errors.md', import.meta.url)),
  'utf8',
)
const anchors = new Set(
  [...guide.matchAll(/^#{2,3} (.+)$/gm)].map((match) => `#${match[1]!.trim().toLowerCase()}`),
)

test('every exported error class has a section in the errors guide, where its docsPath points', () => {
  const errorClasses = Object.entries(core).filter(
    ([name, value]) => typeof value === 'function' && name.endsWith('Error'),
  )
  expect(errorClasses.length).toBeGreaterThan(15)
  for (const [name] of errorClasses)
    expect(anchors, `${name} is not documented`).toContain(`#${name.toLowerCase()}`)
})
