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
///         allocations (single-shot and paginated), claims, redemptions and withdrawals against two escrows
///         of two CSPs sharing one node pool. Keeps ghost totals the invariants compare with the contracts.
contract PoAIHandler is TestAssertions {
    uint256 internal constant EPOCH = 86400;
    PoAIManager public manager;
    USDC public usdc;
    AdoptionOracle public adoption;
    address public nodeOwner;
    CspEscrow[2] public escrows;
    address[2] public csps;
    address[] public oracles;
    address[] public nodes;
    uint256[] public jobIds;

    mapping(uint256 jobId => uint256) public escrowOf;
    mapping(uint256 jobId => uint256) public funded;
    mapping(uint256 jobId => uint256) public refunded;
    uint256 public claimedUsdc;
    /// @dev Number of (job, node, batch) credits: each can leave the nodes at most 1 unit of rounding.
    uint256 public credits;

    constructor(
        PoAIManager manager_,
        USDC usdc_,
        AdoptionOracle adoption_,
        CspEscrow[2] memory escrows_,
        address[2] memory csps_,
        address nodeOwner_,
        address[] memory oracles_,
        address[] memory nodes_
    ) {
        manager = manager_;
        usdc = usdc_;
        adoption = adoption_;
        escrows = escrows_;
        csps = csps_;
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

    function _pickJob(uint256 seed) internal view returns (uint256 id, CspEscrow e, address csp) {
        if (jobIds.length == 0) return (0, CspEscrow(address(0)), address(0));
        id = jobIds[seed % jobIds.length];
        uint256 which = escrowOf[id];
        return (id, escrows[which], csps[which]);
    }

    // --- actions ------------------------------------------------------------------------------------

    function createJob(uint256 seed) external {
        if (jobIds.length >= 14) return;
        uint256 which = (seed >> 24) % 2;
        CspEscrow e = escrows[which];
        uint256[4] memory types = [uint256(1), 54, 53, 9];
        JobCreationRequest[] memory r = new JobCreationRequest[](1);
        r[0] = JobCreationRequest(
            types[seed % 4], bytes32(seed), e.getCurrentEpoch() + 30 + (seed >> 8) % 10, 1 + (seed >> 16) % 3
        );
        uint256 before = usdc.balanceOf(csps[which]);
        vm.prank(csps[which]);
        uint256 id = e.createJobs(r)[0];
        jobIds.push(id);
        escrowOf[id] = which;
        funded[id] += before - usdc.balanceOf(csps[which]);
    }

    function extendDuration(uint256 seed, uint256 extra) external {
        (uint256 id, CspEscrow e, address csp) = _pickJob(seed);
        if (id == 0) return;
        uint256 newLast = e.getJobDetails(id).lastExecutionEpoch + 1 + extra % 5;
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        try e.extendJobDuration(id, newLast) {
            funded[id] += before - usdc.balanceOf(csp);
        } catch {}
    }

    function extendNodes(uint256 seed, uint256 extra) external {
        (uint256 id, CspEscrow e, address csp) = _pickJob(seed);
        if (id == 0) return;
        uint256 newCount = e.getJobDetails(id).numberOfNodesRequested + 1 + extra % 2;
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        try e.extendJobNodes(id, newCount) {
            funded[id] += before - usdc.balanceOf(csp);
        } catch {}
    }

    /// Consensus on a node list drawn from the pool (0-4 distinct nodes; 0 closes a running job).
    function setNodes(uint256 seed, uint256 pick) external {
        (uint256 id,,) = _pickJob(seed);
        if (id == 0) return;
        uint256 count = pick % 5;
        address[] memory list = new address[](count);
        uint256 offset = (pick >> 8) % nodes.length;
        for (uint256 i; i < count; ++i) {
            list[i] = nodes[(offset + i) % nodes.length];
        }
        vm.warp(block.timestamp + 301);
        (uint256[] memory before, address[][] memory nodesBefore) = _snapshot();
        for (uint256 o; o < 2; ++o) {
            vm.prank(oracles[o]);
            try manager.submitNodeUpdate(id, list) {} catch {}
        }
        _countCredits(before, nodesBefore);
    }

    function advance(uint256 seed) external {
        vm.warp(block.timestamp + (seed % 3) * EPOCH + (seed >> 8) % EPOCH);
    }

    function allocate(uint256 seed) external {
        (uint256[] memory before, address[][] memory nodesBefore) = _snapshot();
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
        address node = nodes[seed % nodes.length];
        uint256 owed = escrows[0].virtualWalletBalance(node) + escrows[1].virtualWalletBalance(node);
        vm.prank(nodeOwner);
        manager.claimRewardsForNode(node);
        claimedUsdc += owed;
    }

    function redeem(uint256 seed) external {
        (uint256 id, CspEscrow e, address csp) = _pickJob(seed);
        if (id == 0) return;
        vm.warp(block.timestamp + 3600);
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        try e.redeemUnusedJob(id) {
            refunded[id] += usdc.balanceOf(csp) - before;
        } catch {}
    }

    function withdrawClosed(uint256 seed) external {
        (uint256 id, CspEscrow e, address csp) = _pickJob(seed);
        if (id == 0) return;
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        try e.withdrawClosedJobBalance(id) {
            refunded[id] += usdc.balanceOf(csp) - before;
        } catch {}
    }

    // --- bookkeeping ---------------------------------------------------------------------------------

    function _snapshot() internal view returns (uint256[] memory next, address[][] memory sets) {
        next = new uint256[](jobIds.length);
        sets = new address[][](jobIds.length);
        for (uint256 i; i < jobIds.length; ++i) {
            CspEscrow e = escrows[escrowOf[jobIds[i]]];
            (,, next[i]) = e.getJobAccounting(jobIds[i]);
            sets[i] = e.getJobActiveNodes(jobIds[i]);
        }
    }

    function _countCredits(uint256[] memory before, address[][] memory nodesBefore) internal {
        for (uint256 i; i < before.length; ++i) {
            (,, uint256 next) = escrows[escrowOf[jobIds[i]]].getJobAccounting(jobIds[i]);
            if (next != before[i] && before[i] != 0) credits += nodesBefore[i].length;
        }
    }
}

/// @notice Invariants over any sequence of handler actions.
contract InvariantsTest is PoAITestBase {
    PoAIHandler internal handler;
    CspEscrow internal escrow2;

    function setUp() public override {
        super.setUp();
        escrow2 = _deploySecondEscrow();
        address[] memory os = new address[](3);
        os[0] = oracle1;
        os[1] = oracle2;
        os[2] = oracle3;
        handler = new PoAIHandler(manager, usdc, adoption, [escrow, escrow2], [csp, csp2], nodeOwner, os, nodes);
    }

    /// A fixed sequence through the handler reaches every state the invariants talk about (allocations on
    /// both escrows, settlement on node changes, burns, claims across escrows, closes, withdrawals,
    /// redemptions), so they are not vacuous.
    function test_handlerSequenceExercisesTheSystem() public {
        for (uint256 i; i < 5; ++i) {
            handler.createJob(i * 0x10101 + ((i % 2) << 24));
        }
        handler.setNodes(0, 2);
        handler.setNodes(1, 3 | (2 << 8));
        handler.setNodes(2, 1 | (5 << 8));
        handler.setNodes(4, 2 | (1 << 8));
        handler.advance(2);
        handler.allocate(0);
        handler.extendNodes(0, 0);
        handler.extendDuration(1, 3);
        handler.setNodes(1, 1);
        handler.advance(1);
        handler.allocate(1);
        handler.claim(1);
        handler.setNodes(2, 0); // close
        handler.withdrawClosed(2);
        handler.redeem(3);
        assertTrue(adoption.totalPoaiVolume() > 0, "allocated");
        assertTrue(handler.claimedUsdc() > 0, "claimed");
        assertTrue(handler.credits() > 0, "credits counted");
        assertEq(escrow.getClosedJobsCount() + escrow2.getClosedJobsCount(), 1, "closed");
        assertTrue(handler.refunded(handler.jobIds(2)) > 0, "withdrawn");
        assertTrue(handler.refunded(handler.jobIds(3)) > 0, "redeemed");
        assertTrue(escrow.getActiveJobsCount() > 0 && escrow2.getActiveJobsCount() > 0, "both escrows used");
        invariant_escrowAccounting();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function _escrows() internal view returns (CspEscrow[2] memory) {
        return [escrow, escrow2];
    }

    function _sumWallets(CspEscrow e) internal view returns (uint256 total) {
        uint256 n = handler.nodeCount();
        for (uint256 i; i < n; ++i) {
            total += e.virtualWalletBalance(handler.nodes(i));
        }
    }

    /// Each escrow holds exactly what it owes: its job balances + its node wallets + burn share awaiting
    /// its swap.
    function _checkUsdcIsFullyAccountedFor() internal view {
        CspEscrow[2] memory es = _escrows();
        uint256[2] memory balances;
        uint256 n = handler.jobCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.jobIds(i);
            uint256 which = handler.escrowOf(id);
            balances[which] += uint256(es[which].getJobDetails(id).balance);
        }
        for (uint256 w; w < 2; ++w) {
            assertEq(
                usdc.balanceOf(address(es[w])),
                balances[w] + _sumWallets(es[w]) + es[w].pendingBurnUsdc(),
                "escrow USDC == jobs + wallets + pending burn"
            );
        }
    }

    function _checkNoBalanceIsNegative() internal view {
        CspEscrow[2] memory es = _escrows();
        uint256 n = handler.jobCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.jobIds(i);
            assertTrue(es[handler.escrowOf(id)].getJobDetails(id).balance >= 0, "balance >= 0");
        }
        assertTrue(manager.getTotalEscrowsBalance() >= 0, "tvl >= 0");
    }

    /// Money that left a job went to allocation, and a job never paid more than price × requested nodes for
    /// each epoch allocated, nor any epoch outside its paid window: no node is paid twice for an epoch.
    function _checkJobsPayEachEpochAtMostOnce() internal view {
        CspEscrow[2] memory es = _escrows();
        uint256 n = handler.jobCount();
        uint256 currentEpoch = escrow.getCurrentEpoch();
        uint256 spentTotal;
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.jobIds(i);
            CspEscrow e = es[handler.escrowOf(id)];
            JobDetails memory j = e.getJobDetails(id);
            uint256 spent = handler.funded(id) - handler.refunded(id) - uint256(j.balance);
            spentTotal += spent;
            (,, uint256 next) = e.getJobAccounting(id);
            if (j.startTimestamp == 0) {
                if (j.id != 0) assertEq(spent, 0, "pending jobs spend nothing");
                continue;
            }
            uint256 startEpoch = (j.startTimestamp - START) / EPOCH;
            assertLe(next, j.lastExecutionEpoch, "never past the paid window");
            assertLe(next, currentEpoch, "never an unfinished epoch");
            assertLe(spent, j.pricePerEpoch * j.numberOfNodesRequested * (next - startEpoch), "<= funded rate");
        }
        assertEq(spentTotal, _gross(), "spent == allocated volume");
    }

    function _gross() internal view returns (uint256) {
        return adoption.totalPoaiVolume() + escrow.pendingAllocatedVolume() + escrow2.pendingAllocatedVolume();
    }

    /// Burn = 15% of the gross allocated, rounded down per (job, node, batch): the nodes get the remainder.
    function _checkBurnIsFifteenPercentRoundedForNodes() internal view {
        uint256 gross = _gross();
        uint256 nodesShare = _sumWallets(escrow) + _sumWallets(escrow2) + handler.claimedUsdc();
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
