/**
 * The fixed `Request type:` line of the v3 signature for each signed Deeploy endpoint (keyed by path).
 *
 * @example
 * ```ts
 * import { deeployRequestTypes } from '@ratio1/sdk-deeploy'
 * deeployRequestTypes['/scale_up_job_workers'] // 'scale up workers'
 * ```
 */
export const deeployRequestTypes = {
  '/get_apps': 'get apps',
  '/get_preferred_nodes': 'get preferred nodes',
  '/save_preferred_nodes': 'save preferred nodes',
  '/create_pipeline': 'create pipeline',
  '/update_pipeline': 'update pipeline',
  '/scale_up_job_workers': 'scale up workers',
  '/delete_pipeline': 'delete pipeline',
  '/send_instance_command': 'send instance command',
  '/send_app_command': 'send app command',
  '/get_oracle_job_details': 'get oracle job details',
  '/get_r1fs_job_pipeline': 'get r1fs job pipeline',
} as const

/** A signed Deeploy endpoint path. */
export type DeeploySignedPath = keyof typeof deeployRequestTypes
/** The request type a signature is bound to, e.g. `'create pipeline'`. */
export type DeeployRequestType = (typeof deeployRequestTypes)[DeeploySignedPath]

/**
 * Top-level keys left out of the v3 payload hash (signature material and transport-only keys).
 *
 * @example
 * ```ts
 * import { excludedHashKeys } from '@ratio1/sdk-deeploy'
 * excludedHashKeys.includes('EE_HASH') // true: the hash never covers itself
 * ```
 */
export const excludedHashKeys = [
  'address',
  'signature',
  'EE_SIGN',
  'EE_SENDER',
  'EE_HASH',
  'SIGN_CANON_V',
  'EE_ETH_SIGN',
  'EE_ETH_SENDER',
] as const

/**
 * Text the legacy (v2) signature prefixes to the indented JSON.
 *
 * @example
 * ```ts
 * import { buildLegacyRequestMessage, legacyMessagePrefix } from '@ratio1/sdk-deeploy'
 * buildLegacyRequestMessage({ payload: { nonce: '0x1' } }).startsWith(legacyMessagePrefix) // true
 * ```
 */
export const legacyMessagePrefix = 'Please sign this message for Deeploy: '
