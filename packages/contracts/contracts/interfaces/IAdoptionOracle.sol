// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title IAdoptionOracle
/// @notice Receives the PoAI volume the manager allocated for an epoch.
interface IAdoptionOracle {
    /// @notice Records `volume` (6-decimal USDC units, burn included) for `epoch`
    ///         (selector 0xb5283656).
    function recordPoaiVolume(uint256 epoch, uint256 volume) external;
}
