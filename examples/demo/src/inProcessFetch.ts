/** Answers one request in-process, as `OracleServer.handle` does. */
export type RequestHandler = (request: Request) => Promise<Response>

/**
 * A `fetch` that hands each request to the in-process handler of its URL's host (an oracle server's
 * `handle`) instead of the network: the clients run unchanged, no port is opened.
 *
 * @example
 * ```ts
 * const api = createOracleServer({ oracle, fleet, store, publicClient, addresses, privateKey })
 * const fetch = createInProcessFetch(new Map([['oracle-1.deeploy.local', api.handle]]))
 * const client = createDeeployClient({ baseUrl: 'http://oracle-1.deeploy.local', account, fetch })
 * ```
 */
export function createInProcessFetch(handlers: ReadonlyMap<string, RequestHandler>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const handler = handlers.get(new URL(request.url).host)
    if (!handler)
      throw new TypeError(`fetch failed: no in-process server for ${new URL(request.url).host}`)
    request.signal.throwIfAborted()
    // An abort rejects the pending call, as fetch does, even if the handler never settles.
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(request.signal.reason)
      request.signal.addEventListener('abort', onAbort, { once: true })
      handler(request)
        .then(resolve, reject)
        .finally(() => {
          request.signal.removeEventListener('abort', onAbort)
        })
    })
  }
}
