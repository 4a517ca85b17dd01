/**
 * The published version of `@ratio1/sdk-core`; rewritten by `pnpm version-packages`.
 *
 * @example
 * ```ts
 * import { version } from '@ratio1/sdk-core'
 * console.log(`@ratio1/sdk-core@${version}`)
 * ```
 */
export const version = '0.0.0'
