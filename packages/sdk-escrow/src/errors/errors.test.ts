import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  BaseError,
  DeprecatedJobTypeError,
  EpochNotInFutureError,
  EpochsBelowMinimumError,
  InvalidNodeCountError,
  InvalidParameterError,
  JobEndedError,
  JobNotRedeemableError,
  NodeCountNotIncreasedError,
  UnknownJobTypeError,
} from '@ratio1/sdk-core'
import {
  type Abi,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  BaseError as ViemBaseError,
} from 'viem'
import { describe, expect, test } from 'vitest'
import { escrowCallAbi, managerCallAbi } from '../abis.js'
import * as exports from '../index.js'
import { EscrowError, toEscrowError } from '../index.js'

const stringError = [
  { type: 'error', name: 'Error', inputs: [{ name: 'message', type: 'string' }] },
] as const

function revert(data: `0x${string}`, abi: Abi = escrowCallAbi as Abi) {
  const cause = new ContractFunctionRevertedError({ abi, data, functionName: 'createJobs' })
  return new ContractFunctionExecutionError(cause, {
    abi,
    args: [[]],
    functionName: 'createJobs',
    contractAddress: '0x0000000000000000000000000000000000000001',
  })
}
const revertString = (reason: string) =>
  revert(encodeErrorResult({ abi: stringError, errorName: 'Error', args: [reason] }))
const revertCustom = (errorName: string, args: readonly unknown[] = []) =>
  revert(
    encodeErrorResult({ abi: managerCallAbi as Abi, errorName, args: args as unknown[] }),
    managerCallAbi as Abi,
  )

// contracts.md §13.2: every revert string of Ratio1's deployed CspEscrow, exactly.
const deployedStrings = [
  'USDC token cannot be zero address',
  'R1 token cannot be zero address',
  'Burn contract cannot be zero address',
  'Controller cannot be zero address',
  'Uniswap router cannot be zero address',
  'Uniswap pair cannot be zero address',
  'Deprecated job type',
  'Invalid job type',
  'Last execution epoch must be in the future',
  'Number of epochs must be greater than 30',
  'Number of nodes must be greater than 0',
  'USDC transfer failed',
  'Job does not exist',
  'New epoch must be greater',
  'New epoch must be in future',
  'No additional epochs',
  'No additional amount',
  'New number of nodes must be greater',
  'Job has already ended',
  'No rewards to claim',
  'Swap failed',
  'No balance left',
  'No R1 tokens to burn',
  'Job already started',
  'Job has active nodes',
  'Redemption cooldown not elapsed',
  'No balance to redeem',
  'Negative job balance',
  'Burn exceeds balance',
  'USDC refund transfer failed',
  'Timestamp is before the start epoch.',
  'Not CSP owner',
  'Not PoAI Manager',
  'Not authorized',
  'Not an oracle',
  'Delegate cannot be zero',
  'Cannot delegate to owner',
  'Permissions cannot be zero',
  'Delegate not found',
  'Delegate not found in array',
]

// Our contracts' revert strings, read from their sources so an added `require` cannot go unmapped.
const contractsDir = join(import.meta.dirname, '../../../contracts/contracts/core')
const ourStrings = readdirSync(contractsDir)
  .filter((file) => file.endsWith('.sol'))
  .flatMap((file) =>
    [
      ...readFileSync(join(contractsDir, file), 'utf8').matchAll(
        /require\([^;]*?,\s*"([^"]+)"\s*\)/gs,
      ),
    ].map((match) => match[1]!),
  )

const customErrors = [
  ...new Set(
    [...escrowCallAbi, ...managerCallAbi]
      .filter((item) => item.type === 'error')
      .map((item) => item.name),
  ),
]
const unmappedTokenErrors = new Set([
  'ECDSAInvalidSignature',
  'ECDSAInvalidSignatureLength',
  'ECDSAInvalidSignatureS',
  'ERC20InvalidApprover',
  'ERC20InvalidReceiver',
  'ERC20InvalidSender',
  'ERC20InvalidSpender',
  'InvalidShortString',
  'StringTooLong',
])

function argsFor(name: string): unknown[] {
  const item = [...escrowCallAbi, ...managerCallAbi].find(
    (entry) => entry.type === 'error' && entry.name === name,
  ) as unknown as { inputs: readonly { type: string }[] }
  return item.inputs.map((input) =>
    input.type === 'address'
      ? '0x0000000000000000000000000000000000000002'
      : input.type === 'uint256'
        ? 7n
        : input.type === 'string'
          ? 'x'
          : 0,
  )
}

describe('toEscrowError', () => {
  test('reads our contracts’ sources', () => {
    expect(ourStrings.length).toBeGreaterThan(40)
    expect(ourStrings).toContain('Job is closed')
  })

  test.each([...new Set([...deployedStrings, ...ourStrings])])(
    'maps the revert string "%s"',
    (reason) => {
      const cause = revertString(reason)
      const error = toEscrowError(cause, {
        functionName: 'createJobs',
        currentEpoch: 10n,
        requests: [{ jobType: 10n, lastExecutionEpoch: 5n, numberOfNodesRequested: 0n }],
      }) as BaseError & { retryable: boolean }
      expect(error).not.toBe(cause)
      expect(error).toBeInstanceOf(BaseError)
      expect(typeof error.retryable).toBe('boolean')
      expect(error.cause).toBe(cause)
      expect(error.walk((e) => e instanceof ContractFunctionRevertedError)).toMatchObject({
        reason,
      })
      expect(Object.values(exports).some((value) => value === error.constructor)).toBe(
        !(error instanceof DeprecatedJobTypeError) && !(error.constructor.name in sdkCore),
      )
    },
  )

  test.each(customErrors.filter((name) => !unmappedTokenErrors.has(name)))(
    'maps the custom error %s',
    (name) => {
      const cause = revertCustom(name, argsFor(name))
      const error = toEscrowError(cause, { jobId: 3n }) as BaseError & { retryable: boolean }
      expect(error).not.toBe(cause)
      expect(error).toBeInstanceOf(BaseError)
      expect(typeof error.retryable).toBe('boolean')
      expect(error.walk((e) => e instanceof ContractFunctionRevertedError)).toMatchObject({
        data: { errorName: name },
      })
    },
  )

  test('unknown reverts and other errors stay what they are', () => {
    const unknown = revertString('Something else went wrong')
    expect(toEscrowError(unknown)).toBe(unknown)
    const token = revertCustom('ECDSAInvalidSignature')
    expect(toEscrowError(token)).toBe(token)
    const plain = new Error('network down')
    expect(toEscrowError(plain)).toBe(plain)
    const viem = new ViemBaseError('rpc failed')
    expect(toEscrowError(viem)).toBe(viem)
  })

  test('sdk-core’s errors are reused with the call’s context, and say whether to retry', () => {
    const context = {
      currentEpoch: 100n,
      requests: [
        { jobType: 1n, lastExecutionEpoch: 140n, numberOfNodesRequested: 1n },
        { jobType: 1n, lastExecutionEpoch: 110n, numberOfNodesRequested: 1n },
      ],
      job: { lastExecutionEpoch: 90n, numberOfNodesRequested: 4n, requestTimestamp: 1_000n },
      newLastExecutionEpoch: 80n,
      newNumberOfNodes: 3n,
      jobId: 9n,
    }
    const epochs = toEscrowError(revertString('Number of epochs must be greater than 30'), context)
    expect(epochs).toBeInstanceOf(EpochsBelowMinimumError)
    expect(epochs).toMatchObject({ epochs: 10n, minimum: 30n, retryable: false })
    expect((epochs as Error).message).toContain('`requests[1].epochs` is 10')
    expect(toEscrowError(revertString('New epoch must be greater'), context)).toMatchObject({
      name: 'EpochNotInFutureError',
      epoch: 80n,
      mustExceed: 90n,
    })
    expect(toEscrowError(revertString('New epoch must be in future'), context)).toBeInstanceOf(
      EpochNotInFutureError,
    )
    expect(
      toEscrowError(revertString('New number of nodes must be greater'), context),
    ).toMatchObject({ name: 'NodeCountNotIncreasedError', current: 4n, requested: 3n })
    expect(toEscrowError(revertString('Job has already ended'), context)).toBeInstanceOf(
      JobEndedError,
    )
    expect(toEscrowError(revertString('Job already started'), context)).toBeInstanceOf(
      JobNotRedeemableError,
    )
    expect(toEscrowError(revertString('Redemption cooldown not elapsed'), context)).toMatchObject({
      name: 'RedemptionCooldownError',
      redeemableAt: 4_600n,
      retryable: true,
    })
    expect(
      toEscrowError(revertString('Number of nodes must be greater than 0'), {
        requests: [{ jobType: 1n, lastExecutionEpoch: 1n, numberOfNodesRequested: 0n }],
      }),
    ).toBeInstanceOf(InvalidNodeCountError)
    expect(
      toEscrowError(revertString('Invalid job type'), {
        requests: [{ jobType: 77n, lastExecutionEpoch: 1n, numberOfNodesRequested: 1n }],
      }),
    ).toBeInstanceOf(UnknownJobTypeError)
    expect(toEscrowError(revertString('Invalid job type'))).toMatchObject({
      name: 'JobTypeRejectedError',
    })
    expect(toEscrowError(revertCustom('InvalidPageSize'))).toBeInstanceOf(InvalidParameterError)
    expect(toEscrowError(revertCustom('ConsensusCooldownNotExpired'), { jobId: 4n })).toMatchObject(
      { name: 'ConsensusCooldownError', retryable: true, jobId: 4n },
    )
  })

  test('messages say what was wrong and what to do', () => {
    expect(
      toEscrowError(revertString('Job does not exist'), { jobId: 42n }),
    ).toMatchInlineSnapshot(`
      [JobNotFoundError: Job 42 does not exist: it was never created, was redeemed, or belongs to another escrow. Check the id with getJobDetails.

      Docs: docs/guides/errors.md#jobnotfounderror
      Details: The contract function "createJobs" reverted with the following reason:
      Job does not exist
      Version: @ratio1/sdk-escrow@x.y.z]
    `)
    const error = toEscrowError(revertCustom('ConsensusCooldownNotExpired')) as EscrowError
    expect(error).toBeInstanceOf(EscrowError)
    expect(error.shortMessage).toMatchInlineSnapshot(
      `"The job reached consensus less than 300 s ago; a different node set is rejected until the cooldown ends. Retry after getRemainingCooldownTime."`,
    )
  })
})

const sdkCore = Object.fromEntries(
  [
    DeprecatedJobTypeError,
    EpochNotInFutureError,
    EpochsBelowMinimumError,
    InvalidNodeCountError,
    InvalidParameterError,
    JobEndedError,
    JobNotRedeemableError,
    NodeCountNotIncreasedError,
    UnknownJobTypeError,
  ].map((value) => [value.name, value]),
)

test('every exported error class names itself, links its docs anchor and says whether to retry', () => {
  const classes = Object.entries(exports).filter(
    ([, value]) => typeof value === 'function' && value.prototype instanceof EscrowError,
  ) as [string, new (parameters: Record<string, unknown>) => EscrowError][]
  const parameters = {
    reason: 'a reason',
    requirement: 'oracle',
    token: 'USDC',
    key: 'order-1',
    contract: 'manager',
    functionName: 'createJobs',
    hash: '0x01',
    account: '0x0000000000000000000000000000000000000001',
  }
  const seen = classes.map(([name, ErrorClass]) => {
    const error = new ErrorClass(parameters)
    expect(error.name).toBe(name)
    expect(error.docsPath).toBe(`#${name.toLowerCase()}`)
    expect(typeof error.retryable).toBe('boolean')
    expect(error.shortMessage.length).toBeGreaterThan(20)
    return [name, error.retryable]
  })
  expect(Object.fromEntries(seen)).toMatchInlineSnapshot(`
    {
      "AlreadySubmittedError": false,
      "BeforeGenesisError": true,
      "ClosedJobWithdrawalError": false,
      "ClosedJobsNotPrunableError": false,
      "ConsensusCooldownError": true,
      "ContractAddressRequiredError": false,
      "DelegateConflictError": false,
      "DelegateNotFoundError": false,
      "EscrowAlreadyExistsError": false,
      "EscrowConfigurationError": false,
      "EscrowNotFoundError": false,
      "IdempotencyConflictError": false,
      "InsufficientAllowanceError": false,
      "InsufficientBalanceError": false,
      "InvalidDelegateError": false,
      "InvalidNodeSetError": false,
      "JobBalanceExhaustedError": false,
      "JobClosedError": false,
      "JobLimitExceededError": false,
      "JobNotFoundError": false,
      "JobTypeRejectedError": false,
      "JobUnderConsensusError": true,
      "NoOracleNodeError": false,
      "NoRewardsToClaimError": false,
      "NodeSetNotCachedError": false,
      "NotAuthorizedError": false,
      "NothingToPayError": false,
      "PermitError": true,
      "ReconciliationError": false,
      "RedemptionCooldownError": true,
      "SwapFailedError": true,
      "TokenTransferFailedError": false,
      "TransactionFailedError": true,
    }
  `)
})
