// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {CspEscrow} from "../../../contracts/core/CspEscrow.sol";
import {PoAIManager} from "../../../contracts/core/PoAIManager.sol";
import {vm} from "../utils/Vm.sol";
import {PoAITestBase} from "./PoAITestBase.sol";

/// @notice Happy paths and reverts of the escrow <-> manager callbacks, the owner administration and the
///         remaining views, called the way the other contract calls them.
contract ManagerCallbacksTest is PoAITestBase {
    event JobDeregistered(uint256 indexed jobId, address indexed escrow);

    function test_getNewJobId_mapsTheCallingEscrow() public {
        vm.prank(address(escrow));
        uint256 id = manager.getNewJobId();
        assertEq(id, 1, "first id");
        assertEq(manager.nextJobId(), 2, "incremented");
        assertEq(manager.jobIdToEscrow(id), address(escrow), "mapped");
    }

    function test_reserveJobIds_spansBuckets() public {
        CspEscrow e2 = _deploySecondEscrow();
        vm.prank(address(escrow));
        assertEq(manager.reserveJobIds(5), 1, "first");
        vm.prank(address(e2));
        assertEq(manager.reserveJobIds(13), 6, "second");
        for (uint256 id = 1; id <= 5; ++id) {
            assertEq(manager.jobIdToEscrow(id), address(escrow), "escrow 1");
        }
        for (uint256 id = 6; id <= 18; ++id) {
            assertEq(manager.jobIdToEscrow(id), address(e2), "escrow 2");
        }
        assertEq(manager.jobIdToEscrow(19), address(0), "unassigned");
    }

    function test_removeJob_revertsForAnotherEscrowsJob() public {
        CspEscrow e2 = _deploySecondEscrow();
        uint256 id = _createJob(ENTRY, 30, 1);
        vm.prank(address(e2));
        vm.expectRevert(PoAIManager.InvalidJob.selector);
        manager.removeJob(id);
        vm.expectEmit(address(manager));
        emit JobDeregistered(id, address(escrow));
        vm.prank(address(escrow));
        manager.removeJob(id);
    }

    function test_delegateRegistration() public {
        vm.startPrank(address(escrow));
        vm.expectRevert(PoAIManager.InvalidDelegatedAddress.selector);
        manager.registerDelegatedAddress(address(0));
        vm.expectRevert(PoAIManager.AddressAlreadyOwnsEscrow.selector);
        manager.registerDelegatedAddress(csp);
        manager.registerDelegatedAddress(delegate);
        manager.registerDelegatedAddress(delegate); // same escrow: no-op
        assertEq(manager.delegatedAddressToEscrow(delegate), address(escrow), "registered");
        vm.expectRevert(PoAIManager.DelegateNotRegistered.selector);
        manager.unregisterDelegatedAddress(stranger);
        manager.unregisterDelegatedAddress(delegate);
        vm.stopPrank();
        assertEq(manager.delegatedAddressToEscrow(delegate), address(0), "removed");
    }

    function test_nodeRewardsIndex() public {
        CspEscrow e2 = _deploySecondEscrow();
        vm.prank(address(escrow));
        manager.registerNodeWithRewards(nodes[0]);
        vm.prank(address(e2));
        manager.registerNodeWithRewards(nodes[0]);
        vm.prank(address(e2));
        manager.registerNodeWithRewards(nodes[0]); // idempotent
        address[] memory list = manager.getEscrowsWithRewardsForNode(nodes[0]);
        assertEq(list.length, 2, "two escrows");
        assertEq(manager.nodeToEscrowsWithRewards(nodes[0], 0), address(escrow), "index 0");
        assertEq(manager.nodeToEscrowsWithRewards(nodes[0], 1), address(e2), "index 1");
        vm.expectRevert();
        manager.nodeToEscrowsWithRewards(nodes[0], 2);
        vm.prank(address(escrow));
        manager.removeNodeFromRewardsList(nodes[0]);
        assertEq(manager.getEscrowsWithRewardsForNode(nodes[0]).length, 1, "removed");
        assertEq(manager.nodeToEscrowsWithRewards(nodes[0], 0), address(e2), "e2 left");
    }

    function test_escrowManagerOnlyPaths() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        address[] memory list = _nodes(0, 1);
        vm.startPrank(address(manager));
        vm.expectRevert(bytes("Job does not exist"));
        escrow.updateActiveNodes(999, list);
        vm.expectRevert(bytes("No rewards to claim"));
        escrow.claimRewardsForNode(nodes[0], nodeOwner);
        escrow.updateActiveNodes(id, new address[](0)); // starts and closes at once
        vm.expectRevert(bytes("Job is closed"));
        escrow.updateActiveNodes(id, list);
        (uint256 gross, uint256 next, bool done) = escrow.allocateRewardsToNodesPaginated(0, 10);
        vm.stopPrank();
        assertEq(gross, 0, "nothing");
        assertEq(next, 0, "no active jobs");
        assertTrue(done, "done");
    }

    /// Consensus needs the winning list; a list is cached when it reaches agreement before quorum. If the
    /// oracle set shrinks mid-round so that a never-cached list wins, the round reverts HashNotStored (the
    /// defensive error Ratio1 declares) instead of applying an unknown list.
    function test_hashNotStoredWhenOracleSetShrinksMidRound() public {
        address oracle4 = address(0x0A04);
        address oracle5 = address(0x0A05);
        controller.addOracle(oracle4);
        controller.addOracle(oracle5); // N = 5: quorum 3, agreement 2
        uint256 id = _createJob(ENTRY, 30, 1);
        address[] memory a = _nodes(0, 1);
        vm.prank(oracle1);
        manager.submitNodeUpdate(id, a); // A: 1 vote, not cached
        controller.removeOracle(oracle4);
        controller.removeOracle(oracle5); // N = 3: quorum 2, agreement 2
        controller.removeOracle(oracle3);
        controller.addOracle(oracle3); // still 3 oracles
        address[] memory b = _nodes(1, 1);
        vm.prank(oracle2);
        manager.submitNodeUpdate(id, b); // quorum 2 reached; A and B tie at 1 < agreement 2
        assertTrue(manager.isJobUnvalidated(id), "no consensus");
        controller.removeOracle(oracle3);
        controller.removeOracle(oracle2); // N = 1: quorum 1, agreement 1 -> A (earliest) wins, not cached
        controller.addOracle(oracle3);
        vm.prank(oracle3);
        vm.expectRevert(PoAIManager.HashNotStored.selector);
        manager.submitNodeUpdate(id, _nodes(2, 1));
    }

    function test_ownerAdministration() public {
        vm.prank(owner);
        manager.setAdoptionOracle(address(0xAD0));
        assertEq(address(manager.adoptionOracle()), address(0xAD0), "oracle");
        vm.prank(owner);
        manager.transferOwnership(stranger);
        assertEq(manager.owner(), stranger, "new owner");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSignature("OwnableInvalidOwner(address)", address(0)));
        manager.transferOwnership(address(0));
        // The beacon is a separate Ownable that stays with the original owner (as on Ratio1).
        assertEq(manager.cspEscrowBeacon().owner(), owner, "beacon owner");
        assertEq(manager.cspEscrowBeacon().implementation(), address(escrowImpl), "implementation");
        vm.prank(stranger);
        manager.renounceOwnership();
        assertEq(manager.owner(), address(0), "renounced");
    }

    function test_views_misc() public {
        assertEq(manager.CONSENSUS_COOLDOWN_PERIOD(), 300, "cooldown constant");
        (uint256 u, uint256 r) = manager.getNodePoAIRewards(address(0));
        assertEq(u + r, 0, "zero address");
        (bool active, address e) = manager.getAddressRegistration(csp);
        assertTrue(active && e == address(escrow), "owner registration");
        (active, e) = manager.getAddressRegistration(stranger);
        assertFalse(active, "stranger");
        assertEq(manager.getAllEscrowsCount(), 1, "count");
        assertEq(manager.allEscrows(0), address(escrow), "allEscrows");
        assertEq(manager.escrowToOwner(address(escrow)), csp, "owner");
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        vm.warp(block.timestamp + 100);
        assertEq(manager.getRemainingCooldownTime(id), 200, "partial cooldown");
        assertEq(manager.getRemainingCooldownTime(id + 1), 0, "no consensus yet");
        assertEq(manager.getJobDetails(id).escrowOwner, csp, "job details");
        assertEq(manager.getUnvalidatedJobIdsCount(), 0, "none pending");
        vm.warp(block.timestamp + 300);
        vm.prank(oracle1);
        manager.submitNodeUpdate(id, _nodes(1, 1));
        assertEq(manager.unvalidatedJobIds(0), id, "pending");
        assertEq(manager.getUnvalidatedJobIdsPaginated(oracle2, 0, 1).length, 1, "page");
        assertEq(manager.getUnvalidatedJobIdsPaginated(oracle2, 1, 1).length, 0, "past end");
        assertTrue(manager.getIsLastEpochAllocated(), "epoch 0 counts as allocated (marker starts at 0)");
        _advanceEpochs(1);
        assertFalse(manager.getIsLastEpochAllocated(), "epoch 1 not yet allocated");
    }
}
