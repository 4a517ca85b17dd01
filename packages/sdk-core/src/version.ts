/** The published version of `@ratio1/sdk-core`; rewritten by `pnpm version-packages`. */
export const version = '0.0.0'
