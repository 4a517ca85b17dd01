import { HttpResponse, http } from 'msw'
import { describe, expect, test } from 'vitest'
import { baseUrl, oracleUrl, testAccount } from '../../test/constants.js'
import { getAppsResult } from '../../test/fixtures.js'
import { deeployEndpoint, envelope, rawEndpoint, server, signResult } from '../../test/msw.js'
import {
  DeeployApiError,
  deeployErrorCodes,
  HttpRequestError,
  ResponseValidationError,
  TimeoutError,
} from '../errors/request.js'
import { ResponseSignatureError, SignerUnavailableError } from '../errors/signature.js'
import { verifyResponseSignature } from '../signing/verifyResponseSignature.js'
import type { CreatePipelineRequest } from '../types/pipeline.js'
import { createDeeployClient } from './createDeeployClient.js'
import type { DeeployLogEvent } from './types.js'

const fastRetry = { limit: 2, delay: () => 1 }
const client = createDeeployClient({
  baseUrl,
  oracleApiUrl: oracleUrl,
  account: testAccount,
  retry: 0,
})
const request: CreatePipelineRequest = {
  app_alias: 'db',
  job_id: 7,
  target_nodes_count: 1,
  plugins: [
    {
      plugin_signature: 'CONTAINER_APP_RUNNER',
      IMAGE: 'postgres:17',
      ENV: { POSTGRES_PASSWORD: 'hunter2-secret' },
      CLOUDFLARE_TOKEN: 'cf-token-value',
    },
  ],
}

function failWith(path: string, error: string, extra: Record<string, unknown> = {}) {
  return http.post(`${baseUrl}${path}`, () =>
    HttpResponse.json(
      envelope({
        status: 'fail',
        error,
        trace: ['line 1'],
        server_info: { alias: 'oracle-7' },
        ...extra,
      }),
    ),
  )
}

describe('status "fail" becomes DeeployApiError', () => {
  test.each(deeployErrorCodes.map((code, i) => [code, i % 2 === 0 ? ': ' : '. ']))(
    '%s',
    async (code, separator) => {
      server.use(failWith('/get_apps', `${code}${separator}something went wrong`))
      const error = await client.getApps().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DeeployApiError)
      expect(error).toMatchObject({
        code,
        oracleMessage: 'something went wrong',
        path: '/get_apps',
        serverAlias: 'oracle-7',
        trace: ['line 1'],
      })
    },
  )

  test('uncoded oracle errors keep the whole message', async () => {
    // A nonce ahead of the oracle clock is refused by the (mock) oracle's own verifier.
    const ahead = createDeeployClient({ baseUrl, account: testAccount, nonceSkewMarginMs: -60_000 })
    server.use(
      deeployEndpoint({
        path: '/get_apps',
        requestType: 'get apps',
        result: () => getAppsResult([]),
      }),
    )
    const error = (await ahead.getApps().catch((e: unknown) => e)) as DeeployApiError
    expect(error).toBeInstanceOf(DeeployApiError)
    expect(error.code).toBeUndefined()
    expect(error.oracleMessage).toBe('Nonce is invalid(f)!')
  })

  test('the echoed request is redacted in the message', async () => {
    server.use(
      failWith('/create_pipeline', 'ERR13_REQUEST5: IMAGE missing', {
        request: {
          plugins: [
            { ENV: { POSTGRES_PASSWORD: 'hunter2-secret' }, CLOUDFLARE_TOKEN: 'cf-token-value' },
          ],
        },
      }),
    )
    const error = (await client.createPipeline({ request }).catch((e: unknown) => e)) as Error
    expect(error.message).not.toContain('hunter2-secret')
    expect(error.message).not.toContain('cf-token-value')
    expect(error.message).toMatchInlineSnapshot(`
      "Deeploy /create_pipeline failed with ERR13_REQUEST5: IMAGE missing

      Oracle: oracle-7
      Request (secrets redacted): {"plugins":[{"ENV":{"POSTGRES_PASSWORD":"***"},"CLOUDFLARE_TOKEN":"***"}]}

      Docs: docs/guides/errors.md#deeployapierror
      Version: @ratio1/sdk-deeploy@x.y.z"
    `)
  })
})

describe('malformed responses', () => {
  test.each([
    ['not JSON', '<html>bad gateway</html>', /body: not JSON/],
    ['no result', '{"detail":"x"}', /result: expected an object/],
    ['result is an array', '{"result":[]}', /result: expected an object/],
  ])('%s', async (_name, body, issue) => {
    server.use(rawEndpoint({ path: '/get_apps', body }).handler)
    const error = (await client.getApps().catch((e: unknown) => e)) as ResponseValidationError
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error.issues.join('\n')).toMatch(issue)
  })

  test('a result of the wrong shape lists the zod issues', async () => {
    server.use(
      http.post(`${baseUrl}/get_apps`, () =>
        HttpResponse.json(
          envelope({
            status: 'success',
            apps: { '1': { job_id: 'one', pipeline: null, online: {}, chain_job: null } },
            auth: { sender: 'x', nonce: 'y' },
          }),
        ),
      ),
    )
    const error = (await client.getApps().catch((e: unknown) => e)) as ResponseValidationError
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error.issues).toEqual(['result.apps.1.job_id: invalid input, expected number'])
  })

  test('chain_job integers must be decimal strings', async () => {
    const result = getAppsResult([{ id: 3, appId: 'a_1', nodes: [] }])
    ;(result.apps['3']!.chain_job as { balance: string }).balance = '1.5'
    server.use(http.post(`${baseUrl}/get_apps`, () => HttpResponse.json(envelope(result))))
    await expect(client.getApps()).rejects.toBeInstanceOf(ResponseValidationError)
  })
})

describe('transport failures', () => {
  test('a slow oracle raises TimeoutError', async () => {
    server.use(rawEndpoint({ path: '/get_apps', delayMs: 300, body: '{}' }).handler)
    const error = await client.getApps({ timeout: 50 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).timeout).toBe(50)
  })

  test('long polls default to 620 s, other calls to 60 s', () => {
    expect(client.longPollTimeout).toBe(620_000)
    expect(client.timeout).toBe(60_000)
  })

  test('5xx on a read is retried with backoff', async () => {
    const events: DeeployLogEvent[] = []
    const retrying = createDeeployClient({
      baseUrl,
      account: testAccount,
      retry: fastRetry,
      logger: (event) => events.push(event),
    })
    const { handler, calls } = rawEndpoint({
      path: '/get_apps',
      status: 503,
      body: '{"detail":"busy"}',
    })
    server.use(handler)
    const error = (await retrying.getApps().catch((e: unknown) => e)) as HttpRequestError
    expect(error).toBeInstanceOf(HttpRequestError)
    expect(error.status).toBe(503)
    expect(calls.count).toBe(3)
    expect(events.filter((e) => e.type === 'retry')).toMatchObject([
      { attempt: 1, status: 503 },
      { attempt: 2, status: 503 },
    ])
  })

  test('a read that recovers after a 502 succeeds', async () => {
    const retrying = createDeeployClient({ baseUrl, account: testAccount, retry: fastRetry })
    let calls = 0
    server.use(
      http.post(`${baseUrl}/get_apps`, () => {
        calls++
        return calls === 1
          ? new HttpResponse(null, { status: 502 })
          : HttpResponse.json(envelope(getAppsResult([])))
      }),
    )
    await expect(retrying.getApps()).resolves.toMatchObject({ status: 'success' })
    expect(calls).toBe(2)
  })

  test.each([
    ['createPipeline', (c: typeof client) => c.createPipeline({ request }), '/create_pipeline'],
    ['deletePipeline', (c: typeof client) => c.deletePipeline({ jobId: 7 }), '/delete_pipeline'],
    [
      'sendAppCommand',
      (c: typeof client) => c.sendAppCommand({ jobId: 7, command: 'RESTART' }),
      '/send_app_command',
    ],
  ])('5xx on a write (%s) is not retried', async (_name, call, path) => {
    const retrying = createDeeployClient({ baseUrl, account: testAccount, retry: fastRetry })
    const { handler, calls } = rawEndpoint({ path, status: 504, body: '{"detail":"timeout"}' })
    server.use(handler)
    const error = (await call(retrying).catch((e: unknown) => e)) as HttpRequestError
    expect(error.status).toBe(504)
    // ky's error (which holds the request body) is not kept as the cause.
    expect(error.cause).toBeUndefined()
    expect(error.body).toEqual({ detail: 'timeout' })
    expect(calls.count).toBe(1)
  })

  test('oracle GET reads are retried too', async () => {
    const retrying = createDeeployClient({ baseUrl, oracleApiUrl: oracleUrl, retry: fastRetry })
    const { handler, calls } = rawEndpoint({
      path: '/current_epoch',
      method: 'get',
      status: 500,
      base: oracleUrl,
    })
    server.use(handler)
    await expect(retrying.getCurrentEpoch()).rejects.toBeInstanceOf(HttpRequestError)
    expect(calls.count).toBe(3)
  })

  test('422 is an HttpRequestError with the body', async () => {
    server.use(
      rawEndpoint({ path: '/get_apps', status: 422, body: '{"detail":[{"msg":"bad"}]}' }).handler,
    )
    const error = (await client.getApps().catch((e: unknown) => e)) as HttpRequestError
    expect(error).toMatchObject({
      name: 'HttpRequestError',
      status: 422,
      body: { detail: [{ msg: 'bad' }] },
    })
  })

  test('a network failure is an HttpRequestError without status', async () => {
    server.use(http.post(`${baseUrl}/get_apps`, () => HttpResponse.error()))
    const error = (await client.getApps().catch((e: unknown) => e)) as HttpRequestError
    expect(error).toBeInstanceOf(HttpRequestError)
    expect(error.status).toBeUndefined()
  })

  test('abort signals (per call and per client) cancel requests', async () => {
    server.use(rawEndpoint({ path: '/create_pipeline', delayMs: 2_000, body: '{}' }).handler)
    const controller = new AbortController()
    const pending = client.createPipeline({ request, signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })

    const clientController = new AbortController()
    const aborting = createDeeployClient({
      baseUrl,
      account: testAccount,
      signal: clientController.signal,
    })
    const pending2 = aborting.createPipeline({ request })
    setTimeout(() => clientController.abort(new Error('shutting down')), 20)
    await expect(pending2).rejects.toThrow('shutting down')
  })
})

describe('client options', () => {
  test('a custom fetch is used when given', async () => {
    let calls = 0
    const custom: typeof fetch = (input, init) => {
      calls++
      return globalThis.fetch(input, init)
    }
    const withFetch = createDeeployClient({ baseUrl, account: testAccount, fetch: custom })
    server.use(
      http.post(`${baseUrl}/get_apps`, () => HttpResponse.json(envelope(getAppsResult([])))),
    )
    await withFetch.getApps()
    expect(calls).toBe(1)
  })

  test('the logger sees redacted bodies and outcomes', async () => {
    const events: DeeployLogEvent[] = []
    const logged = createDeeployClient({
      baseUrl,
      account: testAccount,
      logger: (e) => events.push(e),
    })
    server.use(failWith('/create_pipeline', 'ERR01_DEEPLOY_GENERIC_ERROR: no'))
    await logged.createPipeline({ request }).catch(() => undefined)
    expect(events.map((e) => e.type)).toEqual(['request', 'response'])
    const text = JSON.stringify(events[0])
    expect(text).not.toContain('hunter2-secret')
    expect(text).not.toContain('cf-token-value')
  })

  test('verifyResponse rejects a tampered result', async () => {
    const strict = createDeeployClient({
      baseUrl,
      account: testAccount,
      verifyResponse: verifyResponseSignature,
    })
    const signed = signResult(getAppsResult([]) as Record<string, unknown>)
    server.use(
      http.post(`${baseUrl}/get_apps`, () =>
        HttpResponse.json({ result: { ...signed, auth: { sender: 'someone else', nonce: 'x' } } }),
      ),
    )
    const error = (await strict.getApps().catch((e: unknown) => e)) as ResponseSignatureError
    expect(error).toBeInstanceOf(ResponseSignatureError)
    expect(error.reason).toBe('hash-mismatch')
  })

  test('signed endpoints need an account', async () => {
    const anonymous = createDeeployClient({ baseUrl })
    await expect(anonymous.getApps()).rejects.toBeInstanceOf(SignerUnavailableError)
  })

  test('network names resolve the URLs; unknown names and missing URLs throw', () => {
    const mainnet = createDeeployClient({ network: 'mainnet' })
    expect(mainnet.baseUrl).toBe('https://deeploy-api.ratio1.ai')
    expect(mainnet.oracleApiUrl).toBe('https://oracle.ratio1.ai')
    expect(createDeeployClient({ baseUrl: 'http://127.0.0.1:3000/' }).baseUrl).toBe(
      'http://127.0.0.1:3000',
    )
    // @ts-expect-error unknown network
    expect(() => createDeeployClient({ network: 'moonnet' })).toThrow()
    expect(() => createDeeployClient({})).toThrow(/Deeploy API URL/)
  })
})
