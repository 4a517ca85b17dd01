import { http } from 'viem'

/** An HTTP transport that counts round trips (one per HTTP request, batched or not). */
export function countingTransport(url: string) {
  const counter = { requests: 0, methods: [] as string[] }
  const transport = http(url, {
    onFetchRequest: async (request) => {
      counter.requests++
      const body = (await request.clone().json()) as { method: string } | { method: string }[]
      for (const call of Array.isArray(body) ? body : [body]) counter.methods.push(call.method)
    },
  })
  return { transport, counter }
}
