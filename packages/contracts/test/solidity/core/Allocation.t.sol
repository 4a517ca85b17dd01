// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {CspEscrow} from "../../../contracts/core/CspEscrow.sol";
import {PoAIManager} from "../../../contracts/core/PoAIManager.sol";
import {vm} from "../utils/Vm.sol";
import {PoAITestBase} from "./PoAITestBase.sol";

/// @notice Reward allocation, the 85/15 split and burn, claims, AdoptionOracle reports and the §17 fixes
///         around them.
contract AllocationTest is PoAITestBase {
    event RewardsAllocatedV3(uint256 indexed jobId, address nodeAddress, uint256 usdcAmount);
    event RewardsClaimed(address indexed nodeAddr, address indexed nodeOwner, uint256 totalAmount);

    function test_allocate_oneEpochEntrySplit() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        _start(id, _nodes(0, 2));
        _advanceEpochs(1);
        uint256 supply = r1.totalSupply();
        vm.expectEmit(address(escrow));
        emit RewardsAllocatedV3(id, nodes[0], 318_750);
        _allocate();
        assertEq(escrow.virtualWalletBalance(nodes[0]), 318_750, "85% incl. rounding");
        assertEq(escrow.virtualWalletBalance(nodes[1]), 318_750, "node 2");
        assertEq(_job(id).balance, int256(ENTRY_PRICE * 2 * 29), "debited 2 x 375k");
        assertEq(_job(id).lastAllocatedEpoch, 1, "epoch 1 paid");
        assertTrue(r1.totalSupply() < supply, "R1 burnt");
        assertEq(escrow.pendingBurnUsdc(), 0, "burn done");
        assertEq(adoption.totalPoaiVolume(), ENTRY_PRICE * 2, "gross volume reported");
        assertEq(manager.lastAllocatedEpoch(), 1, "marker");
        assertTrue(manager.getIsLastEpochAllocated(), "allocated");
        address[] memory withRewards = manager.getEscrowsWithRewardsForNode(nodes[0]);
        assertEq(withRewards.length, 1, "indexed");
        assertEq(withRewards[0], address(escrow), "escrow");
        (uint256 usdcRewards, uint256 r1Rewards) = manager.getNodePoAIRewards(nodes[0]);
        assertEq(usdcRewards, 318_750, "usdc rewards");
        assertTrue(r1Rewards > 0, "quoted");
        // A second call in the same epoch pays nothing more.
        _allocate();
        assertEq(escrow.virtualWalletBalance(nodes[0]), 318_750, "not paid twice");
    }

    function test_allocate_liteRoundingFavoursNodes() public {
        uint256 id = _createJob(LITE, 30, 1);
        _start(id, _nodes(0, 1));
        _advanceEpochs(1);
        _allocate();
        assertEq(escrow.virtualWalletBalance(nodes[0]), 141_667, "node");
        _advanceEpochs(10);
        _allocate(); // catch-up of 10 epochs floors once
        assertEq(escrow.virtualWalletBalance(nodes[0]), 141_667 + (1_666_660 - 249_999), "batch");
    }

    function test_allocate_stopsAtLastExecutionEpoch() public {
        uint256 id = _createJob(ENTRY, 30, 1); // epochs 1..30 paid
        _start(id, _nodes(0, 1));
        _advanceEpochs(40);
        _allocate();
        assertEq(_job(id).lastAllocatedEpoch, 30, "last paid epoch");
        assertEq(_job(id).balance, 0, "fully spent");
        (uint256 net,) = _split(ENTRY_PRICE * 30);
        assertEq(escrow.virtualWalletBalance(nodes[0]), net, "30 epochs");
    }

    function test_allocate_nothingInEpochZeroOrBeforeStart() public {
        vm.warp(START + 10);
        assertTrue(manager.getIsLastEpochAllocated(), "nothing to allocate in epoch 0");
        manager.allocateRewardsAcrossAllEscrows();
        (uint256 processed, bool done) = manager.allocateRewardsAcrossEscrowsPaginated(10);
        assertEq(processed, 0, "none");
        assertTrue(done, "done");
    }

    /// A job started in epoch 0 is paid for epoch 0 (Ratio1 panics on `0 - 1`, §17.16).
    function test_allocate_jobStartedInEpochZero() public {
        vm.warp(START + 10);
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        assertEq(_job(id).lastAllocatedEpoch, 0, "nothing allocated");
        _advanceEpochs(1);
        _allocate();
        (uint256 net,) = _split(ENTRY_PRICE);
        assertEq(escrow.virtualWalletBalance(nodes[0]), net, "epoch 0 paid");
    }

    /// Regression (§17.1): over-assignment. Ratio1 debits 2 nodes from a 1-node job, the balance goes
    /// negative and "No balance left" reverts the allocation of every escrow.
    function test_overAssignment_paysAtMostWhatWasFundedAndNeverBlocksOthers() public {
        CspEscrow e2 = _deploySecondEscrow();
        uint256 over = _createJob(ENTRY, 30, 1);
        uint256 other = _createJobOn(e2, csp2, ENTRY, 30, 1);
        _start(over, _nodes(0, 2)); // two nodes on a job paid for one
        vm.warp(block.timestamp + 1);
        vm.prank(oracle1);
        manager.submitNodeUpdate(other, _nodes(2, 1));
        vm.prank(oracle2);
        manager.submitNodeUpdate(other, _nodes(2, 1));
        _advanceEpochs(20);
        _allocate();
        // The over-assigned job pays one node's worth per epoch, shared by both nodes.
        uint256 perNode = ENTRY_PRICE * 20 / 2;
        (uint256 net,) = _split(perNode);
        assertEq(escrow.virtualWalletBalance(nodes[0]), net, "shared");
        assertEq(_job(over).balance, int256(ENTRY_PRICE * 10), "10 funded epochs left");
        (, uint256 withheld,) = escrow.getJobAccounting(over);
        assertEq(withheld, ENTRY_PRICE * 20, "one node x 20 epochs withheld");
        (uint256 otherNet,) = _split(ENTRY_PRICE * 20);
        assertEq(e2.virtualWalletBalance(nodes[2]), otherNet, "other escrow paid");
        _advanceEpochs(20);
        _allocate();
        assertEq(_job(over).balance, 0, "drained exactly");
        assertTrue(_job(over).balance >= 0, "never negative");
    }

    /// Regression (§17.2): catch-up pays each missed epoch to the node set of that epoch. Ratio1 pays the
    /// current set for all of them.
    function test_catchUp_paysEachEpochToItsOwnNodeSet() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        _advanceEpochs(5); // epochs 1-5 served by node 0, none allocated
        _consensus(id, _nodes(1, 1)); // node 1 takes over in epoch 6
        _advanceEpochs(3); // epochs 6-8 served by node 1
        _allocate();
        (uint256 n0,) = _split(ENTRY_PRICE * 5);
        (uint256 n1,) = _split(ENTRY_PRICE * 3);
        assertEq(escrow.virtualWalletBalance(nodes[0]), n0, "old set paid for its epochs");
        assertEq(escrow.virtualWalletBalance(nodes[1]), n1, "new set paid for its epochs");
        assertEq(adoption.totalPoaiVolume(), ENTRY_PRICE * 8, "settled volume reported");
        assertEq(escrow.pendingAllocatedVolume(), 0, "flushed");
    }

    /// Closing a job settles its finished epochs first; the leftover goes back to the CSP (§17.4).
    function test_close_settlesThenLeftoverIsWithdrawable() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        _start(id, _nodes(0, 1)); // runs with fewer nodes than paid for
        _advanceEpochs(10);
        _consensus(id, new address[](0));
        (uint256 net,) = _split(ENTRY_PRICE * 10);
        assertEq(escrow.virtualWalletBalance(nodes[0]), net, "paid up to the close");
        int256 left = _job(id).balance;
        assertEq(left, int256(ENTRY_PRICE * 2 * 30 - ENTRY_PRICE * 10), "leftover");
        vm.prank(stranger);
        vm.expectRevert(bytes("Not authorized"));
        escrow.withdrawClosedJobBalance(id);
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        escrow.withdrawClosedJobBalance(id);
        assertEq(usdc.balanceOf(csp) - before, uint256(left), "refunded");
        vm.prank(csp);
        vm.expectRevert(bytes("No balance to withdraw"));
        escrow.withdrawClosedJobBalance(id);
        _allocate();
        assertEq(escrow.pendingBurnUsdc(), 0, "burn flushed");
        // Pruning removes the record from the history.
        uint256[] memory indexes = new uint256[](1);
        vm.prank(csp);
        escrow.pruneClosedJobs(indexes);
        assertEq(escrow.getClosedJobsCount(), 0, "pruned");
        assertEq(_job(id).id, 0, "record deleted");
        assertEq(manager.jobIdToEscrow(id), address(0), "deregistered from the manager");
        assertFalse(manager.isJobClosed(id), "manager record cleared");
        vm.expectRevert(PoAIManager.JobDoesNotExist.selector);
        manager.getJobDetails(id);
    }

    function test_withdrawClosedJobBalance_reverts() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        vm.prank(csp);
        vm.expectRevert(bytes("Job is not closed"));
        escrow.withdrawClosedJobBalance(id);
        vm.prank(csp);
        vm.expectRevert(bytes("Job does not exist"));
        escrow.withdrawClosedJobBalance(id + 1);
    }

    function test_pruneClosedJobs_reverts() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        _start(id, _nodes(0, 1));
        vm.warp(block.timestamp + 300);
        _consensus(id, new address[](0));
        uint256[] memory indexes = new uint256[](1);
        vm.prank(csp);
        vm.expectRevert(bytes("Closed job still holds a balance"));
        escrow.pruneClosedJobs(indexes);
        vm.prank(stranger);
        vm.expectRevert(bytes("Not CSP owner"));
        escrow.pruneClosedJobs(indexes);
    }

    // ---------------------------------------------------------------------------------------------
    // Claims
    // ---------------------------------------------------------------------------------------------

    function test_claim_paysR1ToNdOwnerAcrossEscrows() public {
        CspEscrow e2 = _deploySecondEscrow();
        uint256 a = _createJob(ENTRY, 30, 1);
        uint256 b = _createJobOn(e2, csp2, ENTRY, 30, 1);
        _start(a, _nodes(0, 1));
        vm.prank(oracle1);
        manager.submitNodeUpdate(b, _nodes(0, 1));
        vm.prank(oracle2);
        manager.submitNodeUpdate(b, _nodes(0, 1));
        _advanceEpochs(2);
        _allocate();
        assertEq(manager.getEscrowsWithRewardsForNode(nodes[0]).length, 2, "two escrows owe");
        (uint256 net,) = _split(ENTRY_PRICE * 2);
        uint256 usdcBefore = usdc.balanceOf(address(escrow));
        vm.expectEmit(address(manager));
        emit RewardsClaimed(nodes[0], nodeOwner, 2 * net);
        vm.prank(nodeOwner);
        manager.claimRewardsForNode(nodes[0]);
        assertTrue(r1.balanceOf(nodeOwner) > 0, "R1 received");
        assertEq(escrow.virtualWalletBalance(nodes[0]), 0, "cleared");
        assertEq(e2.virtualWalletBalance(nodes[0]), 0, "cleared 2");
        assertEq(usdcBefore - usdc.balanceOf(address(escrow)), net, "USDC left the escrow");
        assertEq(manager.getEscrowsWithRewardsForNode(nodes[0]).length, 0, "index cleared");
        // Empty claim succeeds with a total of 0, as on Ratio1.
        vm.prank(nodeOwner);
        manager.claimRewardsForNode(nodes[0]);
    }

    function test_claim_reverts() public {
        vm.expectRevert(PoAIManager.NotNodeOwner.selector);
        manager.claimRewardsForNode(nodes[0]);
        vm.expectRevert(); // an unlinked node: ND's ownerOf(0) reverts
        manager.claimRewardsForNode(address(0xDEAD));
    }

    function test_claimRewardsForNodes_batch() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        _start(id, _nodes(0, 2));
        _advanceEpochs(1);
        _allocate();
        address[] memory both = _nodes(0, 2);
        vm.prank(nodeOwner);
        manager.claimRewardsForNodes(both);
        assertEq(escrow.virtualWalletBalance(nodes[1]), 0, "both claimed");
    }

    function test_claimWithLimits_enforcesMinimumAndDeadline() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        _advanceEpochs(1);
        _allocate();
        vm.prank(nodeOwner);
        vm.expectRevert(bytes("Swap failed"));
        manager.claimRewardsForNodeWithLimits(nodes[0], type(uint128).max, block.timestamp + 60);
        uint256 deadline = block.timestamp - 1;
        vm.prank(nodeOwner);
        vm.expectRevert(bytes("Swap failed"));
        manager.claimRewardsForNodeWithLimits(nodes[0], 1, deadline);
        // With no tolerance the default claim cannot pay even the 0.3% pool fee: it reverts, and the
        // balance stays claimable.
        vm.prank(owner);
        manager.setSwapSlippageBps(0);
        vm.prank(nodeOwner);
        vm.expectRevert(bytes("Swap failed"));
        manager.claimRewardsForNode(nodes[0]);
        // The node owner's own floor replaces the default one. Pool price: 3 R1 per USDC; ask for 2.9.
        vm.prank(nodeOwner);
        manager.claimRewardsForNodeWithLimits(nodes[0], 2.9e18, block.timestamp + 60);
        assertTrue(r1.balanceOf(nodeOwner) >= 318_750 * 2.9e18 / 1e6, "minimum honoured");
    }

    // ---------------------------------------------------------------------------------------------
    // Swap protection
    // ---------------------------------------------------------------------------------------------

    /// Regression (§17.14): the burn swap carries a minimum output derived from the pair's reserves. When the
    /// swap would be too expensive it is deferred instead of executed at any price, and payouts continue.
    function test_burnSwap_deferredWhenPriceImpactExceedsTolerance() public {
        vm.prank(owner);
        manager.setSwapSlippageBps(0); // even the 0.3% pool fee is too much now
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        _advanceEpochs(1);
        uint256 supply = r1.totalSupply();
        _allocate();
        (uint256 net, uint256 burn) = _split(ENTRY_PRICE);
        assertEq(escrow.virtualWalletBalance(nodes[0]), net, "nodes still paid");
        assertEq(escrow.pendingBurnUsdc(), burn, "burn pending");
        assertEq(r1.totalSupply(), supply, "nothing burnt");
        vm.prank(owner);
        manager.setSwapSlippageBps(100);
        _advanceEpochs(1);
        _allocate();
        assertEq(escrow.pendingBurnUsdc(), 0, "burn caught up");
        assertTrue(r1.totalSupply() < supply, "burnt");
    }

    function test_setSwapSlippageBps_bounds() public {
        vm.prank(owner);
        vm.expectRevert(PoAIManager.SlippageTooHigh.selector);
        manager.setSwapSlippageBps(5_001);
        vm.prank(owner);
        manager.setSwapSlippageBps(5_000);
        assertEq(manager.swapSlippageBps(), 5_000, "set");
    }

    // ---------------------------------------------------------------------------------------------
    // Pagination
    // ---------------------------------------------------------------------------------------------

    function test_paginatedAllocation_matchesSingleShot() public {
        CspEscrow e2 = _deploySecondEscrow();
        for (uint256 i; i < 5; ++i) {
            uint256 id = _createJob(ENTRY, 30, 1);
            _start(id, _nodes(i, 1));
            vm.warp(block.timestamp + 1);
        }
        for (uint256 i; i < 3; ++i) {
            uint256 id = _createJobOn(e2, csp2, LITE, 30, 1);
            vm.prank(oracle1);
            manager.submitNodeUpdate(id, _nodes(5 + i, 1));
            vm.prank(oracle2);
            manager.submitNodeUpdate(id, _nodes(5 + i, 1));
        }
        _advanceEpochs(1);
        (uint256 processed, bool done) = manager.allocateRewardsAcrossEscrowsPaginated(3);
        assertEq(processed, 3, "first page");
        assertFalse(done, "more");
        assertFalse(manager.getIsLastEpochAllocated(), "not complete");
        (uint256 epoch, uint256 escrowIndex, uint256 jobIndex) = manager.getAllocationCursor();
        assertEq(epoch, 1, "cursor epoch");
        assertEq(escrowIndex, 0, "cursor escrow");
        assertEq(jobIndex, 3, "cursor job");
        (processed, done) = manager.allocateRewardsAcrossEscrowsPaginated(3);
        assertFalse(done, "still more");
        (processed, done) = manager.allocateRewardsAcrossEscrowsPaginated(3);
        assertTrue(done, "complete");
        assertTrue(manager.getIsLastEpochAllocated(), "complete marker");
        (processed, done) = manager.allocateRewardsAcrossEscrowsPaginated(3);
        assertEq(processed, 0, "nothing left this epoch");
        (uint256 net,) = _split(ENTRY_PRICE);
        (uint256 liteNet,) = _split(166_666);
        for (uint256 i; i < 5; ++i) {
            assertEq(escrow.virtualWalletBalance(nodes[i]), net, "escrow 1 paid");
        }
        for (uint256 i; i < 3; ++i) {
            assertEq(e2.virtualWalletBalance(nodes[5 + i]), liteNet, "escrow 2 paid");
        }
        assertEq(adoption.totalPoaiVolume(), ENTRY_PRICE * 5 + 166_666 * 3, "volume across pages");
        assertEq(escrow.pendingBurnUsdc(), 0, "burns flushed");
        assertEq(e2.pendingBurnUsdc(), 0, "burns flushed 2");
        vm.expectRevert(PoAIManager.InvalidPageSize.selector);
        manager.allocateRewardsAcrossEscrowsPaginated(0);
    }

    /// A job closed in the middle of a paginated pass moves another job into its slot (swap-and-pop); the
    /// moved job is paid later, each epoch exactly once.
    function test_paginatedAllocation_jobClosedMidPass() public {
        uint256[] memory ids = new uint256[](3);
        for (uint256 i; i < 3; ++i) {
            ids[i] = _createJob(ENTRY, 30, 1);
            _start(ids[i], _nodes(i, 1));
            vm.warp(block.timestamp + 1);
        }
        _advanceEpochs(1);
        manager.allocateRewardsAcrossEscrowsPaginated(1); // pays ids[0]
        vm.warp(block.timestamp + 300);
        _consensus(ids[0], new address[](0)); // closes ids[0]; ids[2] moves to position 0
        (, bool done) = manager.allocateRewardsAcrossEscrowsPaginated(5); // positions 1.. : ids[1]
        assertTrue(done, "pass complete");
        (uint256 net,) = _split(ENTRY_PRICE);
        assertEq(escrow.virtualWalletBalance(nodes[1]), net, "ids[1] paid");
        assertEq(escrow.virtualWalletBalance(nodes[2]), 0, "ids[2] skipped this pass");
        _advanceEpochs(1);
        _allocate();
        (uint256 net2,) = _split(ENTRY_PRICE * 2);
        assertEq(escrow.virtualWalletBalance(nodes[2]), net2, "ids[2] caught up: both epochs once");
        assertEq(escrow.virtualWalletBalance(nodes[0]), net, "closed job paid once");
    }

    // ---------------------------------------------------------------------------------------------
    // Legacy maintenance
    // ---------------------------------------------------------------------------------------------

    function test_reconcile_isIdempotentAndOwnerOnly() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        _advanceEpochs(3);
        _allocate();
        int256 balance = _job(id).balance;
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", address(this)));
        manager.reconcileAllJobsBalance();
        vm.expectRevert(abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", address(this)));
        manager.reconcileAllJobsAcrossEscrows();
        vm.startPrank(owner);
        manager.reconcileAllJobsBalance();
        assertTrue(manager.hasReconciled(), "flag");
        vm.expectRevert(PoAIManager.AlreadyReconciled.selector);
        manager.reconcileAllJobsBalance();
        manager.reconcileAllJobsAcrossEscrows();
        manager.reconcileAllJobsAcrossEscrows();
        vm.stopPrank();
        assertEq(_job(id).balance, balance, "balances untouched");
        assertEq(_job(id).lastExecutionEpoch, 31, "end untouched");
        vm.expectRevert(bytes("Not PoAI Manager"));
        escrow.reconcileJobsBalance();
        vm.expectRevert(bytes("Not PoAI Manager"));
        escrow.reconcileAllJobs();
    }

    function test_setBurnContract_managerAndEscrowOverride() public {
        vm.prank(owner);
        vm.expectRevert(PoAIManager.BurnContractZeroAddress.selector);
        manager.setBurnContract(address(0));
        vm.prank(owner);
        manager.setBurnContract(address(0xB0B));
        assertEq(manager.burnContract(), address(0xB0B), "manager");
        assertEq(escrow.burnContract(), address(0xB0B), "escrows follow the manager");
        vm.prank(address(manager));
        vm.expectRevert(bytes("Burn contract cannot be zero address"));
        escrow.setBurnContract(address(0));
        vm.prank(address(manager));
        escrow.setBurnContract(address(burner));
        assertEq(escrow.burnContract(), address(burner), "override");
    }
}
