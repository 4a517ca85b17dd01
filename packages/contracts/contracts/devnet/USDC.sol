// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title USDC (devnet stand-in)
/// @notice DEVNET ONLY. A 6-decimal ERC-20 with EIP-2612 `permit` standing in for USDC. Anyone may
///         `mint` (it is a faucet), so it has no value. The EIP-712 domain is
///         (name "USD Coin", version "1"); Circle's USDC uses version "2".
contract USDC is ERC20, ERC20Permit {
    constructor() ERC20("USD Coin", "USDC") ERC20Permit("USD Coin") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Devnet faucet: mints `amount` base units to `to`.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
