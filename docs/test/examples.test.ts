import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Every entry point of a package, from the `@ratio1/source` condition of its `exports` map. */
function entryPoints(name: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'))
  return Object.values(manifest.exports as Record<string, unknown>)
    .map((target) =>
      typeof target === 'object' && target
        ? (target as Record<string, string>)['@ratio1/source']
        : undefined,
    )
    .filter((source): source is string => typeof source === 'string' && source.endsWith('.ts'))
    .map((source) => join(root, 'packages', name, source))
}

const checked = ['sdk-core', 'sdk-deeploy', 'contracts', 'sdk-escrow', 'sdk-oracle']

// One program for every checked package: they share sdk-core and viem, which are then parsed once.
let program: ts.Program | undefined
function getProgram(): ts.Program {
  program ??= ts.createProgram(checked.flatMap(entryPoints), {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    customConditions: ['@ratio1/source'],
    noEmit: true,
    skipLibCheck: true,
  })
  return program
}

/** Public exports without an `@example`, split into values (functions, classes, constants) and types. */
function missingExamples(name: string): { values: string[]; types: string[] } {
  const program = getProgram()
  const checker = program.getTypeChecker()
  const values = new Set<string>()
  const types = new Set<string>()
  for (const file of entryPoints(name)) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)
    for (const exported of module ? checker.getExportsOfModule(module) : []) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      const hasExample = symbol.getJsDocTags(checker).some((tag) => tag.name === 'example')
      if (hasExample) continue
      const isValue = (symbol.flags & ts.SymbolFlags.Value) !== 0
      ;(isValue ? values : types).add(exported.name)
    }
  }
  return { values: [...values].sort(), types: [...types].sort() }
}

// Types carry no example of their own (viem style): the function they belong to shows them in use.
describe('every public function, class and constant has a TSDoc @example', () => {
  test.each(checked)('@ratio1/%s', { timeout: 60_000 }, (name) => {
    expect(missingExamples(name).values).toEqual([])
  })
})
