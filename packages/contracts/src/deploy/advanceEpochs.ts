import type { Address, Client } from 'viem'
import {
  type GetBlockErrorType,
  getBlock,
  type ReadContractErrorType,
  readContract,
} from 'viem/actions'
import {
  EpochAlreadyReachedError,
  type EpochAlreadyReachedErrorType,
  TimeTravelUnsupportedError,
  type TimeTravelUnsupportedErrorType,
} from '../errors/contracts.js'
import { controllerAbi } from '../generated/abis.js'
import { devRequest } from './internal.js'

export type AdvanceEpochsParameters = {
  /** The Controller whose epoch clock is used. */
  controller: Address
} & (
  | {
      /** Move to the first second of this epoch (must be later than the current one). */
      toEpoch: bigint
      epochs?: undefined
    }
  | {
      /** Move forward by this many whole epochs (the offset within the epoch is kept). */
      epochs: bigint
      toEpoch?: undefined
    }
)
export type AdvanceEpochsReturnType = {
  /** The epoch of the newly mined block. */
  epoch: bigint
  /** The timestamp of the newly mined block. */
  timestamp: bigint
}
export type AdvanceEpochsErrorType =
  | EpochAlreadyReachedErrorType
  | TimeTravelUnsupportedErrorType
  | ReadContractErrorType
  | GetBlockErrorType

/**
 * Moves a development chain's clock and mines a block: either to the start of epoch N
 * (`evm_setNextBlockTimestamp`) or by K epochs (`evm_increaseTime`). Only works on development
 * chains such as Hardhat's.
 *
 * @example
 * ```ts
 * import { advanceEpochs } from '@ratio1/contracts/deploy'
 * await advanceEpochs(publicClient, { controller: system.addresses.controller, epochs: 1n })
 * const { epoch } = await advanceEpochs(publicClient, {
 *   controller: system.addresses.controller,
 *   toEpoch: 10n,
 * })
 * ```
 */
export async function advanceEpochs(
  client: Client,
  parameters: AdvanceEpochsParameters,
): Promise<AdvanceEpochsReturnType> {
  const { controller } = parameters
  const [start, duration, latest] = await Promise.all([
    readContract(client, {
      address: controller,
      abi: controllerAbi,
      functionName: 'startEpochTimestamp',
    }),
    readContract(client, {
      address: controller,
      abi: controllerAbi,
      functionName: 'epochDuration',
    }),
    getBlock(client, { blockTag: 'latest' }),
  ])
  const epochAt = (timestamp: bigint) => (timestamp < start ? 0n : (timestamp - start) / duration)

  const dev = async (method: string, params: unknown[]) => {
    try {
      await devRequest(client, method, params)
    } catch (cause) {
      throw new TimeTravelUnsupportedError({ method, cause })
    }
  }

  if (parameters.toEpoch !== undefined) {
    const target = start + parameters.toEpoch * duration
    if (target <= latest.timestamp)
      throw new EpochAlreadyReachedError({
        targetEpoch: parameters.toEpoch,
        currentEpoch: epochAt(latest.timestamp),
      })
    await dev('evm_setNextBlockTimestamp', [`0x${target.toString(16)}`])
  } else {
    await dev('evm_increaseTime', [`0x${(parameters.epochs * duration).toString(16)}`])
  }
  await dev('evm_mine', [])

  const mined = await getBlock(client, { blockTag: 'latest' })
  return { epoch: epochAt(mined.timestamp), timestamp: mined.timestamp }
}
