import { BaseError } from '@ratio1/sdk-core'

/** The oracle's error-code families (spec §3.13); numbers collide, so match the full code. */
export type DeeployErrorCode =
  | 'ERR01_DEEPLOY_GENERIC_ERROR'
  | 'ERR02_DEEPLOY_NODES1'
  | 'ERR03_DEEPLOY_NODES2'
  | 'ERR04_DEEPLOY_NODES3'
  | 'ERR05_DEEPLOY_NODES4'
  | 'ERR09_DEEPLOY_NODES5'
  | 'ERR018_DEEPLOY_NODES6'
  | 'ERR06_DEEPLOY_TARGET_NODE_RESOURCES1'
  | 'ERR07_DEEPLOY_PLUGIN_INSTANCE1'
  | 'ERR08_DEEPLOY_APP1'
  | 'ERR08_DEEPLOY_PAYMENT1'
  | 'ERR09_REQUEST1'
  | 'ERR10_REQUEST2'
  | 'ERR11_REQUEST3'
  | 'ERR12_REQUEST4'
  | 'ERR13_REQUEST5'
  | 'ERR14_REQUEST6'
  | 'ERR15_REQUEST7'
  | 'ERR16_REQUEST8'
  | 'ERR17_REQUEST9'
  | 'ERR18_REQUEST10'
  | 'ERR22_REQUEST11'
  | 'ERR23_REQUEST12'
  | 'ERR24_REQUEST13'
  | 'ERR19_NODETAGS1'
  | 'ERR20_NODETAGS2'
  | 'ERR21_NODETAGS3'
  | 'ERR22_JOB_RESOURCES1'
  | 'ERR23_JOB_RESOURCES2'
  | 'ERR24_JOB_RESOURCES3'
  | 'ERR25_DEEPLOY_PLUGINS1'
  | 'ERR26_DEEPLOY_PLUGINS2'
  | 'ERR27_DEEPLOY_PLUGINS3'
  | 'ERR28_DEEPLOY_DEPENDENCY_TREE1'
  | 'ERR29_DEEPLOY_DEPENDENCY_TREE2'

/**
 * The catalogued codes, for matching and exhaustive handling.
 *
 * @example
 * ```ts
 * import { deeployErrorCodes } from '@ratio1/sdk-deeploy'
 * new Set<string>(deeployErrorCodes).has('ERR08_DEEPLOY_PAYMENT1') // true
 * ```
 */
export const deeployErrorCodes: readonly DeeployErrorCode[] = [
  'ERR01_DEEPLOY_GENERIC_ERROR',
  'ERR02_DEEPLOY_NODES1',
  'ERR03_DEEPLOY_NODES2',
  'ERR04_DEEPLOY_NODES3',
  'ERR05_DEEPLOY_NODES4',
  'ERR09_DEEPLOY_NODES5',
  'ERR018_DEEPLOY_NODES6',
  'ERR06_DEEPLOY_TARGET_NODE_RESOURCES1',
  'ERR07_DEEPLOY_PLUGIN_INSTANCE1',
  'ERR08_DEEPLOY_APP1',
  'ERR08_DEEPLOY_PAYMENT1',
  'ERR09_REQUEST1',
  'ERR10_REQUEST2',
  'ERR11_REQUEST3',
  'ERR12_REQUEST4',
  'ERR13_REQUEST5',
  'ERR14_REQUEST6',
  'ERR15_REQUEST7',
  'ERR16_REQUEST8',
  'ERR17_REQUEST9',
  'ERR18_REQUEST10',
  'ERR22_REQUEST11',
  'ERR23_REQUEST12',
  'ERR24_REQUEST13',
  'ERR19_NODETAGS1',
  'ERR20_NODETAGS2',
  'ERR21_NODETAGS3',
  'ERR22_JOB_RESOURCES1',
  'ERR23_JOB_RESOURCES2',
  'ERR24_JOB_RESOURCES3',
  'ERR25_DEEPLOY_PLUGINS1',
  'ERR26_DEEPLOY_PLUGINS2',
  'ERR27_DEEPLOY_PLUGINS3',
  'ERR28_DEEPLOY_DEPENDENCY_TREE1',
  'ERR29_DEEPLOY_DEPENDENCY_TREE2',
]

/** @see DeeployApiError */
export type DeeployApiErrorType = DeeployApiError & { name: 'DeeployApiError' }

/**
 * The oracle answered `status: "fail"` (HTTP 200). `code` is the catalogued error code when the message
 * starts with one (e.g. `ERR08_DEEPLOY_PAYMENT1`), `undefined` for uncoded errors such as signature or
 * nonce failures; `oracleMessage` is the oracle's text with the code stripped.
 *
 * @example
 * ```ts
 * import { DeeployApiError } from '@ratio1/sdk-deeploy'
 * try { await client.createPipeline(request) } catch (e) {
 *   if (e instanceof DeeployApiError && e.code === 'ERR08_DEEPLOY_PAYMENT1') console.log('job not paid')
 * }
 * ```
 */
export class DeeployApiError extends BaseError {
  override name = 'DeeployApiError'
  /** The catalogued code, when the message carries one. */
  code: DeeployErrorCode | undefined
  /** The oracle's message (code removed). */
  oracleMessage: string
  /** The endpoint path, e.g. `/create_pipeline`. */
  path: string
  /** Alias of the oracle that answered, from `server_info`. */
  serverAlias: string | undefined
  /** The oracle's traceback lines (present when the oracle runs verbose). */
  trace: string[] | undefined
  constructor(parameters: {
    path: string
    error: string
    serverAlias?: string | undefined
    trace?: string[] | undefined
    request?: unknown
  }) {
    const { code, message } = splitErrorCode(parameters.error)
    super(`Deeploy ${parameters.path} failed${code ? ` with ${code}` : ''}: ${message}`, {
      docsPath: '#deeployapierror',
      metaMessages: [
        ...(parameters.serverAlias ? [`Oracle: ${parameters.serverAlias}`] : []),
        ...(parameters.request === undefined
          ? []
          : [`Request (secrets redacted): ${truncate(JSON.stringify(parameters.request))}`]),
      ],
    })
    this.code = code
    this.oracleMessage = message
    this.path = parameters.path
    this.serverAlias = parameters.serverAlias
    this.trace = parameters.trace
  }
}

/** @internal Splits `ERR08_DEEPLOY_PAYMENT1: text` (or `. text`) into code and message. */
export function splitErrorCode(error: string): {
  code: DeeployErrorCode | undefined
  message: string
} {
  const match = /^(ERR\d+_[A-Z0-9_]*[A-Z0-9])(?:[:.]\s*|\s+|$)/.exec(error)
  if (match && (deeployErrorCodes as readonly string[]).includes(match[1]!))
    return { code: match[1] as DeeployErrorCode, message: error.slice(match[0].length) || error }
  return { code: undefined, message: error }
}

/** @see HttpRequestError */
export type HttpRequestErrorType = HttpRequestError & { name: 'HttpRequestError' }

/**
 * The HTTP exchange itself failed: a non-2xx status (422 body validation, 500, 504 when the oracle's
 * plugin did not answer…) or a network failure (`status` undefined).
 *
 * @example
 * ```ts
 * import { HttpRequestError } from '@ratio1/sdk-deeploy'
 * if (error instanceof HttpRequestError && error.status === 504) console.log('oracle busy, try later')
 * ```
 */
export class HttpRequestError extends BaseError {
  override name = 'HttpRequestError'
  status: number | undefined
  url: string
  /** Response body (secrets redacted), when there was one. */
  body: unknown
  constructor(parameters: {
    url: string
    status?: number | undefined
    body?: unknown
    cause?: unknown
  }) {
    const { url, status, body } = parameters
    super(
      status === undefined
        ? `Could not reach ${url}.`
        : `HTTP request to ${url} failed with status ${status}.`,
      {
        cause: parameters.cause,
        docsPath: '#httprequesterror',
        metaMessages: [
          ...(body === undefined ? [] : [`Response body: ${truncate(JSON.stringify(body) ?? '')}`]),
          status === undefined
            ? 'Check the network and the base URL.'
            : status >= 500
              ? 'The oracle failed or is overloaded; reads are retried, writes are not (check the job state before retrying).'
              : 'The request was rejected before the Deeploy plugin saw it.',
        ],
      },
    )
    this.status = status
    this.url = url
    this.body = body
  }
}

/** @see TimeoutError */
export type TimeoutErrorType = TimeoutError & { name: 'TimeoutError' }

/**
 * No response arrived within the timeout. For create, update and scale-up the oracle may still be
 * deploying: read the job (`getApps`) before sending the request again.
 *
 * @example
 * ```ts
 * import { TimeoutError } from '@ratio1/sdk-deeploy'
 * if (error instanceof TimeoutError) console.log(error.timeout)
 * ```
 */
export class TimeoutError extends BaseError {
  override name = 'TimeoutError'
  url: string
  /** The timeout that expired, in milliseconds. */
  timeout: number
  constructor({ url, timeout, cause }: { url: string; timeout: number; cause?: unknown }) {
    super(`No response from ${url} within ${timeout} ms.`, {
      cause,
      docsPath: '#timeouterror',
      metaMessages: [
        'Create, update and scale-up hold the connection up to 600 s; keep their timeout above that (default 620 s).',
      ],
    })
    this.url = url
    this.timeout = timeout
  }
}

/** @see ResponseValidationError */
export type ResponseValidationErrorType = ResponseValidationError & {
  name: 'ResponseValidationError'
}

/**
 * The response does not have the documented shape (not JSON, no `result`, or a field of the wrong type).
 *
 * @example
 * ```ts
 * import { ResponseValidationError } from '@ratio1/sdk-deeploy'
 * if (error instanceof ResponseValidationError) console.log(error.issues)
 * ```
 */
export class ResponseValidationError extends BaseError {
  override name = 'ResponseValidationError'
  url: string
  /** Each problem as `path: message`. */
  issues: string[]
  constructor({ url, issues, cause }: { url: string; issues: string[]; cause?: unknown }) {
    super(`The response from ${url} does not match the expected shape.`, {
      cause,
      docsPath: '#responsevalidationerror',
      metaMessages: issues.slice(0, 10),
    })
    this.url = url
    this.issues = issues
  }
}

function truncate(text: string, max = 2000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
