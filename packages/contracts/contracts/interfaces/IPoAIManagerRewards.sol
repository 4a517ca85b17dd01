// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title IPoAIManagerRewards
/// @notice The PoAIManager view that the ND licence contract calls back from `getLicenses`.
interface IPoAIManagerRewards {
    /// @notice Unclaimed rewards of `node`: USDC owed and its R1 quote (selector 0xd4699d3a).
    function getNodePoAIRewards(address node)
        external
        view
        returns (uint256 usdcRewards, uint256 r1Rewards);
}
