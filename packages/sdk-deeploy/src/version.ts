/**
 * The published version of `@ratio1/sdk-deeploy`; rewritten by `pnpm version-packages`.
 *
 * @example
 * ```ts
 * import { version } from '@ratio1/sdk-deeploy'
 * console.log(`@ratio1/sdk-deeploy@${version}`)
 * ```
 */
export const version = '0.0.0'
