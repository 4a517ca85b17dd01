// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {CspEscrow} from "../../../contracts/core/CspEscrow.sol";
import {PoAIManager} from "../../../contracts/core/PoAIManager.sol";
import {JobCreationRequest, JobDetails} from "../../../contracts/core/PoAITypes.sol";
import {AdoptionOracle} from "../../../contracts/devnet/AdoptionOracle.sol";
import {USDC} from "../../../contracts/devnet/USDC.sol";
import {TestAssertions, vm} from "../utils/Vm.sol";
import {PoAITestBase} from "./PoAITestBase.sol";

/// @notice Drives random sequences of job creation, extensions, node-set consensus (including closes),
///         allocations (single-shot and paginated), claims, redemptions and withdrawals against one escrow.
///         Keeps ghost totals the invariants compare with the contracts' state.
contract PoAIHandler is TestAssertions {
    uint256 internal constant EPOCH = 86400;
    CspEscrow public escrow;
    PoAIManager public manager;
    USDC public usdc;
    AdoptionOracle public adoption;
    address public csp;
    address public nodeOwner;
    address[] public oracles;
    address[] public nodes;
    uint256[] public jobIds;

    mapping(uint256 => uint256) public funded;
    mapping(uint256 => uint256) public refunded;
    uint256 public claimedUsdc;
    /// @dev Number of (job, node, batch) credits: each can leave the nodes at most 1 unit of rounding.
    uint256 public credits;
    uint256 public calls;

    constructor(
        CspEscrow escrow_,
        PoAIManager manager_,
        USDC usdc_,
        AdoptionOracle adoption_,
        address csp_,
        address nodeOwner_,
        address[] memory oracles_,
        address[] memory nodes_
    ) {
        escrow = escrow_;
        manager = manager_;
        usdc = usdc_;
        adoption = adoption_;
        csp = csp_;
        nodeOwner = nodeOwner_;
        oracles = oracles_;
        nodes = nodes_;
    }

    function jobCount() external view returns (uint256) {
        return jobIds.length;
    }

    function nodeCount() external view returns (uint256) {
        return nodes.length;
    }

    function _pickJob(uint256 seed) internal view returns (uint256) {
        return jobIds.length == 0 ? 0 : jobIds[seed % jobIds.length];
    }

    function _paid(uint256 jobId, uint256 before) internal {
        funded[jobId] += before - usdc.balanceOf(csp);
    }

    // --- actions ------------------------------------------------------------------------------------

    function createJob(uint256 seed) external {
        ++calls;
        if (jobIds.length >= 12) return;
        uint256[4] memory types = [uint256(1), 54, 53, 9];
        JobCreationRequest[] memory r = new JobCreationRequest[](1);
        r[0] = JobCreationRequest(
            types[seed % 4], bytes32(seed), escrow.getCurrentEpoch() + 30 + (seed >> 8) % 10, 1 + (seed >> 16) % 3
        );
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        uint256 id = escrow.createJobs(r)[0];
        jobIds.push(id);
        _paid(id, before);
    }

    function extendDuration(uint256 seed, uint256 extra) external {
        ++calls;
        uint256 id = _pickJob(seed);
        if (id == 0) return;
        uint256 newLast = escrow.getJobDetails(id).lastExecutionEpoch + 1 + extra % 5;
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        try escrow.extendJobDuration(id, newLast) {
            _paid(id, before);
        } catch {}
    }

    function extendNodes(uint256 seed, uint256 extra) external {
        ++calls;
        uint256 id = _pickJob(seed);
        if (id == 0) return;
        uint256 newCount = escrow.getJobDetails(id).numberOfNodesRequested + 1 + extra % 2;
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        try escrow.extendJobNodes(id, newCount) {
            _paid(id, before);
        } catch {}
    }

    /// Consensus on a node list drawn from the pool (0-4 distinct nodes; 0 closes a running job).
    function setNodes(uint256 seed, uint256 pick) external {
        ++calls;
        uint256 id = _pickJob(seed);
        if (id == 0) return;
        uint256 count = pick % 5;
        address[] memory list = new address[](count);
        uint256 offset = (pick >> 8) % nodes.length;
        for (uint256 i; i < count; ++i) {
            list[i] = nodes[(offset + i) % nodes.length];
        }
        vm.warp(block.timestamp + 301);
        uint256[] memory before = _nextEpochs();
        address[][] memory nodesBefore = _nodeSets();
        for (uint256 o; o < 2; ++o) {
            vm.prank(oracles[o]);
            try manager.submitNodeUpdate(id, list) {} catch {}
        }
        _countCredits(before, nodesBefore);
    }

    function advance(uint256 seed) external {
        ++calls;
        vm.warp(block.timestamp + (seed % 3) * EPOCH + (seed >> 8) % EPOCH);
    }

    function allocate(uint256 seed) external {
        ++calls;
        uint256[] memory before = _nextEpochs();
        address[][] memory nodesBefore = _nodeSets();
        if (seed % 2 == 0) {
            manager.allocateRewardsAcrossAllEscrows();
        } else {
            bool done;
            uint256 guard;
            while (!done && guard++ < 50) {
                (, done) = manager.allocateRewardsAcrossEscrowsPaginated(1 + seed % 4);
            }
        }
        _countCredits(before, nodesBefore);
    }

    function claim(uint256 seed) external {
        ++calls;
        address node = nodes[seed % nodes.length];
        uint256 owed = escrow.virtualWalletBalance(node);
        vm.prank(nodeOwner);
        manager.claimRewardsForNode(node);
        claimedUsdc += owed;
    }

    function redeem(uint256 seed) external {
        ++calls;
        uint256 id = _pickJob(seed);
        if (id == 0) return;
        vm.warp(block.timestamp + 3600);
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        try escrow.redeemUnusedJob(id) {
            refunded[id] += usdc.balanceOf(csp) - before;
        } catch {}
    }

    function withdrawClosed(uint256 seed) external {
        ++calls;
        uint256 id = _pickJob(seed);
        if (id == 0) return;
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        try escrow.withdrawClosedJobBalance(id) {
            refunded[id] += usdc.balanceOf(csp) - before;
        } catch {}
    }

    // --- bookkeeping ---------------------------------------------------------------------------------

    function _nextEpochs() internal view returns (uint256[] memory next) {
        next = new uint256[](jobIds.length);
        for (uint256 i; i < jobIds.length; ++i) {
            (,, next[i]) = escrow.getJobAccounting(jobIds[i]);
        }
    }

    function _nodeSets() internal view returns (address[][] memory sets) {
        sets = new address[][](jobIds.length);
        for (uint256 i; i < jobIds.length; ++i) {
            sets[i] = escrow.getJobActiveNodes(jobIds[i]);
        }
    }

    function _countCredits(uint256[] memory before, address[][] memory nodesBefore) internal {
        for (uint256 i; i < before.length; ++i) {
            (,, uint256 next) = escrow.getJobAccounting(jobIds[i]);
            if (next != before[i] && before[i] != 0) credits += nodesBefore[i].length;
        }
    }
}

/// @notice Invariants over any sequence of handler actions.
contract InvariantsTest is PoAITestBase {
    PoAIHandler internal handler;

    function setUp() public override {
        super.setUp();
        address[] memory os = new address[](3);
        os[0] = oracle1;
        os[1] = oracle2;
        os[2] = oracle3;
        handler = new PoAIHandler(escrow, manager, usdc, adoption, csp, nodeOwner, os, nodes);
    }

    /// A fixed sequence through the handler reaches every state the invariants talk about (allocations,
    /// settlement on node changes, burns, claims, closes, withdrawals, redemptions), so they are not vacuous.
    function test_handlerSequenceExercisesTheSystem() public {
        for (uint256 i; i < 4; ++i) {
            handler.createJob(i * 0x10101);
        }
        handler.setNodes(0, 2);
        handler.setNodes(1, 3 | (2 << 8));
        handler.setNodes(2, 1 | (5 << 8));
        handler.advance(2);
        handler.allocate(0);
        handler.extendNodes(0, 0);
        handler.extendDuration(1, 3);
        handler.setNodes(1, 1);
        handler.advance(1);
        handler.allocate(1);
        handler.claim(0);
        handler.setNodes(2, 0); // close
        handler.withdrawClosed(2);
        handler.redeem(3);
        assertTrue(adoption.totalPoaiVolume() > 0, "allocated");
        assertTrue(handler.claimedUsdc() > 0, "claimed");
        assertTrue(handler.credits() > 0, "credits counted");
        assertEq(escrow.getClosedJobsCount(), 1, "closed");
        assertTrue(handler.refunded(handler.jobIds(2)) > 0, "withdrawn");
        assertTrue(handler.refunded(handler.jobIds(3)) > 0, "redeemed");
        invariant_escrowAccounting();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function _sumJobBalances() internal view returns (uint256 total) {
        uint256 n = handler.jobCount();
        for (uint256 i; i < n; ++i) {
            int256 b = escrow.getJobDetails(handler.jobIds(i)).balance;
            total += uint256(b);
        }
    }

    function _sumWallets() internal view returns (uint256 total) {
        uint256 n = handler.nodeCount();
        for (uint256 i; i < n; ++i) {
            total += escrow.virtualWalletBalance(handler.nodes(i));
        }
    }

    /// The escrow holds exactly what it owes: job balances + node wallets + burn share awaiting its swap.
    function _checkUsdcIsFullyAccountedFor() internal view {
        assertEq(
            usdc.balanceOf(address(escrow)),
            _sumJobBalances() + _sumWallets() + escrow.pendingBurnUsdc(),
            "escrow USDC == jobs + wallets + pending burn"
        );
    }

    function _checkNoBalanceIsNegative() internal view {
        uint256 n = handler.jobCount();
        for (uint256 i; i < n; ++i) {
            assertTrue(escrow.getJobDetails(handler.jobIds(i)).balance >= 0, "balance >= 0");
        }
        assertTrue(escrow.getTotalJobsBalance() >= 0, "tvl >= 0");
    }

    /// Money that left a job went to allocation, and a job never paid more than price × requested nodes for
    /// each epoch allocated, nor any epoch outside its paid window: no node is paid twice for an epoch.
    function _checkJobsPayEachEpochAtMostOnce() internal view {
        uint256 n = handler.jobCount();
        uint256 currentEpoch = escrow.getCurrentEpoch();
        uint256 spentTotal;
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.jobIds(i);
            JobDetails memory j = escrow.getJobDetails(id);
            uint256 spent = handler.funded(id) - handler.refunded(id) - uint256(j.balance);
            spentTotal += spent;
            (,, uint256 next) = escrow.getJobAccounting(id);
            if (j.startTimestamp == 0) {
                if (j.id != 0) assertEq(spent, 0, "pending jobs spend nothing");
                continue;
            }
            uint256 startEpoch = (j.startTimestamp - START) / EPOCH;
            assertLe(next, j.lastExecutionEpoch, "never past the paid window");
            assertLe(next, currentEpoch, "never an unfinished epoch");
            assertLe(spent, j.pricePerEpoch * j.numberOfNodesRequested * (next - startEpoch), "<= funded rate");
        }
        assertEq(
            spentTotal, adoption.totalPoaiVolume() + escrow.pendingAllocatedVolume(), "spent == allocated volume"
        );
    }

    /// Burn = 15% of the gross allocated, rounded down per (job, node, batch): the nodes get the remainder.
    function _checkBurnIsFifteenPercentRoundedForNodes() internal view {
        uint256 gross = adoption.totalPoaiVolume() + escrow.pendingAllocatedVolume();
        uint256 nodesShare = _sumWallets() + handler.claimedUsdc();
        uint256 burn = gross - nodesShare;
        assertLe(burn * 100, gross * 15, "burn <= 15%");
        assertLe(gross * 15, burn * 100 + 100 * handler.credits(), "burn >= 15% - rounding");
    }

    /// One invariant campaign checking every property after each call: the four checks share the same
    /// call sequences, so the deep profile's 10,000 sequences are spent once, not four times.
    function invariant_escrowAccounting() public view {
        _checkUsdcIsFullyAccountedFor();
        _checkNoBalanceIsNegative();
        _checkJobsPayEachEpochAtMostOnce();
        _checkBurnIsFifteenPercentRoundedForNodes();
    }
}
