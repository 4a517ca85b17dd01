// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title Vm
/// @notice The cheatcodes that Hardhat 3's Solidity test runner (EDR) understands and that our tests use.
///         Declared in-repo because the npm `forge-std` package does not resolve here. Signatures follow the
///         cheatcode ABI, so adding one is a matter of declaring it.
interface Vm {
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    // Time and blocks.
    function warp(uint256 newTimestamp) external;
    function roll(uint256 newHeight) external;

    // Caller control.
    function prank(address msgSender) external;
    function prank(address msgSender, address txOrigin) external;
    function startPrank(address msgSender) external;
    function stopPrank() external;

    // Balances, code and storage.
    function deal(address account, uint256 newBalance) external;
    function etch(address target, bytes calldata newRuntimeBytecode) external;
    function store(address target, bytes32 slot, bytes32 value) external;
    function load(address target, bytes32 slot) external view returns (bytes32 data);

    // Expectations.
    function expectRevert() external;
    function expectRevert(bytes4 revertData) external;
    function expectRevert(bytes calldata revertData) external;
    function expectEmit() external;
    function expectEmit(address emitter) external;
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData) external;
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData, address emitter)
        external;

    // Logs.
    function recordLogs() external;
    function getRecordedLogs() external returns (Log[] memory logs);

    // Fuzzing helpers.
    function assume(bool condition) external pure;

    // Addresses and labels.
    function addr(uint256 privateKey) external pure returns (address keyAddr);
    function label(address account, string calldata newLabel) external;

    // State snapshots.
    function snapshotState() external returns (uint256 snapshotId);
    function revertToState(uint256 snapshotId) external returns (bool success);

    // Gas.
    function pauseGasMetering() external;
    function resumeGasMetering() external;
}

/// @dev The fixed address at which the test runner serves the cheatcodes.
Vm constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

/// @title TestAssertions
/// @notice Minimal assertion helpers with readable failure messages (forge-std's `Test` is not available).
abstract contract TestAssertions {
    error AssertionFailed(string message);
    error AssertionEqUint(string message, uint256 left, uint256 right);
    error AssertionEqInt(string message, int256 left, int256 right);
    error AssertionEqAddress(string message, address left, address right);
    error AssertionEqBytes32(string message, bytes32 left, bytes32 right);

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert AssertionFailed(message);
    }

    function assertFalse(bool condition, string memory message) internal pure {
        if (condition) revert AssertionFailed(message);
    }

    function assertEq(uint256 left, uint256 right, string memory message) internal pure {
        if (left != right) revert AssertionEqUint(message, left, right);
    }

    function assertEq(int256 left, int256 right, string memory message) internal pure {
        if (left != right) revert AssertionEqInt(message, left, right);
    }

    function assertEq(address left, address right, string memory message) internal pure {
        if (left != right) revert AssertionEqAddress(message, left, right);
    }

    function assertEq(bytes32 left, bytes32 right, string memory message) internal pure {
        if (left != right) revert AssertionEqBytes32(message, left, right);
    }

    function assertEq(bool left, bool right, string memory message) internal pure {
        if (left != right) revert AssertionFailed(message);
    }

    function assertGe(uint256 left, uint256 right, string memory message) internal pure {
        if (left < right) revert AssertionEqUint(message, left, right);
    }

    function assertLe(uint256 left, uint256 right, string memory message) internal pure {
        if (left > right) revert AssertionEqUint(message, left, right);
    }

    /// @dev Maps `x` into [min, max] uniformly enough for fuzzing, keeping small inputs stable.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1;
        return min + (x % size);
    }
}
