import { InvalidParameterError, type InvalidParameterErrorType } from '@ratio1/sdk-core'
import ky, { isHTTPError, isNetworkError, isTimeoutError } from 'ky'
import * as z from 'zod/mini'
import { HttpRequestError, ResponseValidationError, TimeoutError } from '../errors/request.js'
import { formatIssues } from '../internal/issues.js'
import { redactText } from '../internal/redact.js'
import { CloudflareApiError } from './errors.js'

export type CreateCloudflareClientParameters = {
  /**
   * The CSP's own Cloudflare API token (Account › Cloudflare Tunnel › Edit, Zone › DNS › Edit). It is
   * only ever sent to Cloudflare's API, in the `Authorization` header, and is redacted from errors.
   */
  apiToken: string
  accountId: string
  /** The zone of the hostnames (needed for DNS records). */
  zoneId?: string | undefined
  /** @default 'https://api.cloudflare.com/client/v4' */
  baseUrl?: string | undefined
  fetch?: typeof globalThis.fetch | undefined
  /** Per-request timeout in ms. @default 30_000 */
  timeout?: number | undefined
  /** Retries of reads on 429/5xx. @default 2 */
  retry?: number | undefined
}

/** A Cloudflare v4 API client; the token is held in a closure, not as a readable property. */
export type CloudflareClient = {
  accountId: string
  zoneId: string | undefined
  baseUrl: string
  /** @internal */
  request: <schema extends z.ZodMiniType>(parameters: {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE'
    path: string
    schema: schema
    json?: unknown
    searchParams?: Record<string, string | number | boolean>
    signal?: AbortSignal | undefined
  }) => Promise<z.output<schema>>
}
export type CreateCloudflareClientReturnType = CloudflareClient
export type CreateCloudflareClientErrorType = InvalidParameterErrorType

const envelopeSchema = z.looseObject({
  success: z.boolean(),
  errors: z._default(z.array(z.looseObject({ code: z.number(), message: z.string() })), []),
  result: z.unknown(),
})

/**
 * Creates a client for Cloudflare's v4 API with the CSP's own API token, used by the tunnel actions.
 * The token goes only to Cloudflare (not to any Ratio1 service) and never appears in errors: failures
 * carry Cloudflare's error codes and messages with the token text masked.
 *
 * @example
 * ```ts
 * import { createCloudflareClient } from '@ratio1/sdk-deeploy/tunnels'
 * const cloudflare = createCloudflareClient({ apiToken: process.env.CF_TOKEN!, accountId, zoneId })
 * ```
 */
export function createCloudflareClient(
  parameters: CreateCloudflareClientParameters,
): CreateCloudflareClientReturnType {
  const { apiToken, accountId } = parameters
  if (!apiToken || apiToken.length < 8)
    throw new InvalidParameterError({
      field: 'apiToken',
      value: '***',
      rule: 'a Cloudflare API token',
    })
  if (!/^[0-9a-f]{32}$/i.test(accountId))
    throw new InvalidParameterError({
      field: 'accountId',
      value: accountId,
      rule: 'a 32-hex Cloudflare account id',
    })
  if (parameters.zoneId !== undefined && !/^[0-9a-f]{32}$/i.test(parameters.zoneId))
    throw new InvalidParameterError({
      field: 'zoneId',
      value: parameters.zoneId,
      rule: 'a 32-hex Cloudflare zone id',
    })
  const baseUrl = (parameters.baseUrl ?? 'https://api.cloudflare.com/client/v4').replace(/\/+$/, '')
  const timeout = parameters.timeout ?? 30_000
  const secrets = [apiToken]

  const request: CloudflareClient['request'] = async ({
    method,
    path,
    schema,
    json,
    searchParams,
    signal,
  }) => {
    const url = baseUrl + path
    const operation = `${method} ${path}`
    let status: number
    let body: unknown
    try {
      const response = await ky(url, {
        method,
        headers: { authorization: `Bearer ${apiToken}` },
        timeout,
        // HTTP errors must throw for ky to retry them; they are unpacked below.
        throwHttpErrors: true,
        retry:
          method === 'GET'
            ? {
                limit: parameters.retry ?? 2,
                methods: ['get'],
                statusCodes: [429, 500, 502, 503, 504],
              }
            : 0,
        ...(json === undefined ? {} : { json }),
        ...(searchParams ? { searchParams } : {}),
        ...(signal ? { signal } : {}),
        ...(parameters.fetch ? { fetch: parameters.fetch } : {}),
      })
      status = response.status
      body = parseJson(await response.text())
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      // ky's errors hold the Request (and its Authorization header); keep only what is safe.
      if (isHTTPError(error)) {
        status = error.response.status
        body = typeof error.data === 'string' ? parseJson(error.data) : (error.data ?? '')
      } else if (isTimeoutError(error)) throw new TimeoutError({ url, timeout })
      else if (isNetworkError(error) || error instanceof TypeError)
        throw new HttpRequestError({
          url,
          body: redactText(String((error as Error).cause ?? (error as Error).message), secrets),
        })
      else throw error
    }
    if (typeof body === 'string')
      throw new CloudflareApiError({
        operation,
        status,
        errors: [{ code: 0, message: redactText(body.slice(0, 200), secrets) || 'empty response' }],
      })
    const envelope = z.safeParse(envelopeSchema, body)
    if (!envelope.success)
      throw new ResponseValidationError({ url, issues: ['body: not a Cloudflare v4 envelope'] })
    if (!envelope.data.success || status >= 400)
      throw new CloudflareApiError({
        operation,
        status,
        errors: envelope.data.errors.map((e) => ({
          code: e.code,
          message: redactText(e.message, secrets),
        })),
      })
    const parsed = z.safeParse(schema, envelope.data.result)
    if (!parsed.success)
      throw new ResponseValidationError({
        url,
        issues: formatIssues('result', parsed.error),
      })
    return parsed.data
  }

  return { accountId, zoneId: parameters.zoneId, baseUrl, request }
}

/** Parsed JSON, or the text itself when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
