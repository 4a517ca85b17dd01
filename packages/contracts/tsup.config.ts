import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    abis: 'src/abis.ts',
    addresses: 'src/addresses.ts',
    artifacts: 'src/artifacts.ts',
    deploy: 'src/deploy.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Shared chunks keep each ABI in one place across the entry points.
  splitting: true,
  treeshake: true,
  external: ['viem', '@ratio1/sdk-core'],
})
