import type { JobDetails } from '@ratio1/sdk-core'
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hash,
  http,
  type Transport,
  type WalletClient,
} from 'viem'
import { base } from 'viem/chains'
import { describe, expectTypeOf, test } from 'vitest'
import {
  type CreateJobsParameters,
  type EscrowEvent,
  type EscrowPublicActions,
  escrowActions,
  escrowPublicActions,
  type GetJobsReturnType,
  getJobDetails,
  type JobTimelineEntry,
  type JobWithEscrow,
  parseEscrowEvents,
} from './index.js'

declare const wallet: WalletClient<Transport, Chain, Account>

describe('inferred types', () => {
  test('decorated clients expose typed actions', () => {
    const client = wallet.extend(escrowActions())
    expectTypeOf(client.createJobs).parameter(0).toMatchTypeOf<CreateJobsParameters>()
    expectTypeOf(client.createJobs)
      .returns.resolves.toHaveProperty('jobIds')
      .toEqualTypeOf<bigint[]>()
    expectTypeOf(client.createJobs).returns.resolves.toHaveProperty('hash').toEqualTypeOf<Hash>()
    expectTypeOf(client.getJobs).returns.resolves.toEqualTypeOf<GetJobsReturnType>()
    expectTypeOf(client.getCurrentEpoch).returns.resolves.toEqualTypeOf<bigint>()
    const reader = createPublicClient({ chain: base, transport: http() }).extend(
      escrowPublicActions({ network: 'mainnet' }),
    )
    expectTypeOf(reader.getActiveJobs).returns.resolves.toEqualTypeOf<JobWithEscrow[]>()
    // Public clients get no write actions.
    expectTypeOf(reader).not.toHaveProperty('createJobs')
    expectTypeOf<EscrowPublicActions>().not.toHaveProperty('claimRewardsForNode')
    createWalletClient({ chain: base, transport: http() }).extend(escrowActions())
  })

  test('jobs are sdk-core jobs plus their escrow', () => {
    expectTypeOf<JobWithEscrow>().toMatchTypeOf<JobDetails>()
    expectTypeOf<JobWithEscrow['escrowOwner']>().toEqualTypeOf<Address>()
    expectTypeOf(getJobDetails).returns.resolves.toEqualTypeOf<JobWithEscrow>()
  })

  test('parameters reject what the contracts would', () => {
    // @ts-expect-error jobs are required
    wallet.extend(escrowActions()).createJobs({})
    wallet.extend(escrowActions()).setDelegatePermissions({
      delegate: '0x0000000000000000000000000000000000000001',
      // @ts-expect-error permissions are named booleans, not raw bits
      permissions: 5n,
    })
  })

  test('events narrow by name', () => {
    const [event] = parseEscrowEvents({ logs: [] })
    if (event?.eventName === 'JobCreated') expectTypeOf(event.args.jobId).toEqualTypeOf<bigint>()
    if (event?.eventName === 'RewardsAllocatedV2')
      expectTypeOf(event.args.nodeOwner).toEqualTypeOf<Address>()
    expectTypeOf<EscrowEvent['eventName']>().toMatchTypeOf<string>()
    const entry = {} as JobTimelineEntry
    if (entry.kind === 'rewarded') expectTypeOf(entry.epochs).toEqualTypeOf<bigint | undefined>()
  })
})

describe('error unions', () => {
  test('actions name the errors they can throw', async () => {
    const { CreateJobsErrorType, GetJobsErrorType } = {} as {
      CreateJobsErrorType: import('./index.js').CreateJobsErrorType
      GetJobsErrorType: import('./index.js').GetJobsErrorType
    }
    expectTypeOf(CreateJobsErrorType)
      .extract<{ name: 'InsufficientAllowanceError' }>()
      .not.toBeNever()
    expectTypeOf(CreateJobsErrorType).extract<{ name: 'EpochsBelowMinimumError' }>().not.toBeNever()
    expectTypeOf(CreateJobsErrorType).extract<{ name: 'PermitError' }>().not.toBeNever()
    expectTypeOf(GetJobsErrorType).extract<{ name: 'JobNotFoundError' }>().not.toBeNever()
    expectTypeOf(GetJobsErrorType).extract<{ name: 'IdempotencyConflictError' }>().toBeNever()
  })
})
