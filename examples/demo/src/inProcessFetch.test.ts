import { expect, test } from 'vitest'
import { createInProcessFetch } from './inProcessFetch.js'

const fetch = createInProcessFetch(
  new Map([
    [
      'api.local',
      async (request: Request) => {
        const url = new URL(request.url)
        if (url.pathname === '/slow') return new Promise<Response>(() => {})
        return Response.json(
          { method: request.method, url: url.pathname + url.search, body: await request.text() },
          { status: url.pathname === '/missing' ? 404 : 200 },
        )
      },
    ],
  ]),
)

test('hands the request, body included, to the handler of its host', async () => {
  const response = await fetch('http://api.local/create?x=1', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ request: { a: 1 } }),
  })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({
    method: 'POST',
    url: '/create?x=1',
    body: '{"request":{"a":1}}',
  })
})

test('passes statuses through and handles many requests', async () => {
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) => fetch(`http://api.local/${i % 2 ? 'missing' : 'ok'}`)),
  )
  expect(responses.map((r) => r.status)).toEqual(
    Array.from({ length: 20 }, (_, i) => (i % 2 ? 404 : 200)),
  )
})

test('an unknown host fails like an unreachable server, and an abort ends a pending request', async () => {
  await expect(fetch('http://elsewhere.local/')).rejects.toThrow(/no in-process server/)
  const controller = new AbortController()
  const pending = fetch('http://api.local/slow', { signal: controller.signal })
  controller.abort(new Error('gave up'))
  await expect(pending).rejects.toThrow('gave up')
  await expect(
    fetch('http://api.local/ok', { signal: AbortSignal.abort(new Error('too late')) }),
  ).rejects.toThrow('too late')
})
