// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {JobDetails} from "./PoAITypes.sol";

/// @title ICspEscrow
/// @notice What the PoAIManager calls on a CspEscrow.
interface ICspEscrow {
    function cspOwner() external view returns (address);
    function usdcToken() external view returns (address);
    function r1Token() external view returns (address);
    function controller() external view returns (address);
    function uniswapV2Router() external view returns (address);
    function uniswapV2Pair() external view returns (address);

    function updateActiveNodes(uint256 jobId, address[] calldata newActiveNodes) external;
    function allocateRewardsToNodes() external returns (uint256);
    function allocateRewardsToNodesPaginated(uint256 startIndex, uint256 maxJobs)
        external
        returns (uint256 grossAmount, uint256 nextIndex, bool done);
    function claimRewardsForNode(address nodeAddr, address nodeOwner) external returns (uint256);
    function claimRewardsForNodeWithLimits(
        address nodeAddr,
        address nodeOwner,
        uint256 minR1Out,
        uint256 deadline
    ) external returns (uint256 usdcAmount, uint256 r1Amount);
    function reconcileJobsBalance() external;
    function reconcileAllJobs() external;
    function setBurnContract(address newBurnContract) external;

    function getJobDetails(uint256 jobId) external view returns (JobDetails memory);
    function getJobActiveNodes(uint256 jobId) external view returns (address[] memory);
    function getActiveJobs() external view returns (JobDetails[] memory);
    function getActiveJobsPaginated(uint256 offset, uint256 limit)
        external
        view
        returns (JobDetails[] memory);
    function getActiveJobsCount() external view returns (uint256);
    function getTotalJobsBalance() external view returns (int256);
    function getFirstClosableJobId() external view returns (uint256);
    function virtualWalletBalance(address node) external view returns (uint256);
}
