import { InvalidParameterError } from '@ratio1/sdk-core'
import type { DeeployBaseClient } from '../clients/types.js'

/** @internal */
export function oracleUrl(client: DeeployBaseClient, path: string): string {
  if (!client.oracleApiUrl)
    throw new InvalidParameterError({
      field: 'oracleApiUrl',
      value: undefined,
      rule: 'an oracle API URL (pass `oracleApiUrl` or a `network` that has one)',
    })
  return client.oracleApiUrl + path
}

/** @internal The oracle API takes either a node address or its ETH address. */
export function nodeQuery(parameters: {
  nodeAddress?: string | undefined
  ethAddress?: string | undefined
}): Record<string, string> {
  if (parameters.nodeAddress) return { node_addr: parameters.nodeAddress }
  if (parameters.ethAddress) return { eth_node_addr: parameters.ethAddress }
  throw new InvalidParameterError({
    field: 'nodeAddress',
    value: undefined,
    rule: 'a node address (0xai_…) or an ethAddress',
  })
}
