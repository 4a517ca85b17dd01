import { version as packageVersion } from '../version.js'

/** Settings every error message is built with. */
export type ErrorConfig = {
  /** Prefix of the `Docs:` line; `docsPath` is appended to it. */
  docsBaseUrl: string
  /**
   * Forces the `Version:` line of every error (e.g. `x.y.z` in snapshot tests). When unset, each error shows
   * the package that threw it.
   */
  version?: string | undefined
}

const errorConfig: ErrorConfig = {
  docsBaseUrl: 'docs/guides/errors.md',
}

/**
 * Changes how error messages render their `Docs:` and `Version:` lines, for example to point at a hosted
 * copy of the guides or to pin the version in snapshot tests.
 *
 * @example
 * ```ts
 * import { setErrorConfig } from '@ratio1/sdk-core'
 * setErrorConfig({ docsBaseUrl: 'https://example.org/ratio1/errors', version: '@ratio1/sdk-core@x.y.z' })
 * ```
 */
export function setErrorConfig(config: Partial<ErrorConfig>): void {
  Object.assign(errorConfig, config)
}

/** Options every error of the family accepts. */
export type BaseErrorParameters = {
  /** The error that led to this one; `walk()` follows it. */
  cause?: unknown
  /** Low-level detail, e.g. the message of the cause. Inherited from a `BaseError` cause when omitted. */
  details?: string | undefined
  /** Anchor in the errors guide, e.g. `#unknownjobtypeerror`. Inherited from a `BaseError` cause when omitted. */
  docsPath?: string | undefined
  /** Extra lines printed between the short message and the footer. */
  metaMessages?: string[] | undefined
  /** Overrides `name`; subclasses set it as a class field instead. */
  name?: string | undefined
  /** The package and version that throws, e.g. `@ratio1/sdk-escrow@1.2.0`; defaults to sdk-core's. */
  version?: string | undefined
}

/** @see BaseError */
export type BaseErrorType = BaseError & { name: 'Ratio1Error' }

/**
 * The root of every error the Ratio1 SDK throws. Its message has the short message first, then any
 * `metaMessages`, then `Docs:`, `Details:` and `Version:` lines, so a stack trace alone says what went
 * wrong and where to read more. `walk()` follows the `cause` chain, including into viem's errors.
 *
 * @example
 * ```ts
 * import { BaseError } from '@ratio1/sdk-core'
 * try {
 *   quoteJob({ jobType: 1, nodes: 5, epochs: 10 })
 * } catch (error) {
 *   if (error instanceof BaseError) console.log(error.shortMessage, error.docsPath)
 * }
 * ```
 */
export class BaseError extends Error {
  override name = 'Ratio1Error'
  /** One sentence: what was wrong and what to do. */
  shortMessage: string
  /** Low-level detail, e.g. the message of the cause. */
  details: string
  /** Anchor in the errors guide. */
  docsPath: string | undefined
  /** Extra context lines. */
  metaMessages: string[] | undefined
  /** The package and version that threw. */
  version: string

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const { cause } = parameters
    const details =
      parameters.details ??
      (cause instanceof BaseError
        ? cause.details
        : cause instanceof Error
          ? ((cause as { shortMessage?: string }).shortMessage ?? cause.message)
          : '')
    const docsPath =
      parameters.docsPath ?? (cause instanceof BaseError ? cause.docsPath : undefined)
    const version =
      errorConfig.version ?? parameters.version ?? `@ratio1/sdk-core@${packageVersion}`

    const message = [
      shortMessage || 'An error occurred.',
      '',
      ...(parameters.metaMessages?.length ? [...parameters.metaMessages, ''] : []),
      ...(docsPath ? [`Docs: ${errorConfig.docsBaseUrl}${docsPath}`] : []),
      ...(details ? [`Details: ${details}`] : []),
      `Version: ${version}`,
    ].join('\n')

    super(message, cause === undefined ? undefined : { cause })
    this.shortMessage = shortMessage
    this.details = details
    this.docsPath = docsPath
    this.metaMessages = parameters.metaMessages
    this.version = version
    if (parameters.name) this.name = parameters.name
  }

  /**
   * Follows the `cause` chain. Without a predicate it returns the deepest error; with one it returns
   * the first error (this one included) for which the predicate holds, or `null`.
   */
  walk(predicate?: (error: unknown) => boolean): unknown {
    return walk(this, predicate)
  }
}

function walk(error: unknown, predicate?: (error: unknown) => boolean): unknown {
  if (predicate?.(error)) return error
  const cause = (error as { cause?: unknown } | null)?.cause
  if (error && typeof error === 'object' && cause !== undefined) return walk(cause, predicate)
  return predicate ? null : error
}
