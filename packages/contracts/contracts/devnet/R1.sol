// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Capped} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Capped.sol";
import {IR1Burnable} from "../interfaces/IR1Burnable.sol";

/// @title R1 (devnet stand-in)
/// @notice DEVNET ONLY. A capped 18-decimal ERC-20 standing in for Ratio1's R1 token. Minting is
///         restricted to minters and the privileged `burn(from, amount)` to burners, both managed by
///         the owner. Burners burn without an allowance, which is what BurnContract relies on.
contract R1 is IR1Burnable, ERC20Capped, Ownable {
    mapping(address account => bool) public isMinter;
    mapping(address account => bool) public isBurner;

    event MinterAdded(address indexed account);
    event MinterRemoved(address indexed account);
    event BurnerAdded(address indexed account);
    event BurnerRemoved(address indexed account);

    error R1NotMinter(address account);
    error R1NotBurner(address account);
    error R1ZeroAddress();

    constructor(uint256 cap_, address initialOwner)
        ERC20("Ratio1 (devnet)", "R1")
        ERC20Capped(cap_)
        Ownable(initialOwner)
    {}

    function addMinter(address account) external onlyOwner {
        if (account == address(0)) revert R1ZeroAddress();
        isMinter[account] = true;
        emit MinterAdded(account);
    }

    function removeMinter(address account) external onlyOwner {
        delete isMinter[account];
        emit MinterRemoved(account);
    }

    function addBurner(address account) external onlyOwner {
        if (account == address(0)) revert R1ZeroAddress();
        isBurner[account] = true;
        emit BurnerAdded(account);
    }

    function removeBurner(address account) external onlyOwner {
        delete isBurner[account];
        emit BurnerRemoved(account);
    }

    /// @notice Mints `amount` to `to`; reverts above the cap. Minters only.
    function mint(address to, uint256 amount) external {
        if (!isMinter[msg.sender]) revert R1NotMinter(msg.sender);
        _mint(to, amount);
    }

    /// @inheritdoc IR1Burnable
    function burn(address from, uint256 amount) external {
        if (!isBurner[msg.sender]) revert R1NotBurner(msg.sender);
        _burn(from, amount);
    }
}
