// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title IController
/// @notice The parts of Ratio1's Controller that the PoAI contracts read: the epoch clock and the
///         oracle registry. Selectors match the deployed Controller.
interface IController {
    /// @notice Timestamp at which epoch 0 starts (selector 0x125d5d71).
    function startEpochTimestamp() external view returns (uint256);

    /// @notice Length of one epoch in seconds (selector 0x4ff0876a).
    function epochDuration() external view returns (uint256);

    /// @notice Current oracle addresses, in registry order (selector 0x40884c52).
    function getOracles() external view returns (address[] memory);
}
