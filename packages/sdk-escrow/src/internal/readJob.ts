import type { JobDetails } from '@ratio1/sdk-core'
import type { Address } from 'viem'
import { multicall } from 'viem/actions'
import { cspEscrowAbi } from '../abis.js'
import { JobNotFoundError } from '../errors/escrow.js'
import type { EscrowClient } from './types.js'

/** One round trip: the job, the current epoch and the escrow's USDC and Controller addresses. */
export async function readJobForPayment(
  client: EscrowClient,
  escrow: Address,
  jobId: bigint,
): Promise<{ job: JobDetails; currentEpoch: bigint; usdc: Address; controller: Address }> {
  const [job, currentEpoch, usdc, controller] = await multicall(client, {
    allowFailure: false,
    contracts: [
      { address: escrow, abi: cspEscrowAbi, functionName: 'getJobDetails', args: [jobId] },
      { address: escrow, abi: cspEscrowAbi, functionName: 'getCurrentEpoch' },
      { address: escrow, abi: cspEscrowAbi, functionName: 'usdcToken' },
      { address: escrow, abi: cspEscrowAbi, functionName: 'controller' },
    ],
  })
  if (job.id === 0n) throw new JobNotFoundError({ jobId, escrow })
  return { job, currentEpoch, usdc, controller }
}
