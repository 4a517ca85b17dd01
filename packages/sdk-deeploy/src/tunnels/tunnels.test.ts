import { InvalidParameterError } from '@ratio1/sdk-core'
import { delay, HttpResponse, http } from 'msw'
import { describe, expect, test } from 'vitest'
import { server } from '../../test/msw.js'
import { HttpRequestError, TimeoutError } from '../errors/request.js'
import { createCloudflareClient } from './client.js'
import { configureTunnelIngress } from './configureTunnelIngress.js'
import { createPublicHostname } from './createPublicHostname.js'
import { createTunnel } from './createTunnel.js'
import { createTunnelDnsRecord } from './createTunnelDnsRecord.js'
import { deleteDnsRecord } from './deleteDnsRecord.js'
import { deleteTunnel } from './deleteTunnel.js'
import { CloudflareApiError } from './errors.js'
import { getTunnelToken } from './getTunnelToken.js'
import { listTunnels } from './listTunnels.js'

const api = 'https://api.cloudflare.com/client/v4'
const apiToken = 'cf-secret-api-token-0123456789'
const accountId = '699d98642c564d2e855e9661899b7252'
const zoneId = '023e105f4ecef8ad9ca31a8372d0c353'
const tunnelId = 'c1744f8b-faa1-48a4-9e5c-02ac921467fa'
const cloudflare = createCloudflareClient({ apiToken, accountId, zoneId, retry: 0 })

const ok = (result: unknown) =>
  HttpResponse.json({ success: true, errors: [], messages: [], result })
const tunnel = { id: tunnelId, name: 'shop-web', status: 'inactive', remote_config: true }

type Seen = { method: string; url: URL; body: unknown; auth: string | null }
function mockCloudflare() {
  const seen: Seen[] = []
  const record = async (request: Request) => {
    const auth = request.headers.get('authorization')
    seen.push({
      method: request.method,
      url: new URL(request.url),
      body:
        request.method === 'GET' || request.method === 'DELETE' ? undefined : await request.json(),
      auth,
    })
    return auth === `Bearer ${apiToken}`
  }
  const unauthorized = () =>
    HttpResponse.json(
      { success: false, errors: [{ code: 10000, message: 'Authentication error' }], result: null },
      { status: 403 },
    )
  server.use(
    http.post(`${api}/accounts/${accountId}/cfd_tunnel`, async ({ request }) =>
      (await record(request))
        ? ok({ ...tunnel, token: 'eyJhIjoi-connector-token' })
        : unauthorized(),
    ),
    http.get(`${api}/accounts/${accountId}/cfd_tunnel`, async ({ request }) =>
      (await record(request)) ? ok([tunnel]) : unauthorized(),
    ),
    http.delete(`${api}/accounts/${accountId}/cfd_tunnel/${tunnelId}`, async ({ request }) =>
      (await record(request))
        ? ok({ ...tunnel, deleted_at: '2026-11-22T00:00:00Z' })
        : unauthorized(),
    ),
    http.get(`${api}/accounts/${accountId}/cfd_tunnel/${tunnelId}/token`, async ({ request }) =>
      (await record(request)) ? ok('eyJhIjoi-connector-token') : unauthorized(),
    ),
    http.put(
      `${api}/accounts/${accountId}/cfd_tunnel/${tunnelId}/configurations`,
      async ({ request }) => {
        if (!(await record(request))) return unauthorized()
        const body = seen.at(-1)!.body as { config: unknown }
        return ok({ tunnel_id: tunnelId, version: 1, config: body.config })
      },
    ),
    http.post(`${api}/zones/${zoneId}/dns_records`, async ({ request }) => {
      if (!(await record(request))) return unauthorized()
      const body = seen.at(-1)!.body as Record<string, unknown>
      return ok({ id: 'rec1', ...body })
    }),
    http.delete(`${api}/zones/${zoneId}/dns_records/rec1`, async ({ request }) =>
      (await record(request)) ? ok({ id: 'rec1' }) : unauthorized(),
    ),
  )
  return seen
}

describe('Cloudflare tunnel actions (v4 API)', () => {
  test('create, list, token, ingress, DNS, delete', async () => {
    const seen = mockCloudflare()
    expect((await createTunnel(cloudflare, { name: 'shop-web' })).token).toBe(
      'eyJhIjoi-connector-token',
    )
    expect(seen[0]!.body).toEqual({ name: 'shop-web', config_src: 'cloudflare' })
    expect(await listTunnels(cloudflare, { name: 'shop-web' })).toEqual([tunnel])
    expect(Object.fromEntries(seen[1]!.url.searchParams)).toEqual({
      is_deleted: 'false',
      page: '1',
      per_page: '50',
      name: 'shop-web',
    })
    expect(await getTunnelToken(cloudflare, { tunnelId })).toBe('eyJhIjoi-connector-token')
    const config = await configureTunnelIngress(cloudflare, {
      tunnelId,
      ingress: [{ hostname: 'shop.example.com', service: 'http://localhost:8080' }],
    })
    expect(config.config?.ingress).toEqual([
      { hostname: 'shop.example.com', service: 'http://localhost:8080' },
      { service: 'http_status:404' },
    ])
    const record = await createTunnelDnsRecord(cloudflare, {
      tunnelId,
      hostname: 'shop.example.com',
    })
    expect(seen.at(-1)!.body).toEqual({
      type: 'CNAME',
      name: 'shop.example.com',
      content: `${tunnelId}.cfargotunnel.com`,
      proxied: true,
      ttl: 1,
    })
    expect(await deleteDnsRecord(cloudflare, { recordId: record.id })).toEqual({ id: 'rec1' })
    expect((await deleteTunnel(cloudflare, { tunnelId })).deleted_at).toBeTruthy()
    // Every call went to Cloudflare with the CSP's token, and nowhere else.
    expect(
      seen.every(
        (s) => s.url.origin === 'https://api.cloudflare.com' && s.auth === `Bearer ${apiToken}`,
      ),
    ).toBe(true)
  })

  test('an explicit catch-all rule is kept as the last rule', async () => {
    const seen = mockCloudflare()
    await configureTunnelIngress(cloudflare, {
      tunnelId,
      ingress: [
        { hostname: 'a.example.com', service: 'http://localhost:1' },
        { service: 'http_status:503' },
      ],
    })
    expect((seen[0]!.body as { config: { ingress: unknown[] } }).config.ingress).toHaveLength(2)
  })

  test('createPublicHostname wires tunnel, ingress and DNS and returns the job token', async () => {
    const seen = mockCloudflare()
    const result = await createPublicHostname(cloudflare, {
      name: 'shop-web',
      hostname: 'shop.example.com',
      port: 80,
    })
    expect(result).toMatchObject({
      token: 'eyJhIjoi-connector-token',
      url: 'https://shop.example.com',
    })
    expect(seen.map((s) => `${s.method} ${s.url.pathname.replace(/^\/client\/v4/, '')}`)).toEqual([
      `POST /accounts/${accountId}/cfd_tunnel`,
      `PUT /accounts/${accountId}/cfd_tunnel/${tunnelId}/configurations`,
      `POST /zones/${zoneId}/dns_records`,
    ])
  })

  test('Cloudflare errors are typed and never reveal the token', async () => {
    server.use(
      http.post(`${api}/accounts/${accountId}/cfd_tunnel`, () =>
        HttpResponse.json(
          {
            success: false,
            errors: [{ code: 1003, message: `Invalid token ${apiToken}` }],
            result: null,
          },
          { status: 403 },
        ),
      ),
    )
    const error = (await createTunnel(cloudflare, { name: 'x' }).catch(
      (e) => e,
    )) as CloudflareApiError
    expect(error).toBeInstanceOf(CloudflareApiError)
    expect(error).toMatchObject({
      status: 403,
      errors: [{ code: 1003, message: 'Invalid token ***' }],
    })
    expect(error.message).toMatch(/Cloudflare Tunnel › Edit/)
    const dump =
      JSON.stringify(error, Object.getOwnPropertyNames(error)) +
      String(error.stack) +
      String(error.cause)
    expect(dump).not.toContain(apiToken)
    expect(JSON.stringify(cloudflare)).not.toContain(apiToken)
  })

  test('a non-JSON error page is reported without the token', async () => {
    server.use(
      http.get(
        `${api}/accounts/${accountId}/cfd_tunnel`,
        () => new HttpResponse(`bad gateway ${apiToken}`, { status: 502 }),
      ),
    )
    const error = (await listTunnels(cloudflare).catch((e) => e)) as CloudflareApiError
    expect(error).toBeInstanceOf(CloudflareApiError)
    expect(error.message).not.toContain(apiToken)
  })

  test('reads retry on 5xx, writes do not', async () => {
    const retrying = createCloudflareClient({ apiToken, accountId, zoneId })
    let gets = 0
    let posts = 0
    server.use(
      http.get(`${api}/accounts/${accountId}/cfd_tunnel`, () => {
        gets++
        return gets < 2 ? new HttpResponse(null, { status: 503 }) : ok([])
      }),
      http.post(`${api}/accounts/${accountId}/cfd_tunnel`, () => {
        posts++
        return HttpResponse.json(
          { success: false, errors: [{ code: 1, message: 'down' }], result: null },
          { status: 503 },
        )
      }),
    )
    await expect(listTunnels(retrying)).resolves.toEqual([])
    expect(gets).toBe(2)
    await expect(createTunnel(retrying, { name: 'x' })).rejects.toBeInstanceOf(CloudflareApiError)
    expect(posts).toBe(1)
  })

  test('timeouts and network failures keep the token out of the cause', async () => {
    const slow = createCloudflareClient({ apiToken, accountId, timeout: 30, retry: 0 })
    server.use(
      http.get(`${api}/accounts/${accountId}/cfd_tunnel`, async () => {
        await delay(300)
        return ok([])
      }),
      http.post(`${api}/accounts/${accountId}/cfd_tunnel`, () => HttpResponse.error()),
    )
    const timeout = (await listTunnels(slow).catch((e) => e)) as TimeoutError
    expect(timeout).toBeInstanceOf(TimeoutError)
    expect(timeout.cause).toBeUndefined()
    const network = (await createTunnel(slow, { name: 'x' }).catch((e) => e)) as HttpRequestError
    expect(network).toBeInstanceOf(HttpRequestError)
    expect(JSON.stringify(network, Object.getOwnPropertyNames(network))).not.toContain(apiToken)
  })

  test('input checks', async () => {
    expect(() => createCloudflareClient({ apiToken: 'x', accountId })).toThrow(
      InvalidParameterError,
    )
    expect(() => createCloudflareClient({ apiToken, accountId: 'acct' })).toThrow(/32-hex/)
    const noZone = createCloudflareClient({ apiToken, accountId })
    await expect(
      createTunnelDnsRecord(noZone, { tunnelId, hostname: 'a.example.com' }),
    ).rejects.toThrow(/zone/)
    await expect(
      createTunnelDnsRecord(cloudflare, { tunnelId, hostname: 'not a host' }),
    ).rejects.toThrow(/DNS hostname/)
    try {
      createCloudflareClient({ apiToken: 'short', accountId })
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('short')
    }
  })
})
