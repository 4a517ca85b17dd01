import type { Server } from 'node:http'
import { request as httpRequest } from 'node:http'
import { duplexPair } from 'node:stream'

/**
 * A `fetch` that serves each request with an in-process `node:http` server, chosen by the URL's host,
 * without opening a socket: the request is written as HTTP/1.1 into one end of an in-memory duplex
 * pair whose other end is handed to the server as a new connection. The server's own parser, routing,
 * body limits and response writing therefore run exactly as they would behind a port.
 *
 * @example
 * ```ts
 * const api = createOracleServer({ oracle, fleet, store, publicClient, addresses, privateKey })
 * const fetch = createInProcessFetch(new Map([['oracle-1.deeploy.local', api.server]]))
 * const client = createDeeployClient({ baseUrl: 'http://oracle-1.deeploy.local', account, fetch })
 * ```
 */
export function createInProcessFetch(servers: ReadonlyMap<string, Server>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    const server = servers.get(url.host)
    if (!server) throw new TypeError(`fetch failed: no in-process server for ${url.host}`)
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined
    const headers: Record<string, string> = { host: url.host }
    request.headers.forEach((value, key) => {
      headers[key] = value
    })
    if (body) headers['content-length'] = String(body.length)
    const signal = request.signal

    return new Promise<Response>((resolve, reject) => {
      if (signal.aborted) {
        reject(signal.reason)
        return
      }
      const [clientSide, serverSide] = duplexPair()
      server.emit('connection', serverSide)
      const onAbort = () => {
        // Rejected with the abort reason, as fetch does; the errors of the torn-down streams that
        // follow are ignored (a settled promise stays settled).
        reject(signal.reason)
        outgoing.destroy()
        clientSide.destroy()
        serverSide.destroy()
      }
      const outgoing = httpRequest(
        {
          method: request.method,
          path: url.pathname + url.search,
          headers,
          createConnection: () => clientSide as never,
        },
        (incoming) => {
          const chunks: Buffer[] = []
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
          incoming.on('error', reject)
          incoming.on('end', () => {
            signal.removeEventListener('abort', onAbort)
            const responseHeaders = new Headers()
            for (const [key, value] of Object.entries(incoming.headers))
              if (value !== undefined)
                responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : value)
            clientSide.destroy()
            const status = incoming.statusCode ?? 500
            const noBody = status === 204 || status === 304 || request.method === 'HEAD'
            resolve(
              new Response(noBody ? null : Buffer.concat(chunks), {
                status,
                statusText: incoming.statusMessage ?? '',
                headers: responseHeaders,
              }),
            )
          })
        },
      )
      signal.addEventListener('abort', onAbort, { once: true })
      outgoing.on('error', (error) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      })
      outgoing.end(body)
    })
  }
}
