import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as contracts from '@ratio1/contracts'
import * as core from '@ratio1/sdk-core'
import * as deeploy from '@ratio1/sdk-deeploy'
import * as escrow from '@ratio1/sdk-escrow'
import * as oracle from '@ratio1/sdk-oracle'
import { describe, expect, test } from 'vitest'

const guide = readFileSync(fileURLToPath(new URL('../guides/errors.md', import.meta.url)), 'utf8')
const anchors = new Set(
  [...guide.matchAll(/^#{2,3} (.+)$/gm)].map((match) => `#${match[1]!.trim().toLowerCase()}`),
)

const packages = {
  '@ratio1/sdk-core': core,
  '@ratio1/contracts': contracts,
  '@ratio1/sdk-escrow': escrow,
  '@ratio1/sdk-deeploy': deeploy,
  '@ratio1/sdk-oracle': oracle,
}

function isErrorClass(value: unknown): value is typeof core.BaseError {
  return typeof value === 'function' && value.prototype instanceof core.BaseError
}

describe('the errors guide, where every docsPath points', () => {
  test.each(Object.entries(packages))(
    '%s: every exported error class has a section',
    (name, exports) => {
      const classes = Object.entries(exports).filter(([, value]) => isErrorClass(value))
      const missing = classes
        .map(([exported]) => exported)
        .filter((exported) => !anchors.has(`#${exported.toLowerCase()}`))
      expect(missing, `${name}: add a "### <ClassName>" section to docs/guides/errors.md`).toEqual(
        [],
      )
    },
  )
})
