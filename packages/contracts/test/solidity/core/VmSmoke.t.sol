// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {vm, TestAssertions} from "../utils/Vm.sol";

contract Thrower {
    function boom() external pure {
        revert("boom");
    }
}

contract VmSmokeTest is TestAssertions {
    function test_warpAndExpectRevert() public {
        vm.warp(1_000_000);
        assertEq(block.timestamp, 1_000_000, "warp");
        Thrower t = new Thrower();
        vm.expectRevert(bytes("boom"));
        t.boom();
        uint256 snap = vm.snapshotState();
        vm.warp(5);
        vm.revertToState(snap);
        assertEq(block.timestamp, 1_000_000, "snapshot");
    }

    function testFuzz_bound(uint256 x) public pure {
        uint256 y = bound(x, 3, 9);
        assertTrue(y >= 3 && y <= 9, "bound");
    }
}
