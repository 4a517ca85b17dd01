import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', server: 'src/server/index.ts', bin: 'src/bin.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', server: 'src/server/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node22',
  splitting: false,
  treeshake: true,
})
