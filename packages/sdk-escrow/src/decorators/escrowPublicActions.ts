import {
  type GetActiveJobsParameters,
  type GetActiveJobsReturnType,
  getActiveJobs,
} from '../actions/getActiveJobs.js'
import {
  type GetAllEscrowsParameters,
  type GetAllEscrowsReturnType,
  getAllEscrows,
} from '../actions/getAllEscrows.js'
import {
  type GetClosedJobsParameters,
  type GetClosedJobsReturnType,
  getClosedJobs,
} from '../actions/getClosedJobs.js'
import {
  type GetCurrentEpochParameters,
  type GetCurrentEpochReturnType,
  getCurrentEpoch,
} from '../actions/getCurrentEpoch.js'
import {
  type GetDelegatesParameters,
  type GetDelegatesReturnType,
  getDelegates,
} from '../actions/getDelegates.js'
import {
  type GetEscrowParameters,
  type GetEscrowReturnType,
  getEscrow,
} from '../actions/getEscrow.js'
import {
  type GetEscrowBalancesParameters,
  type GetEscrowBalancesReturnType,
  getEscrowBalances,
} from '../actions/getEscrowBalances.js'
import {
  type GetEscrowEventsParameters,
  type GetEscrowEventsReturnType,
  getEscrowEvents,
} from '../actions/getEscrowEvents.js'
import {
  type GetEscrowsWithRewardsForNodeParameters,
  type GetEscrowsWithRewardsForNodeReturnType,
  getEscrowsWithRewardsForNode,
} from '../actions/getEscrowsWithRewardsForNode.js'
import {
  type GetFirstClosableJobIdParameters,
  type GetFirstClosableJobIdReturnType,
  getFirstClosableJobId,
} from '../actions/getFirstClosableJobId.js'
import {
  type GetJobAccountingParameters,
  type GetJobAccountingReturnType,
  getJobAccounting,
} from '../actions/getJobAccounting.js'
import {
  type GetJobActiveNodesParameters,
  type GetJobActiveNodesReturnType,
  getJobActiveNodes,
} from '../actions/getJobActiveNodes.js'
import {
  type GetJobDetailsParameters,
  type GetJobDetailsReturnType,
  getJobDetails,
} from '../actions/getJobDetails.js'
import { type GetJobsParameters, type GetJobsReturnType, getJobs } from '../actions/getJobs.js'
import {
  type GetJobTimelineParameters,
  type GetJobTimelineReturnType,
  getJobTimeline,
} from '../actions/getJobTimeline.js'
import {
  type GetNodeEarningsParameters,
  type GetNodeEarningsReturnType,
  getNodeEarnings,
} from '../actions/getNodeEarnings.js'
import {
  type GetNodePoAIRewardsParameters,
  type GetNodePoAIRewardsReturnType,
  getNodePoAIRewards,
} from '../actions/getNodePoAIRewards.js'
import {
  type GetProjectsParameters,
  type GetProjectsReturnType,
  getProjects,
} from '../actions/getProjects.js'
import {
  type GetUnvalidatedJobIdsParameters,
  type GetUnvalidatedJobIdsReturnType,
  getUnvalidatedJobIds,
} from '../actions/getUnvalidatedJobIds.js'
import {
  type SimulateAllocateRewardsAcrossAllEscrowsParameters,
  type SimulateAllocateRewardsAcrossAllEscrowsReturnType,
  simulateAllocateRewardsAcrossAllEscrows,
} from '../actions/simulateAllocateRewardsAcrossAllEscrows.js'
import {
  type SimulateAllocateRewardsAcrossEscrowsPaginatedParameters,
  type SimulateAllocateRewardsAcrossEscrowsPaginatedReturnType,
  simulateAllocateRewardsAcrossEscrowsPaginated,
} from '../actions/simulateAllocateRewardsAcrossEscrowsPaginated.js'
import {
  type SimulateClaimRewardsForNodeParameters,
  type SimulateClaimRewardsForNodeReturnType,
  simulateClaimRewardsForNode,
} from '../actions/simulateClaimRewardsForNode.js'
import {
  type SimulateClaimRewardsForNodesParameters,
  type SimulateClaimRewardsForNodesReturnType,
  simulateClaimRewardsForNodes,
} from '../actions/simulateClaimRewardsForNodes.js'
import {
  type SimulateCreateJobsParameters,
  type SimulateCreateJobsReturnType,
  simulateCreateJobs,
} from '../actions/simulateCreateJobs.js'
import {
  type SimulateDeployCspEscrowParameters,
  type SimulateDeployCspEscrowReturnType,
  simulateDeployCspEscrow,
} from '../actions/simulateDeployCspEscrow.js'
import {
  type SimulateExtendJobDurationParameters,
  type SimulateExtendJobDurationReturnType,
  simulateExtendJobDuration,
} from '../actions/simulateExtendJobDuration.js'
import {
  type SimulateExtendJobNodesParameters,
  type SimulateExtendJobNodesReturnType,
  simulateExtendJobNodes,
} from '../actions/simulateExtendJobNodes.js'
import {
  type SimulatePruneClosedJobsParameters,
  type SimulatePruneClosedJobsReturnType,
  simulatePruneClosedJobs,
} from '../actions/simulatePruneClosedJobs.js'
import {
  type SimulateRedeemUnusedJobParameters,
  type SimulateRedeemUnusedJobReturnType,
  simulateRedeemUnusedJob,
} from '../actions/simulateRedeemUnusedJob.js'
import {
  type SimulateRemoveDelegateParameters,
  type SimulateRemoveDelegateReturnType,
  simulateRemoveDelegate,
} from '../actions/simulateRemoveDelegate.js'
import {
  type SimulateSetDelegatePermissionsParameters,
  type SimulateSetDelegatePermissionsReturnType,
  simulateSetDelegatePermissions,
} from '../actions/simulateSetDelegatePermissions.js'
import {
  type SimulateSubmitNodeUpdateParameters,
  type SimulateSubmitNodeUpdateReturnType,
  simulateSubmitNodeUpdate,
} from '../actions/simulateSubmitNodeUpdate.js'
import {
  type SimulateWithdrawClosedJobBalanceParameters,
  type SimulateWithdrawClosedJobBalanceReturnType,
  simulateWithdrawClosedJobBalance,
} from '../actions/simulateWithdrawClosedJobBalance.js'
import {
  type WatchJobEventsParameters,
  type WatchJobEventsReturnType,
  watchJobEvents,
} from '../actions/watchJobEvents.js'
import type { EscrowClient, ManagerParameters } from '../internal/types.js'

/** The read and simulate actions of this package, bound to a client. */
export type EscrowPublicActions = {
  getActiveJobs: (parameters?: GetActiveJobsParameters) => Promise<GetActiveJobsReturnType>
  getAllEscrows: (parameters?: GetAllEscrowsParameters) => Promise<GetAllEscrowsReturnType>
  getClosedJobs: (parameters?: GetClosedJobsParameters) => Promise<GetClosedJobsReturnType>
  getCurrentEpoch: (parameters?: GetCurrentEpochParameters) => Promise<GetCurrentEpochReturnType>
  getDelegates: (parameters?: GetDelegatesParameters) => Promise<GetDelegatesReturnType>
  getEscrow: (parameters?: GetEscrowParameters) => Promise<GetEscrowReturnType>
  getEscrowBalances: (
    parameters?: GetEscrowBalancesParameters,
  ) => Promise<GetEscrowBalancesReturnType>
  getEscrowEvents: (parameters?: GetEscrowEventsParameters) => Promise<GetEscrowEventsReturnType>
  getEscrowsWithRewardsForNode: (
    parameters: GetEscrowsWithRewardsForNodeParameters,
  ) => Promise<GetEscrowsWithRewardsForNodeReturnType>
  getFirstClosableJobId: (
    parameters?: GetFirstClosableJobIdParameters,
  ) => Promise<GetFirstClosableJobIdReturnType>
  getJobAccounting: (parameters: GetJobAccountingParameters) => Promise<GetJobAccountingReturnType>
  getJobActiveNodes: (
    parameters: GetJobActiveNodesParameters,
  ) => Promise<GetJobActiveNodesReturnType>
  getJobDetails: (parameters: GetJobDetailsParameters) => Promise<GetJobDetailsReturnType>
  getJobTimeline: (parameters: GetJobTimelineParameters) => Promise<GetJobTimelineReturnType>
  getJobs: (parameters: GetJobsParameters) => Promise<GetJobsReturnType>
  getNodeEarnings: (parameters: GetNodeEarningsParameters) => Promise<GetNodeEarningsReturnType>
  getNodePoAIRewards: (
    parameters: GetNodePoAIRewardsParameters,
  ) => Promise<GetNodePoAIRewardsReturnType>
  getProjects: (parameters?: GetProjectsParameters) => Promise<GetProjectsReturnType>
  getUnvalidatedJobIds: (
    parameters: GetUnvalidatedJobIdsParameters,
  ) => Promise<GetUnvalidatedJobIdsReturnType>
  watchJobEvents: (parameters: WatchJobEventsParameters) => WatchJobEventsReturnType
  simulateAllocateRewardsAcrossAllEscrows: (
    parameters: SimulateAllocateRewardsAcrossAllEscrowsParameters,
  ) => Promise<SimulateAllocateRewardsAcrossAllEscrowsReturnType>
  simulateAllocateRewardsAcrossEscrowsPaginated: (
    parameters: SimulateAllocateRewardsAcrossEscrowsPaginatedParameters,
  ) => Promise<SimulateAllocateRewardsAcrossEscrowsPaginatedReturnType>
  simulateClaimRewardsForNode: (
    parameters: SimulateClaimRewardsForNodeParameters,
  ) => Promise<SimulateClaimRewardsForNodeReturnType>
  simulateClaimRewardsForNodes: (
    parameters: SimulateClaimRewardsForNodesParameters,
  ) => Promise<SimulateClaimRewardsForNodesReturnType>
  simulateCreateJobs: (
    parameters: SimulateCreateJobsParameters,
  ) => Promise<SimulateCreateJobsReturnType>
  simulateDeployCspEscrow: (
    parameters: SimulateDeployCspEscrowParameters,
  ) => Promise<SimulateDeployCspEscrowReturnType>
  simulateExtendJobDuration: (
    parameters: SimulateExtendJobDurationParameters,
  ) => Promise<SimulateExtendJobDurationReturnType>
  simulateExtendJobNodes: (
    parameters: SimulateExtendJobNodesParameters,
  ) => Promise<SimulateExtendJobNodesReturnType>
  simulatePruneClosedJobs: (
    parameters: SimulatePruneClosedJobsParameters,
  ) => Promise<SimulatePruneClosedJobsReturnType>
  simulateRedeemUnusedJob: (
    parameters: SimulateRedeemUnusedJobParameters,
  ) => Promise<SimulateRedeemUnusedJobReturnType>
  simulateRemoveDelegate: (
    parameters: SimulateRemoveDelegateParameters,
  ) => Promise<SimulateRemoveDelegateReturnType>
  simulateSetDelegatePermissions: (
    parameters: SimulateSetDelegatePermissionsParameters,
  ) => Promise<SimulateSetDelegatePermissionsReturnType>
  simulateSubmitNodeUpdate: (
    parameters: SimulateSubmitNodeUpdateParameters,
  ) => Promise<SimulateSubmitNodeUpdateReturnType>
  simulateWithdrawClosedJobBalance: (
    parameters: SimulateWithdrawClosedJobBalanceParameters,
  ) => Promise<SimulateWithdrawClosedJobBalanceReturnType>
}

/**
 * Decorates a viem client with this package's reads and simulations, so `client.getJobs(...)` works.
 * `defaults` (e.g. `{ manager }` or `{ network: 'mainnet' }`) apply to every call.
 *
 * @example
 * ```ts
 * import { createPublicClient, http } from 'viem'
 * import { base } from 'viem/chains'
 * import { escrowPublicActions } from '@ratio1/sdk-escrow'
 * const client = createPublicClient({ chain: base, transport: http() }).extend(escrowPublicActions())
 * const jobs = await client.getActiveJobs()
 * ```
 */
export function escrowPublicActions(
  defaults: ManagerParameters = {},
): (client: EscrowClient) => EscrowPublicActions {
  return (client) => ({
    getActiveJobs: (parameters = {}) => getActiveJobs(client, { ...defaults, ...parameters }),
    getAllEscrows: (parameters = {}) => getAllEscrows(client, { ...defaults, ...parameters }),
    getClosedJobs: (parameters = {}) => getClosedJobs(client, { ...defaults, ...parameters }),
    getCurrentEpoch: (parameters = {}) => getCurrentEpoch(client, { ...defaults, ...parameters }),
    getDelegates: (parameters = {}) => getDelegates(client, { ...defaults, ...parameters }),
    getEscrow: (parameters = {}) => getEscrow(client, { ...defaults, ...parameters }),
    getEscrowBalances: (parameters = {}) =>
      getEscrowBalances(client, { ...defaults, ...parameters }),
    getEscrowEvents: (parameters = {}) => getEscrowEvents(client, { ...defaults, ...parameters }),
    getEscrowsWithRewardsForNode: (parameters) =>
      getEscrowsWithRewardsForNode(client, { ...defaults, ...parameters }),
    getFirstClosableJobId: (parameters = {}) =>
      getFirstClosableJobId(client, { ...defaults, ...parameters }),
    getJobAccounting: (parameters) => getJobAccounting(client, { ...defaults, ...parameters }),
    getJobActiveNodes: (parameters) => getJobActiveNodes(client, { ...defaults, ...parameters }),
    getJobDetails: (parameters) => getJobDetails(client, { ...defaults, ...parameters }),
    getJobTimeline: (parameters) => getJobTimeline(client, { ...defaults, ...parameters }),
    getJobs: (parameters) => getJobs(client, { ...defaults, ...parameters }),
    getNodeEarnings: (parameters) => getNodeEarnings(client, { ...defaults, ...parameters }),
    getNodePoAIRewards: (parameters) => getNodePoAIRewards(client, { ...defaults, ...parameters }),
    getProjects: (parameters = {}) => getProjects(client, { ...defaults, ...parameters }),
    getUnvalidatedJobIds: (parameters) =>
      getUnvalidatedJobIds(client, { ...defaults, ...parameters }),
    watchJobEvents: (parameters) => watchJobEvents(client, { ...defaults, ...parameters }),
    simulateAllocateRewardsAcrossAllEscrows: (parameters) =>
      simulateAllocateRewardsAcrossAllEscrows(client, { ...defaults, ...parameters }),
    simulateAllocateRewardsAcrossEscrowsPaginated: (parameters) =>
      simulateAllocateRewardsAcrossEscrowsPaginated(client, { ...defaults, ...parameters }),
    simulateClaimRewardsForNode: (parameters) =>
      simulateClaimRewardsForNode(client, { ...defaults, ...parameters }),
    simulateClaimRewardsForNodes: (parameters) =>
      simulateClaimRewardsForNodes(client, { ...defaults, ...parameters }),
    simulateCreateJobs: (parameters) => simulateCreateJobs(client, { ...defaults, ...parameters }),
    simulateDeployCspEscrow: (parameters) =>
      simulateDeployCspEscrow(client, { ...defaults, ...parameters }),
    simulateExtendJobDuration: (parameters) =>
      simulateExtendJobDuration(client, { ...defaults, ...parameters }),
    simulateExtendJobNodes: (parameters) =>
      simulateExtendJobNodes(client, { ...defaults, ...parameters }),
    simulatePruneClosedJobs: (parameters) =>
      simulatePruneClosedJobs(client, { ...defaults, ...parameters }),
    simulateRedeemUnusedJob: (parameters) =>
      simulateRedeemUnusedJob(client, { ...defaults, ...parameters }),
    simulateRemoveDelegate: (parameters) =>
      simulateRemoveDelegate(client, { ...defaults, ...parameters }),
    simulateSetDelegatePermissions: (parameters) =>
      simulateSetDelegatePermissions(client, { ...defaults, ...parameters }),
    simulateSubmitNodeUpdate: (parameters) =>
      simulateSubmitNodeUpdate(client, { ...defaults, ...parameters }),
    simulateWithdrawClosedJobBalance: (parameters) =>
      simulateWithdrawClosedJobBalance(client, { ...defaults, ...parameters }),
  })
}
