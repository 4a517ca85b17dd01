import {
  type AllocateRewardsAcrossAllEscrowsParameters,
  type AllocateRewardsAcrossAllEscrowsReturnType,
  allocateRewardsAcrossAllEscrows,
} from '../actions/allocateRewardsAcrossAllEscrows.js'
import {
  type AllocateRewardsAcrossEscrowsPaginatedParameters,
  type AllocateRewardsAcrossEscrowsPaginatedReturnType,
  allocateRewardsAcrossEscrowsPaginated,
} from '../actions/allocateRewardsAcrossEscrowsPaginated.js'
import {
  type ApproveUsdcParameters,
  type ApproveUsdcReturnType,
  approveUsdc,
} from '../actions/approveUsdc.js'
import {
  type ClaimRewardsForNodeParameters,
  type ClaimRewardsForNodeReturnType,
  claimRewardsForNode,
} from '../actions/claimRewardsForNode.js'
import {
  type ClaimRewardsForNodesParameters,
  type ClaimRewardsForNodesReturnType,
  claimRewardsForNodes,
} from '../actions/claimRewardsForNodes.js'
import {
  type CreateJobsParameters,
  type CreateJobsReturnType,
  createJobs,
} from '../actions/createJobs.js'
import {
  type CreateJobsIdempotentParameters,
  type CreateJobsIdempotentReturnType,
  createJobsIdempotent,
} from '../actions/createJobsIdempotent.js'
import {
  type DeployCspEscrowParameters,
  type DeployCspEscrowReturnType,
  deployCspEscrow,
} from '../actions/deployCspEscrow.js'
import {
  type ExtendJobDurationParameters,
  type ExtendJobDurationReturnType,
  extendJobDuration,
} from '../actions/extendJobDuration.js'
import {
  type ExtendJobNodesParameters,
  type ExtendJobNodesReturnType,
  extendJobNodes,
} from '../actions/extendJobNodes.js'
import {
  type PruneClosedJobsParameters,
  type PruneClosedJobsReturnType,
  pruneClosedJobs,
} from '../actions/pruneClosedJobs.js'
import {
  type RedeemUnusedJobParameters,
  type RedeemUnusedJobReturnType,
  redeemUnusedJob,
} from '../actions/redeemUnusedJob.js'
import {
  type RemoveDelegateParameters,
  type RemoveDelegateReturnType,
  removeDelegate,
} from '../actions/removeDelegate.js'
import {
  type SetDelegatePermissionsParameters,
  type SetDelegatePermissionsReturnType,
  setDelegatePermissions,
} from '../actions/setDelegatePermissions.js'
import {
  type SignUsdcPermitParameters,
  type SignUsdcPermitReturnType,
  signUsdcPermit,
} from '../actions/signUsdcPermit.js'
import {
  type SubmitNodeUpdateParameters,
  type SubmitNodeUpdateReturnType,
  submitNodeUpdate,
} from '../actions/submitNodeUpdate.js'
import {
  type WithdrawClosedJobBalanceParameters,
  type WithdrawClosedJobBalanceReturnType,
  withdrawClosedJobBalance,
} from '../actions/withdrawClosedJobBalance.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'
import { type EscrowPublicActions, escrowPublicActions } from './escrowPublicActions.js'

/** Every action of this package, bound to a wallet client: reads, simulations and writes. */
export type EscrowActions = EscrowPublicActions & {
  approveUsdc: (parameters: ApproveUsdcParameters) => Promise<ApproveUsdcReturnType>
  signUsdcPermit: (parameters: SignUsdcPermitParameters) => Promise<SignUsdcPermitReturnType>
  createJobs: (parameters: CreateJobsParameters) => Promise<CreateJobsReturnType>
  createJobsIdempotent: (
    parameters: CreateJobsIdempotentParameters,
  ) => Promise<CreateJobsIdempotentReturnType>
  extendJobDuration: (
    parameters: ExtendJobDurationParameters,
  ) => Promise<ExtendJobDurationReturnType>
  extendJobNodes: (parameters: ExtendJobNodesParameters) => Promise<ExtendJobNodesReturnType>
  redeemUnusedJob: (parameters: RedeemUnusedJobParameters) => Promise<RedeemUnusedJobReturnType>
  withdrawClosedJobBalance: (
    parameters: WithdrawClosedJobBalanceParameters,
  ) => Promise<WithdrawClosedJobBalanceReturnType>
  pruneClosedJobs: (parameters: PruneClosedJobsParameters) => Promise<PruneClosedJobsReturnType>
  setDelegatePermissions: (
    parameters: SetDelegatePermissionsParameters,
  ) => Promise<SetDelegatePermissionsReturnType>
  removeDelegate: (parameters: RemoveDelegateParameters) => Promise<RemoveDelegateReturnType>
  deployCspEscrow: (parameters?: DeployCspEscrowParameters) => Promise<DeployCspEscrowReturnType>
  claimRewardsForNode: (
    parameters: ClaimRewardsForNodeParameters,
  ) => Promise<ClaimRewardsForNodeReturnType>
  claimRewardsForNodes: (
    parameters: ClaimRewardsForNodesParameters,
  ) => Promise<ClaimRewardsForNodesReturnType>
  allocateRewardsAcrossAllEscrows: (
    parameters?: AllocateRewardsAcrossAllEscrowsParameters,
  ) => Promise<AllocateRewardsAcrossAllEscrowsReturnType>
  allocateRewardsAcrossEscrowsPaginated: (
    parameters: AllocateRewardsAcrossEscrowsPaginatedParameters,
  ) => Promise<AllocateRewardsAcrossEscrowsPaginatedReturnType>
  submitNodeUpdate: (parameters: SubmitNodeUpdateParameters) => Promise<SubmitNodeUpdateReturnType>
}

/**
 * Decorates a viem wallet client (with an account) with every action of this package, so
 * `client.createJobs(...)` works. `defaults` (e.g. `{ manager }`) apply to every call.
 *
 * @example
 * ```ts
 * import { createWalletClient, http } from 'viem'
 * import { privateKeyToAccount } from 'viem/accounts'
 * import { base } from 'viem/chains'
 * import { escrowActions } from '@ratio1/sdk-escrow'
 * const client = createWalletClient({ account: privateKeyToAccount(key), chain: base, transport: http() })
 *   .extend(escrowActions())
 * const { jobIds } = await client.createJobs({ jobs: [{ jobType: 1, nodes: 2, epochs: 30 }] })
 * ```
 */
export function escrowActions(
  defaults: ManagerParameters = {},
): (client: EscrowClient) => EscrowActions {
  return (client) => ({
    ...escrowPublicActions(defaults)(client),
    approveUsdc: (parameters) => approveUsdc(client, { ...defaults, ...parameters }),
    signUsdcPermit: (parameters) => signUsdcPermit(client, { ...defaults, ...parameters }),
    createJobs: (parameters) => createJobs(client, { ...defaults, ...parameters }),
    createJobsIdempotent: (parameters) =>
      createJobsIdempotent(client, { ...defaults, ...parameters }),
    extendJobDuration: (parameters) => extendJobDuration(client, { ...defaults, ...parameters }),
    extendJobNodes: (parameters) => extendJobNodes(client, { ...defaults, ...parameters }),
    redeemUnusedJob: (parameters) => redeemUnusedJob(client, { ...defaults, ...parameters }),
    withdrawClosedJobBalance: (parameters) =>
      withdrawClosedJobBalance(client, { ...defaults, ...parameters }),
    pruneClosedJobs: (parameters) => pruneClosedJobs(client, { ...defaults, ...parameters }),
    setDelegatePermissions: (parameters) =>
      setDelegatePermissions(client, { ...defaults, ...parameters }),
    removeDelegate: (parameters) => removeDelegate(client, { ...defaults, ...parameters }),
    deployCspEscrow: (parameters = {}) => deployCspEscrow(client, { ...defaults, ...parameters }),
    claimRewardsForNode: (parameters) =>
      claimRewardsForNode(client, { ...defaults, ...parameters }),
    claimRewardsForNodes: (parameters) =>
      claimRewardsForNodes(client, { ...defaults, ...parameters }),
    allocateRewardsAcrossAllEscrows: (parameters = {}) =>
      allocateRewardsAcrossAllEscrows(client, { ...defaults, ...parameters }),
    allocateRewardsAcrossEscrowsPaginated: (parameters) =>
      allocateRewardsAcrossEscrowsPaginated(client, { ...defaults, ...parameters }),
    submitNodeUpdate: (parameters) => submitNodeUpdate(client, { ...defaults, ...parameters }),
  })
}
