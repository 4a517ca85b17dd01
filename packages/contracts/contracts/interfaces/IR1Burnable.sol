// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title IR1Burnable
/// @notice R1's privileged burn, callable only by addresses R1 registered as burners.
interface IR1Burnable {
    /// @notice Burns `amount` from `from` without an allowance (selector of `burn(address,uint256)`).
    function burn(address from, uint256 amount) external;
}
