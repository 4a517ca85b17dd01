// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Controller} from "../../../contracts/devnet/Controller.sol";
import {vm, TestAssertions} from "../utils/Vm.sol";

contract ControllerTest is TestAssertions {
    event OracleAdded(address oracle);
    event OracleRemoved(address oracle);

    uint256 constant START = 1_738_767_600;
    uint256 constant DURATION = 86_400;
    address constant A = address(0xA1);
    address constant B = address(0xB2);
    address constant C = address(0xC3);

    Controller controller;

    function setUp() public {
        controller = new Controller(START, DURATION, address(this));
    }

    function test_epochClockIsFixedAtConstruction() public {
        assertEq(controller.startEpochTimestamp(), START, "start");
        assertEq(controller.epochDuration(), DURATION, "duration");
        vm.warp(START + 3 * DURATION + 5);
        assertEq(controller.getCurrentEpoch(), 3, "epoch 3");
        vm.warp(START);
        assertEq(controller.getCurrentEpoch(), 0, "epoch 0 at start");
        vm.warp(START - 1);
        vm.expectRevert(bytes("Timestamp is before the start epoch."));
        controller.getCurrentEpoch();
    }

    function test_zeroEpochDurationIsRejected() public {
        vm.expectRevert(Controller.ZeroEpochDuration.selector);
        new Controller(START, 0, address(this));
    }

    function test_addOracleRecordsAndEmits() public {
        vm.warp(START + 10);
        vm.expectEmit(address(controller));
        emit OracleAdded(A);
        controller.addOracle(A);
        controller.addOracle(B);
        address[] memory oracles = controller.getOracles();
        assertEq(oracles.length, 2, "two oracles");
        assertEq(oracles[0], A, "first");
        assertEq(oracles[1], B, "second");
        assertTrue(controller.isOracle(A), "A is oracle");
        assertFalse(controller.isOracle(C), "C is not");
        assertEq(controller.oracleAddedAt(A), START + 10, "added at");
    }

    function test_addOracleRevertStrings() public {
        vm.expectRevert(bytes("Invalid oracle address"));
        controller.addOracle(address(0));
        controller.addOracle(A);
        vm.expectRevert(bytes("Oracle already exists"));
        controller.addOracle(A);
    }

    function test_removeOracleSwapsAndPops() public {
        controller.addOracle(A);
        controller.addOracle(B);
        controller.addOracle(C);
        vm.expectEmit(address(controller));
        emit OracleRemoved(A);
        controller.removeOracle(A);
        address[] memory oracles = controller.getOracles();
        assertEq(oracles.length, 2, "two left");
        assertEq(oracles[0], C, "last moved into the gap");
        assertEq(oracles[1], B, "B stays");
        assertFalse(controller.isOracle(A), "A removed");
        vm.expectRevert(bytes("Oracle does not exist"));
        controller.removeOracle(A);
        // A removed oracle can be added again.
        controller.addOracle(A);
        assertEq(controller.getOracles().length, 3, "re-added");
    }

    function test_onlyOwnerManagesOracles() public {
        vm.prank(A);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, A));
        controller.addOracle(B);
        controller.addOracle(B);
        vm.prank(A);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, A));
        controller.removeOracle(B);
    }
}
