// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title IBurnContract
/// @notice Ratio1's BurnContract: burns R1 held by the caller through R1's privileged burn.
interface IBurnContract {
    /// @notice Burns `amount` R1 from `msg.sender` (selector 0x42966c68).
    function burn(uint256 amount) external;
}
