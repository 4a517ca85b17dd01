/**
 * The published version of `@ratio1/sdk-escrow`; rewritten by `pnpm version-packages`.
 *
 * @example
 * ```ts
 * import { version } from '@ratio1/sdk-escrow'
 * console.log(`using @ratio1/sdk-escrow ${version}`)
 * ```
 */
export const version = '0.0.0'
