/**
 * The published version of `@ratio1/sdk-oracle`; rewritten by `pnpm version-packages`.
 *
 * @example
 * ```ts
 * import { version } from '@ratio1/sdk-oracle'
 * console.log(`r1-oracle ${version}`)
 * ```
 */
export const version = '0.0.0'
