import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', tunnels: 'src/tunnels/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: false,
  treeshake: true,
})
