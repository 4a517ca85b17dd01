// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {PoAIManager} from "../../../contracts/core/PoAIManager.sol";
import {JobDetails} from "../../../contracts/core/PoAITypes.sol";
import {vm} from "../utils/Vm.sol";
import {PoAITestBase} from "./PoAITestBase.sol";

/// @notice Oracle consensus on job node sets: thresholds, tie-break, rounds, cooldown, closing.
contract ConsensusTest is PoAITestBase {
    event NodeUpdateSubmittedV2(
        uint256 indexed jobId, address indexed oracle, address[] newActiveNodes, bytes32 nodesHash
    );
    event ConsensusReachedV2(uint256 indexed jobId, address[] activeNodes, address[] participants);
    event ConsensusNotReached(
        uint256 indexed jobId, uint256 oraclesCount, uint256 proposalsCount, uint256 maxAgreementCount
    );
    event JobStarted(uint256 indexed jobId, uint256 startTimestamp);
    event JobClosed(uint256 indexed jobId, uint256 closeTimestamp);
    event NodesUpdated(uint256 indexed jobId, address[] activeNodes);

    address internal oracle4 = address(0x0A04);
    address internal oracle5 = address(0x0A05);

    function _addOracles(uint256 total) internal {
        if (total >= 4) controller.addOracle(oracle4);
        if (total >= 5) controller.addOracle(oracle5);
    }

    function _submit(address oracle, uint256 jobId, address[] memory list) internal {
        vm.prank(oracle);
        manager.submitNodeUpdate(jobId, list);
    }

    function test_hashOfEmptyListMatchesRatio1() public pure {
        assertEq(
            keccak256(abi.encode(new address[](0))),
            0x569e75fc77c1a856f6daaf9e69d8a9566ca34aa47f9133711ce065a571af0cfd,
            "empty hash"
        );
    }

    function test_threeOracles_secondMatchingVoteStartsTheJob() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        address[] memory list = _nodes(0, 2);
        bytes32 h = keccak256(abi.encode(list));
        vm.expectEmit(address(manager));
        emit NodeUpdateSubmittedV2(id, oracle1, list, h);
        _submit(oracle1, id, list);
        assertTrue(manager.isJobUnvalidated(id), "round open");
        assertEq(manager.unvalidatedJobIds(0), id, "listed");
        (address proposer, bytes32 ph) = manager.nodesTransactionProposals(id, 1, 0);
        assertEq(proposer, oracle1, "proposer");
        assertEq(ph, h, "hash");
        assertEq(manager.getUnvalidatedJobIds(oracle1).length, 0, "oracle1 already voted");
        assertEq(manager.getUnvalidatedJobIds(oracle2).length, 1, "oracle2 has to vote");

        address[] memory participants = new address[](2);
        participants[0] = oracle1;
        participants[1] = oracle2;
        vm.expectEmit(address(manager));
        emit ConsensusReachedV2(id, list, participants);
        vm.expectEmit(address(escrow));
        emit JobStarted(id, block.timestamp);
        vm.expectEmit(address(escrow));
        emit NodesUpdated(id, list);
        _submit(oracle2, id, list);

        JobDetails memory j = _job(id);
        assertEq(j.startTimestamp, block.timestamp, "started");
        assertEq(j.lastAllocatedEpoch, 0, "start epoch 1 - 1");
        assertEq(j.activeNodes.length, 2, "nodes");
        assertFalse(manager.isJobUnvalidated(id), "round closed");
        assertEq(manager.jobConsensusTimestamp(id), block.timestamp, "consensus ts");
        assertEq(manager.getRemainingCooldownTime(id), 300, "cooldown");
        // The third oracle arrives late with the same list: silent no-op.
        _submit(oracle3, id, list);
        assertFalse(manager.isJobUnvalidated(id), "still closed");
        vm.expectRevert(); // the round's proposals were deleted
        manager.nodesTransactionProposals(id, 1, 0);
    }

    function test_oneOracle_everyDifferentListAppliesAtOnce() public {
        controller.removeOracle(oracle2);
        controller.removeOracle(oracle3);
        uint256 id = _createJob(ENTRY, 30, 2);
        _submit(oracle1, id, _nodes(0, 2));
        assertEq(_job(id).activeNodes.length, 2, "applied");
        vm.warp(block.timestamp + 300);
        _submit(oracle1, id, _nodes(2, 1));
        assertEq(_job(id).activeNodes[0], nodes[2], "replaced");
    }

    /// With two oracles the agreement threshold is 1: the first proposer's list wins a 1-1 split
    /// (Ratio1's rule, §10.4, kept for compatibility).
    function test_twoOracles_earliestProposalWinsATie() public {
        controller.removeOracle(oracle3);
        uint256 id = _createJob(ENTRY, 30, 2);
        _submit(oracle1, id, _nodes(0, 2));
        _submit(oracle2, id, _nodes(2, 2));
        assertEq(_job(id).activeNodes[0], nodes[0], "first list wins");
    }

    /// Five oracles: quorum 3, agreement 2. A, A, B -> A wins at the third submission although it carries B;
    /// A's list comes from the copy cached when A reached the agreement threshold.
    function test_fiveOracles_winnerDifferentFromTheSubmitterUsesCachedList() public {
        _addOracles(5);
        uint256 id = _createJob(ENTRY, 30, 2);
        address[] memory a = _nodes(0, 2);
        _submit(oracle1, id, a);
        _submit(oracle2, id, a);
        assertEq(_job(id).activeNodes.length, 0, "no quorum yet");
        _submit(oracle3, id, _nodes(3, 1));
        assertEq(_job(id).activeNodes.length, 2, "A applied");
        assertEq(_job(id).activeNodes[1], nodes[1], "A's list");
    }

    function test_fourOracles_consensusNotReachedThenReached() public {
        _addOracles(4); // quorum 3, agreement 2
        uint256 id = _createJob(ENTRY, 30, 2);
        _submit(oracle1, id, _nodes(0, 1));
        _submit(oracle2, id, _nodes(1, 1));
        vm.expectEmit(address(manager));
        emit ConsensusNotReached(id, 4, 3, 1);
        _submit(oracle3, id, _nodes(2, 1));
        assertTrue(manager.isJobUnvalidated(id), "open");
        _submit(oracle4, id, _nodes(1, 1));
        assertEq(_job(id).activeNodes[0], nodes[1], "second list won 2 votes");
    }

    function test_orderMatters() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        address[] memory ab = _nodes(0, 2);
        address[] memory ba = new address[](2);
        ba[0] = ab[1];
        ba[1] = ab[0];
        _submit(oracle1, id, ab);
        _submit(oracle2, id, ba);
        assertEq(_job(id).activeNodes.length, 0, "different proposals");
        _submit(oracle3, id, ba);
        assertEq(_job(id).activeNodes[0], ab[1], "BA won");
    }

    function test_roundsArePerEpochAndStaleRoundsAreDropped() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        _submit(oracle1, id, _nodes(0, 1));
        _advanceEpochs(1);
        assertEq(manager.getUnvalidatedJobIds(oracle1).length, 1, "oracle1 may vote again");
        _submit(oracle1, id, _nodes(1, 1)); // new round; epoch 1's proposal is deleted
        vm.expectRevert();
        manager.nodesTransactionProposals(id, 1, 0);
        (address p,) = manager.nodesTransactionProposals(id, 2, 0);
        assertEq(p, oracle1, "new round");
        _submit(oracle2, id, _nodes(1, 1));
        assertEq(_job(id).activeNodes[0], nodes[1], "applied");
    }

    function test_submitNodeUpdate_reverts() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        vm.expectRevert(PoAIManager.NotOracle.selector);
        manager.submitNodeUpdate(id, _nodes(0, 1));
        address[] memory list = _nodes(0, 1);
        vm.prank(oracle1);
        vm.expectRevert(PoAIManager.JobDoesNotExist.selector);
        manager.submitNodeUpdate(999, list);
        _submit(oracle1, id, list);
        vm.prank(oracle1);
        vm.expectRevert(PoAIManager.AlreadySubmitted.selector);
        manager.submitNodeUpdate(id, list);
        _submit(oracle2, id, list);
        address[] memory other = _nodes(1, 1);
        vm.prank(oracle3);
        vm.expectRevert(PoAIManager.ConsensusCooldownNotExpired.selector);
        manager.submitNodeUpdate(id, other);
        vm.warp(block.timestamp + 300);
        _submit(oracle3, id, other);
        assertEq(manager.getRemainingCooldownTime(id), 0, "cooldown over");
    }

    /// A list naming a node twice would pay it twice per epoch; one naming address(0) would pay nobody.
    function test_submitNodeUpdate_rejectsDuplicateAndZeroNodes() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        address[] memory dup = new address[](2);
        dup[0] = nodes[0];
        dup[1] = nodes[0];
        vm.prank(oracle1);
        vm.expectRevert(PoAIManager.DuplicateNode.selector);
        manager.submitNodeUpdate(id, dup);
        address[] memory zero = new address[](1);
        vm.prank(oracle1);
        vm.expectRevert(PoAIManager.InvalidNodeAddress.selector);
        manager.submitNodeUpdate(id, zero);
    }

    function test_confirmingTheCurrentSetChangesNothingButStartsTheCooldown() public {
        _addOracles(4);
        uint256 id = _createJob(ENTRY, 30, 2);
        address[] memory list = _nodes(0, 2);
        _submit(oracle1, id, list);
        _submit(oracle2, id, list);
        _submit(oracle3, id, list);
        uint256 changed = _job(id).lastNodesChangeTimestamp;
        vm.warp(block.timestamp + 400);
        _submit(oracle1, id, _nodes(2, 2)); // opens a round
        _submit(oracle2, id, list);
        _submit(oracle3, id, list); // quorum 3, [list] wins with 2 = current set
        assertEq(_job(id).lastNodesChangeTimestamp, changed, "escrow untouched");
        assertEq(manager.jobConsensusTimestamp(id), block.timestamp, "cooldown restarted");
    }

    /// Regression (§17.7): Ratio1 lets a new consensus reopen a closed job (never paid again) and a second
    /// close pushes a duplicate into closedJobs.
    function test_closedJobCannotBeReopenedOrClosedTwice() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        vm.warp(block.timestamp + 300);
        _submit(oracle1, id, new address[](0));
        vm.expectEmit(address(escrow));
        emit JobClosed(id, block.timestamp);
        _submit(oracle2, id, new address[](0));
        assertTrue(manager.isJobClosed(id), "closed");
        assertEq(escrow.getActiveJobsCount(), 0, "not active");
        assertEq(escrow.closedJobs(0), id, "in closed list");
        // A late oracle confirming the close is a no-op, as on Ratio1.
        _submit(oracle3, id, new address[](0));
        vm.warp(block.timestamp + 300);
        address[] memory list = _nodes(0, 1);
        vm.prank(oracle1);
        vm.expectRevert(PoAIManager.JobIsClosed.selector);
        manager.submitNodeUpdate(id, list);
        assertEq(escrow.getClosedJobs().length, 1, "no duplicate");
        assertEq(manager.getUnvalidatedJobIds(oracle1).length, 0, "not pending");
    }

    function test_emptyListOnPendingJobIsANoop() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _submit(oracle1, id, new address[](0));
        assertFalse(manager.isJobUnvalidated(id), "no round");
        assertEq(_job(id).startTimestamp, 0, "not started");
    }

    function test_delayedStartShiftsTheEnd() public {
        uint256 id = _createJob(ENTRY, 30, 1); // request epoch 1, last 31
        _advanceEpochs(2);
        _start(id, _nodes(0, 1)); // epoch 3
        assertEq(_job(id).lastExecutionEpoch, 33, "3 + (31 - 1)");
        assertEq(_job(id).lastAllocatedEpoch, 2, "start - 1");
        // The legacy repair must not shift it again, however often it runs (§17.3).
        vm.startPrank(owner);
        manager.reconcileAllJobsAcrossEscrows();
        manager.reconcileAllJobsAcrossEscrows();
        vm.stopPrank();
        assertEq(_job(id).lastExecutionEpoch, 33, "idempotent");
    }

    function test_getFirstClosableJobId() public {
        uint256 a = _createJob(ENTRY, 30, 1);
        uint256 b = _createJob(ENTRY, 40, 1);
        _start(a, _nodes(0, 1));
        vm.warp(block.timestamp + 300);
        _start(b, _nodes(1, 1));
        assertEq(manager.getFirstClosableJobId(), 0, "none yet");
        _advanceEpochs(30); // epoch 31 = a's end
        assertEq(escrow.getFirstClosableJobId(), 0, "a not fully allocated");
        _allocate();
        assertEq(escrow.getFirstClosableJobId(), a, "a closable");
        assertEq(manager.getFirstClosableJobId(), a, "manager agrees");
    }
}
