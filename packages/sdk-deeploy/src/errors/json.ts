import { BaseError } from '@ratio1/sdk-core'

/** @see InvalidJsonValueError */
export type InvalidJsonValueErrorType = InvalidJsonValueError & { name: 'InvalidJsonValueError' }

/**
 * A value cannot be serialized the way the oracle will hash it (bigint, lone surrogate, cycle, or an
 * unserializable value at the top level).
 *
 * @example
 * ```ts
 * import { InvalidJsonValueError, toCanonicalJson } from '@ratio1/sdk-deeploy'
 * try { toCanonicalJson({ id: 1n }) } catch (e) { e instanceof InvalidJsonValueError } // true
 * ```
 */
export class InvalidJsonValueError extends BaseError {
  override name = 'InvalidJsonValueError'
  /** JSON path of the offending value, e.g. `$.plugins[0].ENV`. */
  path: string
  constructor({ path, reason }: { path: string; reason: string }) {
    super(`Cannot serialize the value at ${path}: ${reason}.`, {
      docsPath: '#invalidjsonvalueerror',
      metaMessages: [
        'Requests are hashed over JSON exactly as the oracle re-serializes them; use plain objects, strings, finite numbers, booleans and null.',
      ],
    })
    this.path = path
  }
}

/** @see InvalidJsonTextError */
export type InvalidJsonTextErrorType = InvalidJsonTextError & { name: 'InvalidJsonTextError' }

/**
 * Text given to {@link parseLosslessJson} is not valid JSON.
 *
 * @example
 * ```ts
 * import { InvalidJsonTextError, parseLosslessJson } from '@ratio1/sdk-deeploy'
 * try { parseLosslessJson('{') } catch (e) { e instanceof InvalidJsonTextError } // true
 * ```
 */
export class InvalidJsonTextError extends BaseError {
  override name = 'InvalidJsonTextError'
  /** Character offset where parsing stopped. */
  position: number
  constructor({ position, reason }: { position: number; reason: string }) {
    super(`Invalid JSON at character ${position}: ${reason}.`, {
      docsPath: '#invalidjsontexterror',
    })
    this.position = position
  }
}
