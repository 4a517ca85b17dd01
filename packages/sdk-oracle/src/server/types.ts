import type { Address, PublicClient } from 'viem'
import type { Fleet } from '../fleet/types.js'
import type { Oracle, OracleAddresses } from '../oracle/createOracle.js'
import type { StateStore } from '../store/createStateStore.js'
import type { Clock } from '../utils/clock.js'
import type { Logger } from '../utils/logger.js'
import type { ResultSigner } from './signResult.js'

/** Everything the Deeploy handlers use. */
export type ServerContext = {
  oracle: Oracle
  fleet: Fleet
  store: StateStore
  publicClient: PublicClient
  addresses: OracleAddresses
  signer: ResultSigner
  clock: Clock
  logger: Logger
  network: string
  alias: string
  startedAt: number
  nonceMaxAgeSeconds: number
  maxBodyBytes: number
  /** An escrow's Plus level; Preferred Nodes need more than 0 (deeploy-api.md §3.9). */
  plusLevel: (escrow: Address) => Promise<number> | number
}

export type { Address }
