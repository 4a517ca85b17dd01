// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title IPoAIManager
/// @notice What a CspEscrow calls on its PoAIManager.
interface IPoAIManager {
    function getNewJobId() external returns (uint256);
    function reserveJobIds(uint256 count) external returns (uint256 firstJobId);
    function removeJob(uint256 jobId) external;
    function registerDelegatedAddress(address delegatedAddress) external;
    function unregisterDelegatedAddress(address delegatedAddress) external;
    function registerNodeWithRewards(address nodeAddress) external;
    function removeNodeFromRewardsList(address nodeAddress) external;
    function burnContract() external view returns (address);
    function swapSlippageBps() external view returns (uint256);
}
