// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {JobDetails} from "../../../contracts/core/PoAITypes.sol";
import {vm} from "../utils/Vm.sol";
import {PoAITestBase} from "./PoAITestBase.sol";

/// @notice Fuzz tests of pricing and allocation against the spec's formulas (§7), with an independent copy
///         of the job catalogue.
contract FuzzTest is PoAITestBase {
    uint256[39] internal TYPES = [
        uint256(53), 54, 1, 2, 3, 4, 5, 6, 7, 8, 9, 50, 51, 52, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40
    ];
    uint256[39] internal PRICES = [
        uint256(100_000), 166_666, 375_000, 750_000, 1_000_000, 1_916_666, 2_916_666, 3_750_000, 5_333_333,
        8_333_333, 12_500_000, 450_000, 2_300_000, 4_500_000, 2_500_000, 3_750_000, 6_000_000, 9_000_000,
        13_333_333, 3_116_666, 4_116_666, 3_700_000, 4_950_000, 5_316_666, 6_150_000, 7_733_333, 10_733_333,
        6_150_000, 8_400_000, 11_400_000, 10_133_333, 13_133_333, 17_300_000, 10_800_000, 13_800_000,
        18_133_333, 38_333_333, 42_500_000, 43_333_333
    ];

    function testFuzz_pricing_createMatchesFormula(uint256 typeSeed, uint256 epochs, uint256 nodeCount) public {
        uint256 i = typeSeed % TYPES.length;
        epochs = bound(epochs, 30, 5_000);
        nodeCount = bound(nodeCount, 1, 200);
        uint256 before = usdc.balanceOf(csp);
        uint256 id = _createJob(TYPES[i], epochs, nodeCount);
        uint256 expected = PRICES[i] * nodeCount * epochs;
        assertEq(escrow.getPriceForJobType(TYPES[i]), PRICES[i], "catalogue");
        assertEq(before - usdc.balanceOf(csp), expected, "charged");
        assertEq(_job(id).balance, int256(expected), "balance");
        assertEq(_job(id).lastExecutionEpoch, _epoch() + epochs, "end");
    }

    function testFuzz_pricing_extensions(uint256 typeSeed, uint256 addEpochs, uint256 addNodes, uint256 wait) public {
        uint256 i = typeSeed % TYPES.length;
        addEpochs = bound(addEpochs, 1, 500);
        addNodes = bound(addNodes, 1, 20);
        wait = bound(wait, 0, 29);
        uint256 id = _createJob(TYPES[i], 30, 2);
        _start(id, _nodes(0, 2));
        _advanceEpochs(wait);
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        escrow.extendJobDuration(id, 31 + addEpochs);
        assertEq(before - usdc.balanceOf(csp), PRICES[i] * 2 * addEpochs, "duration");
        before = usdc.balanceOf(csp);
        vm.prank(csp);
        escrow.extendJobNodes(id, 2 + addNodes);
        uint256 remaining = 31 + addEpochs - _epoch();
        assertEq(before - usdc.balanceOf(csp), PRICES[i] * addNodes * remaining, "nodes");
    }

    /// Allocation after k epochs with n active nodes on a job paid for r nodes: each node gets
    /// floor(price × k × min(n, r) / n) gross, of which floor(15%) is burnt and the rest credited.
    function testFuzz_allocation_splitMatchesFormula(
        uint256 typeSeed,
        uint256 requested,
        uint256 active,
        uint256 k,
        uint256 epochs
    ) public {
        uint256 i = typeSeed % TYPES.length;
        requested = bound(requested, 1, 6);
        active = bound(active, 1, 8);
        k = bound(k, 1, 80);
        epochs = bound(epochs, 30, 60);
        uint256 price = PRICES[i];
        uint256 id = _createJob(TYPES[i], epochs, requested);
        _start(id, _nodes(0, active));
        _advanceEpochs(k);
        uint256 escrowUsdc = usdc.balanceOf(address(escrow));
        _allocate();
        uint256 paidEpochs = k < epochs ? k : epochs;
        uint256 perNode = price * paidEpochs * (active < requested ? active : requested) / active;
        uint256 burnPerNode = perNode * 15 / 100;
        for (uint256 n; n < active; ++n) {
            assertEq(escrow.virtualWalletBalance(nodes[n]), perNode - burnPerNode, "node credit");
        }
        JobDetails memory j = _job(id);
        assertEq(j.balance, int256(price * requested * epochs - perNode * active), "debit");
        assertTrue(j.balance >= 0, "never negative");
        assertEq(j.lastAllocatedEpoch, paidEpochs, "allocated through");
        assertEq(escrowUsdc - usdc.balanceOf(address(escrow)), burnPerNode * active, "burn swapped out");
        assertEq(adoption.totalPoaiVolume(), perNode * active, "gross volume");
        (, uint256 withheld,) = escrow.getJobAccounting(id);
        assertEq(withheld, price * paidEpochs * active - perNode * active, "withheld");
        // Rounding favours the nodes: the burn never exceeds 15% of the gross.
        assertTrue(burnPerNode * active * 100 <= perNode * active * 15, "burn <= 15%");
    }

    /// Whatever the interleaving of allocations, a job is never paid more than price × requested per epoch
    /// it ran, and every epoch is paid at most once.
    function testFuzz_allocation_splitAcrossCallsNeverPaysTwice(uint256 gaps, uint256 active) public {
        active = bound(active, 1, 3);
        uint256 id = _createJob(ENTRY, 30, 2);
        _start(id, _nodes(0, active));
        uint256 total;
        for (uint256 step; step < 6; ++step) {
            uint256 gap = (gaps >> (step * 8)) % 8;
            _advanceEpochs(gap);
            _allocate();
            _allocate();
            total += gap;
        }
        uint256 ran = total < 30 ? total : 30;
        int256 spent = int256(ENTRY_PRICE * 2 * 30) - _job(id).balance;
        assertTrue(spent <= int256(ENTRY_PRICE * 2 * ran), "at most requested x price per epoch");
        assertEq(_job(id).lastAllocatedEpoch, ran, "each epoch once");
    }

    /// Consensus against a model of the rules: with N oracles voting A or B in turn, the first submission
    /// at which at least N/2 + 1 votes exist and the most-voted list (earliest first on a tie) has at least
    /// N/3 + 1 votes applies that list; nothing is applied before.
    function testFuzz_consensus_matchesThresholdModel(uint256 oracleCount, uint256 voteBits) public {
        oracleCount = bound(oracleCount, 1, 10);
        address[] memory os = _replaceOracles(oracleCount);
        uint256 id = _createJob(ENTRY, 30, 1);
        uint256 votesA;
        uint256 votesB;
        for (uint256 k; k < oracleCount; ++k) {
            bool voteA = ((voteBits >> k) & 1) == 0;
            vm.prank(os[k]);
            manager.submitNodeUpdate(id, _nodes(voteA ? 0 : 1, 1));
            if (voteA) ++votesA;
            else ++votesB;
            if (_checkModel(id, oracleCount, k + 1, votesA, votesB, (voteBits & 1) == 0)) return;
        }
        assertTrue(manager.isJobUnvalidated(id), "round left open without agreement");
    }

    function _replaceOracles(uint256 count) internal returns (address[] memory os) {
        controller.removeOracle(oracle1);
        controller.removeOracle(oracle2);
        controller.removeOracle(oracle3);
        os = new address[](count);
        for (uint256 i; i < count; ++i) {
            os[i] = address(uint160(0x0B00 + i));
            controller.addOracle(os[i]);
        }
    }

    /// @return reached Whether the model says consensus was reached at this submission (and it was).
    function _checkModel(
        uint256 id,
        uint256 oracleCount,
        uint256 submitted,
        uint256 votesA,
        uint256 votesB,
        bool firstIsA
    ) internal view returns (bool reached) {
        // Earliest-first tie-break: on equal counts the list proposed first wins.
        bool aWins = votesA > votesB || (votesA == votesB && firstIsA);
        uint256 top = aWins ? votesA : votesB;
        address[] memory applied = escrow.getJobActiveNodes(id);
        if (submitted >= oracleCount / 2 + 1 && top >= oracleCount / 3 + 1) {
            assertEq(applied.length, 1, "applied at this submission");
            assertEq(applied[0], nodes[aWins ? 0 : 1], "winner per the model");
            assertFalse(manager.isJobUnvalidated(id), "round closed");
            return true;
        }
        assertEq(applied.length, 0, "nothing applied before the thresholds");
        return false;
    }
}
