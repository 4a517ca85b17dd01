// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IController} from "../interfaces/IController.sol";

/// @title Controller (devnet stand-in)
/// @notice DEVNET ONLY. A small stand-in for Ratio1's Controller that provides what the PoAI
///         contracts read: an immutable epoch clock and an owner-managed oracle registry. The
///         revert strings of `addOracle`/`removeOracle` are those of the deployed Controller; the
///         rest of the live Controller (node activity, licence bookkeeping) is not reproduced.
contract Controller is IController, Ownable {
    /// @inheritdoc IController
    uint256 public immutable startEpochTimestamp;
    /// @inheritdoc IController
    uint256 public immutable epochDuration;

    address[] private _oracles;
    /// @notice When each current oracle was added (0 when the address is not an oracle).
    mapping(address oracle => uint256 timestamp) public oracleAddedAt;

    event OracleAdded(address oracle);
    event OracleRemoved(address oracle);

    error ZeroEpochDuration();

    constructor(uint256 startEpochTimestamp_, uint256 epochDuration_, address initialOwner)
        Ownable(initialOwner)
    {
        if (epochDuration_ == 0) revert ZeroEpochDuration();
        startEpochTimestamp = startEpochTimestamp_;
        epochDuration = epochDuration_;
    }

    /// @notice Registers `oracle`. Owner only.
    function addOracle(address oracle) external onlyOwner {
        require(oracle != address(0), "Invalid oracle address");
        require(oracleAddedAt[oracle] == 0, "Oracle already exists");
        _oracles.push(oracle);
        oracleAddedAt[oracle] = block.timestamp;
        emit OracleAdded(oracle);
    }

    /// @notice Removes `oracle` with swap-and-pop, so the order of `getOracles()` changes. Owner only.
    function removeOracle(address oracle) external onlyOwner {
        require(oracleAddedAt[oracle] != 0, "Oracle does not exist");
        uint256 last = _oracles.length - 1;
        for (uint256 i = 0; i <= last; i++) {
            if (_oracles[i] == oracle) {
                _oracles[i] = _oracles[last];
                _oracles.pop();
                break;
            }
        }
        delete oracleAddedAt[oracle];
        emit OracleRemoved(oracle);
    }

    /// @inheritdoc IController
    function getOracles() external view returns (address[] memory) {
        return _oracles;
    }

    /// @notice Whether `account` is currently an oracle.
    function isOracle(address account) external view returns (bool) {
        return oracleAddedAt[account] != 0;
    }

    /// @notice The epoch `block.timestamp` falls in; reverts before epoch 0 starts.
    function getCurrentEpoch() external view returns (uint256) {
        require(block.timestamp >= startEpochTimestamp, "Timestamp is before the start epoch.");
        return (block.timestamp - startEpochTimestamp) / epochDuration;
    }
}
