import ky, { isHTTPError, isNetworkError, isTimeoutError, type Options } from 'ky'
import * as z from 'zod/mini'
import {
  DeeployApiError,
  HttpRequestError,
  ResponseValidationError,
  TimeoutError,
} from '../errors/request.js'
import { ResponseSignatureError, SignerUnavailableError } from '../errors/signature.js'
import { formatIssues } from '../internal/issues.js'
import { redact } from '../internal/redact.js'
import { failureSchema } from '../schemas/deeploy.js'
import type { DeeployRequestType } from '../signing/requestTypes.js'
import { signRequest } from '../signing/signRequest.js'
import type { DeeployBaseClient, DeeployCallOptions } from './types.js'

/** Reads are retried with backoff; writes and long polls are never retried blindly. */
export type RequestKind = 'read' | 'write' | 'long-poll'

type SendParameters<schema extends z.ZodMiniType> = {
  method: 'GET' | 'POST'
  url: string
  kind: RequestKind
  schema: schema
  json?: unknown
  searchParams?: Record<string, string | number | boolean | undefined> | undefined
  /** Per-call signal and timeout. */
  options?: DeeployCallOptions | undefined
}

/** @internal Sends one request, maps every failure to the package's errors, validates `result`. */
export async function send<schema extends z.ZodMiniType>(
  client: DeeployBaseClient,
  parameters: SendParameters<schema>,
): Promise<z.output<schema>> {
  const { method, url, kind, schema, options } = parameters
  const timeout =
    options?.timeout ?? (kind === 'long-poll' ? client.longPollTimeout : client.timeout)
  const signals = [client.signal, options?.signal].filter((s): s is AbortSignal => s !== undefined)
  const kyOptions: Options = {
    method,
    timeout,
    retry: kind === 'read' ? readRetry(client, method) : 0,
    throwHttpErrors: true,
    ...(parameters.json === undefined ? {} : { json: parameters.json }),
    ...(parameters.searchParams ? { searchParams: parameters.searchParams } : {}),
    ...(signals.length === 0
      ? {}
      : { signal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) }),
    // Only forward a caller's fetch: ky then reads globalThis.fetch per request, which mocks rely on.
    ...(client.fetch ? { fetch: client.fetch } : {}),
    ...(client.logger
      ? {
          hooks: {
            beforeRetry: [
              ({ retryCount, error }) => {
                const status = isHTTPError(error) ? error.response.status : undefined
                client.logger?.({ type: 'retry', method, url, attempt: retryCount, status })
              },
            ],
          },
        }
      : {}),
  }
  const started = Date.now()
  client.logger?.({
    type: 'request',
    method,
    url,
    ...(parameters.json === undefined ? {} : { body: redact(parameters.json) }),
  })
  let text: string
  let status: number
  try {
    const response = await ky(url, kyOptions)
    status = response.status
    text = await response.text()
  } catch (error) {
    if (signals.some((signal) => signal.aborted)) throw error
    const mapped = mapTransportError(error, url, timeout)
    client.logger?.({ type: 'error', method, url, error: mapped, durationMs: Date.now() - started })
    throw mapped
  }
  client.logger?.({ type: 'response', method, url, status, durationMs: Date.now() - started })

  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (cause) {
    throw new ResponseValidationError({ url, issues: ['body: not JSON'], cause })
  }
  const result =
    typeof body === 'object' && body !== null && 'result' in body
      ? (body as { result: unknown }).result
      : undefined
  if (typeof result !== 'object' || result === null || Array.isArray(result))
    throw new ResponseValidationError({ url, issues: ['result: expected an object'] })

  const failure = z.safeParse(failureSchema(), result)
  if (failure.success)
    throw new DeeployApiError({
      path: new URL(url).pathname,
      error: failure.data.error ?? `status ${failure.data.status} without an error message`,
      serverAlias: failure.data.server_info?.alias,
      trace: failure.data.trace,
      request: failure.data.request === undefined ? undefined : redact(failure.data.request),
    })

  if (client.verifyResponse) {
    const check = client.verifyResponse({ body: text })
    if (!check.valid)
      throw new ResponseSignatureError({
        url,
        reason: check.reason ?? 'invalid',
        sender: check.sender,
      })
  }

  const parsed = z.safeParse(schema, result)
  if (!parsed.success)
    throw new ResponseValidationError({
      url,
      issues: formatIssues('result', parsed.error),
      cause: parsed.error,
    })
  return parsed.data
}

/** @internal Signs `payload` with the client's account and POSTs `{"request": …}` to `path`. */
export async function sendSigned<schema extends z.ZodMiniType>(
  client: DeeployBaseClient,
  parameters: {
    path: string
    requestType: DeeployRequestType
    payload: Record<string, unknown>
    kind: RequestKind
    schema: schema
    options?: DeeployCallOptions | undefined
  },
): Promise<z.output<schema>> {
  if (!client.account)
    throw new SignerUnavailableError({
      reason: `${parameters.path} needs a signed request and the client was created without an account`,
    })
  const request = await signRequest({
    account: client.account,
    requestType: parameters.requestType,
    payload: withoutUndefined(parameters.payload),
    scheme: client.signatureScheme,
    nonce: { skewMarginMs: client.nonceSkewMarginMs },
  })
  return send(client, {
    method: 'POST',
    url: client.baseUrl + parameters.path,
    kind: parameters.kind,
    schema: parameters.schema,
    json: { request },
    options: parameters.options,
  })
}

/** @internal */
export function withoutUndefined(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(payload)) if (value !== undefined) out[key] = value
  return out
}

function readRetry(
  client: DeeployBaseClient,
  method: 'GET' | 'POST',
): NonNullable<Options['retry']> {
  const config = typeof client.retry === 'number' ? { limit: client.retry } : client.retry
  return {
    limit: config.limit ?? 2,
    // Deeploy reads are POSTs (signed bodies); resending the same signed body is safe for them.
    methods: [method.toLowerCase()],
    statusCodes: [408, 429, 500, 502, 503, 504],
    ...(config.delay ? { delay: config.delay } : {}),
    ...(config.backoffLimit === undefined ? {} : { backoffLimit: config.backoffLimit }),
  }
}

// ky's errors carry the Request and the options, including the JSON body with any secrets in it
// (registry passwords, tunnel tokens), so they are never attached as causes; only the low-level
// network error is.
function mapTransportError(error: unknown, url: string, timeout: number): Error {
  if (isTimeoutError(error)) return new TimeoutError({ url, timeout })
  if (isHTTPError(error))
    return new HttpRequestError({
      url,
      status: error.response.status,
      body: error.data === undefined ? undefined : redact(error.data),
    })
  if (isNetworkError(error)) return new HttpRequestError({ url, cause: error.cause })
  if (error instanceof TypeError) return new HttpRequestError({ url, cause: error })
  return error instanceof Error ? error : new HttpRequestError({ url, cause: error })
}
