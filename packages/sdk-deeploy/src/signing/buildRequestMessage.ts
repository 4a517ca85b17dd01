import { formatNumber } from '../json/serialize.js'
import { hashRequestPayload } from './hashRequestPayload.js'
import type { DeeployRequestType } from './requestTypes.js'

export type BuildRequestMessageParameters = {
  /** The endpoint's request type, e.g. `'create pipeline'`. */
  requestType: DeeployRequestType
  /** The request (signature keys are ignored). */
  payload: Record<string, unknown>
  /** A precomputed `EE_HASH`; computed from `payload` when omitted. */
  hash?: string | undefined
}
/** The exact text the wallet signs with `personal_sign`. */
export type BuildRequestMessageReturnType = string

/**
 * Builds the human-readable v3 text a wallet signs for a Deeploy request: the request type, the number
 * of plugins (only when `plugins` is an array), the number of nodes (`target_nodes` length when it is a
 * non-empty array, else `target_nodes_count`, else 0) and the payload hash, byte for byte as the oracle
 * rebuilds it.
 *
 * @example
 * ```ts
 * import { buildRequestMessage } from '@ratio1/sdk-deeploy'
 * buildRequestMessage({ requestType: 'get apps', payload: { nonce: '0x19a2b3c4d5e' } })
 * // 'Please sign this Deeploy request:\n\nRequest type: get apps\nNodes: 0\nRequest hash: aef14e0e…'
 * ```
 */
export function buildRequestMessage(
  parameters: BuildRequestMessageParameters,
): BuildRequestMessageReturnType {
  const { requestType, payload } = parameters
  const hash = parameters.hash ?? hashRequestPayload(payload)
  const lines = ['Please sign this Deeploy request:', '', `Request type: ${requestType}`]
  if (Array.isArray(payload.plugins)) lines.push(`Plugins: ${payload.plugins.length}`)
  lines.push(`Nodes: ${countNodes(payload)}`, `Request hash: ${hash}`)
  return lines.join('\n')
}

function countNodes(payload: Record<string, unknown>): string {
  const { target_nodes: nodes, target_nodes_count: count } = payload
  if (Array.isArray(nodes) && nodes.length > 0) return String(nodes.length)
  // Python prints str() of the value it parsed: its float spelling for numbers (formatNumber), the
  // string itself for strings; booleans fall through to 0. NaN/Infinity cannot reach it through JSON.
  if (typeof count === 'number') return Number.isFinite(count) ? formatNumber(count) : '0'
  if (typeof count === 'string') return count
  return '0'
}
