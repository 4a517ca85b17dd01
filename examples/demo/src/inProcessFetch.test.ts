import { createServer } from 'node:http'
import { expect, test } from 'vitest'
import { createInProcessFetch } from './inProcessFetch.js'

const server = createServer((req, res) => {
  if (req.url === '/slow') return // never answers: only an abort ends the request
  let body = ''
  req.on('data', (chunk) => {
    body += chunk
  })
  req.on('end', () => {
    res.writeHead(req.url === '/missing' ? 404 : 200, {
      'content-type': 'application/json',
      'x-seen-host': req.headers.host ?? '',
    })
    res.end(JSON.stringify({ method: req.method, url: req.url, body }))
  })
})
const fetch = createInProcessFetch(new Map([['api.local', server]]))

test('serves requests with the in-process server without listening on a port', async () => {
  const response = await fetch('http://api.local/create?x=1', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ request: { a: 1 } }),
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('x-seen-host')).toBe('api.local')
  expect(await response.json()).toEqual({
    method: 'POST',
    url: '/create?x=1',
    body: '{"request":{"a":1}}',
  })
  expect(server.listening).toBe(false)
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
})
