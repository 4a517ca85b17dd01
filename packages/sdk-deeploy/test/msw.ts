import { secp256k1 } from '@noble/curves/secp256k1'
import { delay, HttpResponse, http, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { bytesToHex, hexToBytes, sha256, stringToBytes } from 'viem'
import * as z from 'zod/mini'
import { toPythonJson } from '../src/json/toPythonJson.js'
import type { DeeployRequestType } from '../src/signing/requestTypes.js'
import { verifyRequest } from '../src/signing/verifyRequest.js'
import { baseUrl, oracleUrl, testNodeAddress, testPrivateKey } from './constants.js'

// msw helpers that behave like a Ratio1 oracle: they check the request signature the way the oracle
// does, validate the fixture they answer with against the client's own zod schema (so mocks cannot
// drift from the documented shapes), and sign `result` with a node key like a real oracle.

export const server = setupServer()

/** Signs a result dict as an oracle node does (SIGN_CANON_V v2, DER over sha256(digest)). */
export function signResult(result: Record<string, unknown>): Record<string, unknown> {
  const data = { ...result, SIGN_CANON_V: 'v2' }
  const hash = sha256(stringToBytes(toPythonJson(data))).slice(2)
  const message = sha256(hexToBytes(`0x${hash}`), 'bytes')
  const der = secp256k1
    .sign(message, hexToBytes(testPrivateKey), { prehash: false })
    .toDERRawBytes()
  const sign = Buffer.from(der).toString('base64url')
  return {
    ...data,
    EE_HASH: hash,
    EE_SIGN: sign + '='.repeat((4 - (sign.length % 4)) % 4),
    EE_SENDER: testNodeAddress,
    EE_ETH_SENDER: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
    EE_ETH_SIGN: '0xBEEF',
  }
}

export function envelope(result: Record<string, unknown>, sign = true): JsonBodyType {
  return {
    result: (sign ? signResult(result) : result) as JsonBodyType,
    server_node_addr: testNodeAddress,
    evm_network: 'devnet',
  }
}

export const serverInfo = {
  alias: 'test-oracle',
  version: '2.9.0',
  time: '2026-11-22 01:00:00',
  current_epoch: 200,
  uptime: '3 days, 4:05:06',
}

export type Received = { request: Record<string, unknown>; url: string; count: number }

/**
 * A Deeploy endpoint. `requestType` set ⇒ the request must carry a valid signature (else the handler
 * answers `status: "fail"` with the oracle's message); `schema` ⇒ the fixture must parse.
 */
export function deeployEndpoint<schema extends z.ZodMiniType>(options: {
  path: string
  requestType?: DeeployRequestType | undefined
  schema?: schema | undefined
  result: (received: Received) => z.input<schema> | Record<string, unknown>
  onRequest?: ((received: Received) => void) | undefined
}) {
  let count = 0
  return http.post(`${baseUrl}${options.path}`, async ({ request: httpRequest }) => {
    count++
    const body = (await httpRequest.json()) as { request: Record<string, unknown> }
    const received: Received = { request: body.request, url: httpRequest.url, count }
    options.onRequest?.(received)
    if (options.requestType) {
      try {
        await verifyRequest({ request: body.request, requestType: options.requestType })
      } catch (error) {
        const oracleMessage = (error as { oracleMessage?: string }).oracleMessage ?? String(error)
        return HttpResponse.json(
          envelope({
            status: 'fail',
            error: oracleMessage,
            request: body.request,
            server_info: serverInfo,
          }),
        )
      }
    }
    const result = options.result(received) as Record<string, unknown>
    if (options.schema) {
      const checked = z.safeParse(options.schema, result)
      if (!checked.success)
        throw new Error(`fixture for ${options.path} is invalid: ${checked.error.message}`)
    }
    return HttpResponse.json(envelope({ ...result, server_info: serverInfo }))
  })
}

/** An oracle-API endpoint answering a signed `{"result": fixture}` like the oracle's FastAPI layer. */
export function oracleEndpoint<schema extends z.ZodMiniType>(options: {
  path: string
  method?: 'get' | 'post'
  schema: schema
  result: (url: URL, body: unknown) => z.input<schema>
}) {
  return http[options.method ?? 'get'](`${oracleUrl}${options.path}`, async ({ request }) => {
    const body = request.method === 'POST' ? await request.json() : undefined
    const result = options.result(new URL(request.url), body)
    const checked = z.safeParse(options.schema, result)
    if (!checked.success)
      throw new Error(`fixture for ${options.path} is invalid: ${checked.error.message}`)
    return HttpResponse.json(envelope(result as Record<string, unknown>))
  })
}

/** Answers with a fixed status/body after an optional delay; counts calls. */
export function rawEndpoint(options: {
  path: string
  method?: 'get' | 'post'
  status?: number
  body?: string
  delayMs?: number
  base?: string
}) {
  const calls = { count: 0 }
  const handler = http[options.method ?? 'post'](
    `${options.base ?? baseUrl}${options.path}`,
    async () => {
      calls.count++
      if (options.delayMs) await delay(options.delayMs)
      return new HttpResponse(options.body ?? '', {
        status: options.status ?? 200,
        headers: { 'content-type': 'application/json' },
      })
    },
  )
  return { handler, calls }
}

export { bytesToHex }
