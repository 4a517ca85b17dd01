// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {AdoptionOracle} from "../../../contracts/devnet/AdoptionOracle.sol";
import {vm, TestAssertions} from "../utils/Vm.sol";

contract AdoptionOracleTest is TestAssertions {
    address constant MANAGER = address(0x7A7A);

    AdoptionOracle oracle;

    function setUp() public {
        oracle = new AdoptionOracle(address(this));
        oracle.setPoAIManager(MANAGER);
    }

    function test_onlyTheManagerRecords() public {
        vm.expectRevert(bytes("Not PoAI Manager"));
        oracle.recordPoaiVolume(1, 100);
        vm.prank(address(0xBAD));
        vm.expectRevert(bytes("Not PoAI Manager"));
        oracle.recordPoaiVolume(1, 100);
    }

    function test_setPoAIManagerIsOwnerOnly() public {
        vm.prank(MANAGER);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, MANAGER));
        oracle.setPoAIManager(MANAGER);
    }

    function test_zeroVolumeIsIgnored() public {
        vm.prank(MANAGER);
        oracle.recordPoaiVolume(5, 0);
        assertFalse(oracle.hasRecords(), "nothing recorded");
        assertEq(oracle.totalPoaiVolume(), 0, "total 0");
    }

    function test_cumulativeTotalsAndGapFilling() public {
        vm.startPrank(MANAGER);
        oracle.recordPoaiVolume(2, 100);
        oracle.recordPoaiVolume(2, 50);
        oracle.recordPoaiVolume(6, 25);
        vm.stopPrank();
        assertEq(oracle.cumulativePoaiVolume(1), 0, "before first record");
        assertEq(oracle.cumulativePoaiVolume(2), 150, "same epoch accumulates");
        assertEq(oracle.cumulativePoaiVolume(3), 150, "gap 3 filled");
        assertEq(oracle.cumulativePoaiVolume(4), 150, "gap 4 filled");
        assertEq(oracle.cumulativePoaiVolume(5), 150, "gap 5 filled");
        assertEq(oracle.cumulativePoaiVolume(6), 175, "epoch 6");
        assertEq(oracle.lastRecordedEpoch(), 6, "last epoch");
        assertEq(oracle.totalPoaiVolume(), 175, "total");
        assertEq(oracle.getCumulativePoaiVolume(100), 175, "after last record");
        assertEq(oracle.getCumulativePoaiVolume(4), 150, "inside gap");
    }

    function test_epochsMustNotDecrease() public {
        vm.startPrank(MANAGER);
        oracle.recordPoaiVolume(4, 1);
        vm.expectRevert(bytes("Invalid epoch order"));
        oracle.recordPoaiVolume(3, 1);
        // A zero volume is ignored before the order check.
        oracle.recordPoaiVolume(3, 0);
        vm.stopPrank();
    }

    function testFuzz_totalIsTheSumOfRecordedVolumes(uint64[6] memory volumes, uint8[6] memory steps)
        public
    {
        uint256 epoch = 1;
        uint256 sum;
        vm.startPrank(MANAGER);
        for (uint256 i = 0; i < 6; i++) {
            epoch += steps[i] % 4;
            oracle.recordPoaiVolume(epoch, volumes[i]);
            sum += volumes[i];
        }
        vm.stopPrank();
        assertEq(oracle.totalPoaiVolume(), sum, "total");
        // Cumulative totals never decrease from one epoch to the next.
        for (uint256 e = 2; e <= epoch; e++) {
            assertGe(oracle.getCumulativePoaiVolume(e), oracle.getCumulativePoaiVolume(e - 1), "monotone");
        }
    }
}
