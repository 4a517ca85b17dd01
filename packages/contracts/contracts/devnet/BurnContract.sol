// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {IBurnContract} from "../interfaces/IBurnContract.sol";
import {IR1Burnable} from "../interfaces/IR1Burnable.sol";

/// @title BurnContract (devnet stand-in)
/// @notice DEVNET ONLY. Burns R1 held by the caller through R1's privileged burn, so no approval is
///         needed; this contract must be registered as an R1 burner. Not upgradeable, with the R1
///         address fixed at construction, like the live BurnContract.
contract BurnContract is IBurnContract {
    IR1Burnable public immutable r1;

    event Burned(address indexed from, uint256 amount);

    constructor(address r1_) {
        require(r1_ != address(0), "R1 cannot be zero address");
        r1 = IR1Burnable(r1_);
    }

    /// @inheritdoc IBurnContract
    function burn(uint256 amount) external {
        r1.burn(msg.sender, amount);
        emit Burned(msg.sender, amount);
    }
}
