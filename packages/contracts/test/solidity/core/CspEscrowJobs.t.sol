// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";

import {CspEscrow} from "../../../contracts/core/CspEscrow.sol";
import {PoAIManager} from "../../../contracts/core/PoAIManager.sol";
import {JobCreationRequest, JobDetails} from "../../../contracts/core/PoAITypes.sol";
import {vm} from "../utils/Vm.sol";
import {PoAITestBase} from "./PoAITestBase.sol";

/// @notice Job lifecycle on the escrow: creation, extensions, redemption, delegation, views.
contract CspEscrowJobsTest is PoAITestBase {
    event JobCreated(uint256 indexed jobId, address indexed owner, uint256 jobType, uint256 pricePerEpoch);
    event JobDurationExtended(uint256 indexed jobId, uint256 newLastExecutionEpoch, uint256 additionalAmount);
    event JobNodesExtended(uint256 indexed jobId, uint256 newNumberOfNodesRequested, uint256 additionalAmount);
    event JobRedeemed(uint256 indexed jobId, address owner, uint256 refundAmount);
    event DelegatePermissionsUpdated(address indexed delegate, uint256 permissions);
    event DelegateRemoved(address indexed delegate);

    // ---------------------------------------------------------------------------------------------
    // Initialization
    // ---------------------------------------------------------------------------------------------

    function test_initialize_storesOwnerAndNetwork() public view {
        assertEq(escrow.cspOwner(), csp, "owner");
        assertEq(escrow.poaiManager(), address(manager), "manager");
        assertEq(escrow.usdcToken(), address(usdc), "usdc");
        assertEq(escrow.r1Token(), address(r1), "r1");
        assertEq(escrow.controller(), address(controller), "controller");
        assertEq(escrow.uniswapV2Router(), address(router), "router");
        assertEq(escrow.uniswapV2Pair(), pair, "pair");
        assertEq(escrow.burnContract(), address(burner), "burn");
        assertEq(escrow.getCurrentEpoch(), 1, "epoch");
    }

    function test_initialize_revertsTwiceAndOnImplementation() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        escrow.initialize(csp, address(manager), address(usdc), address(r1), address(burner), address(controller), address(router), pair);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        escrowImpl.initialize(csp, address(manager), address(usdc), address(r1), address(burner), address(controller), address(router), pair);
    }

    function test_constructor_revertsOnZeroAddresses() public {
        vm.expectRevert(bytes("USDC token cannot be zero address"));
        new CspEscrow(address(0), address(r1), address(controller), address(router), pair);
        vm.expectRevert(bytes("R1 token cannot be zero address"));
        new CspEscrow(address(usdc), address(0), address(controller), address(router), pair);
        vm.expectRevert(bytes("Controller cannot be zero address"));
        new CspEscrow(address(usdc), address(r1), address(0), address(router), pair);
        vm.expectRevert(bytes("Uniswap router cannot be zero address"));
        new CspEscrow(address(usdc), address(r1), address(controller), address(0), pair);
        vm.expectRevert(bytes("Uniswap pair cannot be zero address"));
        new CspEscrow(address(usdc), address(r1), address(controller), address(router), address(0));
    }

    // ---------------------------------------------------------------------------------------------
    // createJobs
    // ---------------------------------------------------------------------------------------------

    function test_createJobs_chargesPriceTimesNodesTimesEpochs() public {
        uint256 before = usdc.balanceOf(csp);
        JobCreationRequest[] memory r = _request(ENTRY, 31, 5);
        vm.expectEmit(address(escrow));
        emit JobCreated(1, csp, ENTRY, ENTRY_PRICE);
        vm.prank(csp);
        uint256[] memory ids = escrow.createJobs(r);
        assertEq(ids.length, 1, "one id");
        assertEq(ids[0], 1, "first id is 1");
        assertEq(before - usdc.balanceOf(csp), 58_125_000, "Ratio1's worked example: 58.125 USDC");
        JobDetails memory j = _job(1);
        assertEq(j.id, 1, "id");
        assertEq(j.projectHash, r[0].projectHash, "hash");
        assertEq(j.requestTimestamp, block.timestamp, "request ts");
        assertEq(j.startTimestamp, 0, "not started");
        assertEq(j.jobType, ENTRY, "type");
        assertEq(j.pricePerEpoch, ENTRY_PRICE, "price");
        assertEq(j.lastExecutionEpoch, 32, "last");
        assertEq(j.numberOfNodesRequested, 5, "nodes");
        assertEq(j.balance, int256(58_125_000), "balance");
        assertEq(j.lastAllocatedEpoch, 0, "lastAllocated");
        assertEq(j.activeNodes.length, 0, "no nodes");
        assertEq(manager.jobIdToEscrow(1), address(escrow), "registered");
        assertEq(manager.nextJobId(), 2, "next id");
        assertEq(escrow.getActiveJobsCount(), 1, "active");
        assertEq(escrow.activeJobs(0), 1, "activeJobs[0]");
    }

    function test_createJobs_batchAssignsConsecutiveGlobalIds() public {
        CspEscrow e2 = _deploySecondEscrow();
        _createJobOn(e2, csp2, ENTRY, 30, 1); // id 1 on the other escrow
        JobCreationRequest[] memory r = new JobCreationRequest[](10);
        for (uint256 i; i < 10; ++i) {
            r[i] = JobCreationRequest(LITE, bytes32(i), _epoch() + 30 + i, 1 + i);
        }
        vm.prank(csp);
        uint256[] memory ids = escrow.createJobs(r);
        uint256 expectedTotal;
        for (uint256 i; i < 10; ++i) {
            assertEq(ids[i], 2 + i, "consecutive ids");
            assertEq(manager.jobIdToEscrow(ids[i]), address(escrow), "mapped");
            expectedTotal += 166_666 * (1 + i) * (30 + i);
        }
        assertEq(uint256(escrow.getTotalJobsBalance()), expectedTotal, "total");
        assertEq(usdc.balanceOf(address(escrow)), expectedTotal, "held");
        assertEq(manager.jobIdToEscrow(1), address(e2), "other escrow keeps id 1");
    }

    function test_createJobs_emptyBatchIsNoop() public {
        vm.prank(csp);
        uint256[] memory ids = escrow.createJobs(new JobCreationRequest[](0));
        assertEq(ids.length, 0, "no ids");
        assertEq(manager.nextJobId(), 1, "no id consumed");
    }

    function test_createJobs_exactly30EpochsIsAccepted() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        assertEq(_job(id).balance, int256(ENTRY_PRICE * 30), "30 epochs");
    }

    function test_createJobs_reverts() public {
        JobCreationRequest[] memory r = _request(12, 30, 1);
        vm.prank(csp);
        vm.expectRevert(bytes("Deprecated job type"));
        escrow.createJobs(r);

        r = _request(ENTRY, 30, 1);
        r[0].lastExecutionEpoch = _epoch();
        vm.prank(csp);
        vm.expectRevert(bytes("Last execution epoch must be in the future"));
        escrow.createJobs(r);

        r = _request(41, 30, 1);
        vm.prank(csp);
        vm.expectRevert(bytes("Invalid job type"));
        escrow.createJobs(r);

        r = _request(ENTRY, 29, 1);
        vm.prank(csp);
        vm.expectRevert(bytes("Number of epochs must be greater than 30"));
        escrow.createJobs(r);

        r = _request(ENTRY, 30, 0);
        vm.prank(csp);
        vm.expectRevert(bytes("Number of nodes must be greater than 0"));
        escrow.createJobs(r);

        r = _request(ENTRY, 30, 1);
        vm.prank(stranger);
        vm.expectRevert(bytes("Not authorized"));
        escrow.createJobs(r);

        r = _request(ENTRY, 30, uint256(type(uint32).max) + 1);
        vm.prank(csp);
        vm.expectRevert(bytes("Number of nodes too large"));
        escrow.createJobs(r);

        vm.prank(csp);
        usdc.approve(address(escrow), 0);
        r = _request(ENTRY, 30, 1);
        vm.prank(csp);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(escrow), 0, ENTRY_PRICE * 30)
        );
        escrow.createJobs(r);
    }

    function test_createJobs_delegatePaysAndOwnerIsEmitted() public {
        vm.prank(csp);
        escrow.setDelegatePermissions(delegate, 1);
        _fund(delegate, address(escrow));
        uint256 before = usdc.balanceOf(delegate);
        JobCreationRequest[] memory r = _request(ENTRY, 30, 1);
        vm.expectEmit(address(escrow));
        emit JobCreated(1, csp, ENTRY, ENTRY_PRICE);
        vm.prank(delegate);
        escrow.createJobs(r);
        assertEq(before - usdc.balanceOf(delegate), ENTRY_PRICE * 30, "delegate paid");
    }

    function test_getPriceForJobType_catalogue() public view {
        assertEq(escrow.getPriceForJobType(53), 100_000, "micro");
        assertEq(escrow.getPriceForJobType(54), 166_666, "lite");
        assertEq(escrow.getPriceForJobType(1), 375_000, "entry");
        assertEq(escrow.getPriceForJobType(9), 12_500_000, "ultra2");
        assertEq(escrow.getPriceForJobType(16), 2_500_000, "n entry");
        assertEq(escrow.getPriceForJobType(40), 43_333_333, "g ultra n ultra");
        assertEq(escrow.getPriceForJobType(50), 450_000, "service entry");
        assertEq(escrow.getPriceForJobType(52), 4_500_000, "service high1");
    }

    function test_getPriceForJobType_reverts() public {
        vm.expectRevert(bytes("Invalid job type"));
        escrow.getPriceForJobType(0);
        vm.expectRevert(bytes("Invalid job type"));
        escrow.getPriceForJobType(45);
        vm.expectRevert(bytes("Invalid job type"));
        escrow.getPriceForJobType(55);
        vm.expectRevert(bytes("Deprecated job type"));
        escrow.getPriceForJobType(10);
        vm.expectRevert(bytes("Deprecated job type"));
        escrow.getPriceForJobType(15);
    }

    // ---------------------------------------------------------------------------------------------
    // extendJobDuration
    // ---------------------------------------------------------------------------------------------

    function test_extendJobDuration_chargesAddedEpochs() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        uint256 before = usdc.balanceOf(csp);
        vm.expectEmit(address(escrow));
        emit JobDurationExtended(id, 41, ENTRY_PRICE * 2 * 10);
        vm.prank(csp);
        escrow.extendJobDuration(id, 41);
        assertEq(before - usdc.balanceOf(csp), ENTRY_PRICE * 2 * 10, "paid");
        assertEq(_job(id).lastExecutionEpoch, 41, "last");
        assertEq(_job(id).balance, int256(ENTRY_PRICE * 2 * 40), "balance");
    }

    function test_extendJobDuration_reverts() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        vm.prank(csp);
        vm.expectRevert(bytes("Job does not exist"));
        escrow.extendJobDuration(99, 50);
        vm.prank(csp);
        vm.expectRevert(bytes("New epoch must be greater"));
        escrow.extendJobDuration(id, 31);
        vm.prank(stranger);
        vm.expectRevert(bytes("Not authorized"));
        escrow.extendJobDuration(id, 40);
    }

    /// Regression (§17.5): Ratio1 takes money to extend an ended job and pays the gap retroactively.
    function test_extendJobDuration_revertsOnEndedRunningJob() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        _advanceEpochs(31);
        vm.prank(csp);
        vm.expectRevert(bytes("Job has already ended"));
        escrow.extendJobDuration(id, _epoch() + 5);
    }

    /// Regression (§17.5): Ratio1 takes money to extend a closed job that will never be paid out.
    function test_extendJobDuration_revertsOnClosedJob() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        vm.warp(block.timestamp + 301);
        _consensus(id, new address[](0));
        vm.prank(csp);
        vm.expectRevert(bytes("Job is closed"));
        escrow.extendJobDuration(id, 60);
        vm.prank(csp);
        vm.expectRevert(bytes("Job is closed"));
        escrow.extendJobNodes(id, 3);
    }

    function test_extendJobDuration_pendingJobPastItsEndStillExtends() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _advanceEpochs(40); // never started; its end moves with its start
        vm.prank(csp);
        escrow.extendJobDuration(id, 80);
        assertEq(_job(id).balance, int256(ENTRY_PRICE * (30 + 49)), "charged for the added epochs");
    }

    // ---------------------------------------------------------------------------------------------
    // extendJobNodes
    // ---------------------------------------------------------------------------------------------

    function test_extendJobNodes_runningJobChargesRemainingEpochs() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        _start(id, _nodes(0, 1));
        _advanceEpochs(10); // epoch 11, last 31 -> 20 remaining (current counts)
        vm.expectEmit(address(escrow));
        emit JobNodesExtended(id, 3, ENTRY_PRICE * 2 * 20);
        vm.prank(csp);
        escrow.extendJobNodes(id, 3);
        assertEq(_job(id).numberOfNodesRequested, 3, "nodes");
    }

    /// Regression (§17.6): nodes added to a pending job run `last - requestEpoch` epochs after the start
    /// shift; Ratio1 charges only `last - currentEpoch`.
    function test_extendJobNodes_pendingJobChargesEpochsTheNodesWillRun() public {
        uint256 id = _createJob(ENTRY, 30, 1); // request epoch 1, last 31
        _advanceEpochs(5); // epoch 6
        uint256 before = usdc.balanceOf(csp);
        vm.prank(csp);
        escrow.extendJobNodes(id, 2);
        assertEq(before - usdc.balanceOf(csp), ENTRY_PRICE * 30, "30 epochs, not 25");
        _start(id, _nodes(0, 2)); // starts in epoch 6, ends 36
        assertEq(_job(id).lastExecutionEpoch, 36, "shifted end");
        _advanceEpochs(31);
        _allocate();
        assertEq(_job(id).balance, 0, "fully paid, nothing withheld");
        (, uint256 withheld,) = escrow.getJobAccounting(id);
        assertEq(withheld, 0, "no shortfall");
    }

    function test_extendJobNodes_reverts() public {
        uint256 id = _createJob(ENTRY, 30, 2);
        vm.prank(csp);
        vm.expectRevert(bytes("Job does not exist"));
        escrow.extendJobNodes(42, 3);
        vm.prank(csp);
        vm.expectRevert(bytes("New number of nodes must be greater"));
        escrow.extendJobNodes(id, 2);
        vm.prank(stranger);
        vm.expectRevert(bytes("Not authorized"));
        escrow.extendJobNodes(id, 3);
        _start(id, _nodes(0, 2));
        _advanceEpochs(30);
        vm.prank(csp);
        vm.expectRevert(bytes("Job has already ended"));
        escrow.extendJobNodes(id, 3);
    }

    // ---------------------------------------------------------------------------------------------
    // redeemUnusedJob
    // ---------------------------------------------------------------------------------------------

    function test_redeemUnusedJob_refundsOwnerAfterCooldown() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        vm.warp(block.timestamp + 3600);
        uint256 before = usdc.balanceOf(csp);
        vm.expectEmit(address(escrow));
        emit JobRedeemed(id, csp, ENTRY_PRICE * 30);
        vm.prank(csp);
        escrow.redeemUnusedJob(id);
        assertEq(usdc.balanceOf(csp) - before, ENTRY_PRICE * 30, "refund");
        assertEq(_job(id).id, 0, "deleted");
        assertEq(escrow.getActiveJobsCount(), 0, "removed");
        assertEq(manager.jobIdToEscrow(id), address(0), "deregistered");
        vm.expectRevert(PoAIManager.JobDoesNotExist.selector);
        manager.getJobDetails(id);
    }

    /// Regression (§17.8): Ratio1 sends the refund to whoever calls, so a delegate with the REDEEM bit keeps
    /// money the owner paid.
    function test_redeemUnusedJob_delegateCallStillRefundsOwner() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        vm.prank(csp);
        escrow.setDelegatePermissions(delegate, 8);
        vm.warp(block.timestamp + 3600);
        uint256 ownerBefore = usdc.balanceOf(csp);
        vm.prank(delegate);
        escrow.redeemUnusedJob(id);
        assertEq(usdc.balanceOf(delegate), 0, "delegate gets nothing");
        assertEq(usdc.balanceOf(csp) - ownerBefore, ENTRY_PRICE * 30, "owner refunded");
    }

    function test_redeemUnusedJob_reverts() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        vm.prank(csp);
        vm.expectRevert(bytes("Job does not exist"));
        escrow.redeemUnusedJob(77);
        vm.prank(csp);
        vm.expectRevert(bytes("Redemption cooldown not elapsed"));
        escrow.redeemUnusedJob(id);
        vm.prank(stranger);
        vm.expectRevert(bytes("Not authorized"));
        escrow.redeemUnusedJob(id);
        vm.warp(block.timestamp + 3600);
        vm.prank(oracle1);
        manager.submitNodeUpdate(id, _nodes(0, 1)); // a round is open
        vm.prank(csp);
        vm.expectRevert(PoAIManager.JobUnvalidatedCannotRemove.selector);
        escrow.redeemUnusedJob(id);
        vm.prank(oracle2);
        manager.submitNodeUpdate(id, _nodes(0, 1));
        vm.prank(csp);
        vm.expectRevert(bytes("Job already started"));
        escrow.redeemUnusedJob(id);
    }

    /// Regression (§17.9): a pending job whose round never reaches consensus stays redeemable once the round
    /// has been open for UNVALIDATED_REDEEM_EPOCHS epochs.
    function test_redeemUnusedJob_stuckUnvalidatedJobAfterTimeout() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        vm.prank(oracle1);
        manager.submitNodeUpdate(id, _nodes(0, 1));
        vm.prank(oracle2);
        manager.submitNodeUpdate(id, _nodes(1, 1)); // 1 vs 1: below the agreement of 2
        assertTrue(manager.isJobUnvalidated(id), "stuck");
        _advanceEpochs(1);
        vm.prank(csp);
        vm.expectRevert(PoAIManager.JobUnvalidatedCannotRemove.selector);
        escrow.redeemUnusedJob(id);
        _advanceEpochs(1);
        vm.prank(csp);
        escrow.redeemUnusedJob(id);
        assertFalse(manager.isJobUnvalidated(id), "round cleared");
        assertEq(manager.getUnvalidatedJobIds(oracle3).length, 0, "no longer listed");
        assertEq(manager.jobIdToEscrow(id), address(0), "deregistered");
    }

    function test_redeemUnusedJob_keepsOtherActiveJobsIndexed() public {
        uint256 a = _createJob(ENTRY, 30, 1);
        uint256 b = _createJob(ENTRY, 31, 1);
        uint256 c = _createJob(ENTRY, 32, 1);
        vm.warp(block.timestamp + 3600);
        vm.prank(csp);
        escrow.redeemUnusedJob(a);
        assertEq(escrow.getActiveJobsCount(), 2, "two left");
        assertEq(escrow.activeJobs(0), c, "swap-pop moved c");
        assertEq(escrow.activeJobs(1), b, "b stays");
        vm.prank(csp);
        escrow.redeemUnusedJob(c);
        vm.prank(csp);
        escrow.redeemUnusedJob(b);
        assertEq(escrow.getActiveJobsCount(), 0, "empty");
    }

    // ---------------------------------------------------------------------------------------------
    // Delegation
    // ---------------------------------------------------------------------------------------------

    function test_delegates_setUpdateRemove() public {
        vm.expectEmit(address(escrow));
        emit DelegatePermissionsUpdated(delegate, 3);
        vm.prank(csp);
        escrow.setDelegatePermissions(delegate, 3);
        assertEq(escrow.getDelegatePermissions(delegate), 3, "perm");
        assertEq(manager.delegatedAddressToEscrow(delegate), address(escrow), "registered");
        (bool active, address e) = manager.getAddressRegistration(delegate);
        assertTrue(active && e == address(escrow), "registration");
        vm.prank(csp);
        escrow.setDelegatePermissions(delegate, 15);
        (address[] memory ds, uint256[] memory ps) = escrow.getDelegatedAddresses();
        assertEq(ds.length, 1, "not duplicated");
        assertEq(ps[0], 15, "updated");
        vm.expectEmit(address(escrow));
        emit DelegateRemoved(delegate);
        vm.prank(csp);
        escrow.removeDelegate(delegate);
        assertEq(escrow.getDelegatePermissions(delegate), 0, "removed");
        assertEq(manager.delegatedAddressToEscrow(delegate), address(0), "unregistered");
        (active,) = manager.getAddressRegistration(delegate);
        assertFalse(active, "inactive");
    }

    function test_delegates_reverts() public {
        _deploySecondEscrow();
        vm.startPrank(csp);
        vm.expectRevert(bytes("Delegate cannot be zero"));
        escrow.setDelegatePermissions(address(0), 1);
        vm.expectRevert(bytes("Cannot delegate to owner"));
        escrow.setDelegatePermissions(csp, 1);
        vm.expectRevert(bytes("Permissions cannot be zero"));
        escrow.setDelegatePermissions(delegate, 0);
        vm.expectRevert(bytes("Delegate not found"));
        escrow.removeDelegate(delegate);
        vm.expectRevert(PoAIManager.AddressAlreadyOwnsEscrow.selector);
        escrow.setDelegatePermissions(csp2, 1);
        vm.stopPrank();
        vm.prank(stranger);
        vm.expectRevert(bytes("Not CSP owner"));
        escrow.setDelegatePermissions(delegate, 1);
        vm.prank(delegate);
        vm.expectRevert(bytes("Not CSP owner"));
        escrow.removeDelegate(delegate);
    }

    function test_delegates_cannotServeTwoEscrows() public {
        CspEscrow e2 = _deploySecondEscrow();
        vm.prank(csp);
        escrow.setDelegatePermissions(delegate, 1);
        vm.prank(csp2);
        vm.expectRevert(PoAIManager.AddressDelegatedToAnotherEscrow.selector);
        e2.setDelegatePermissions(delegate, 1);
    }

    function test_delegates_permissionBitsGateEachAction() public {
        uint256 id = _createJob(ENTRY, 30, 1);
        vm.prank(csp);
        escrow.setDelegatePermissions(delegate, 2); // EXTEND_DURATION only
        _fund(delegate, address(escrow));
        vm.prank(delegate);
        escrow.extendJobDuration(id, 40);
        vm.prank(delegate);
        vm.expectRevert(bytes("Not authorized"));
        escrow.extendJobNodes(id, 2);
        JobCreationRequest[] memory r = _request(ENTRY, 30, 1);
        vm.prank(delegate);
        vm.expectRevert(bytes("Not authorized"));
        escrow.createJobs(r);
    }

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    function test_views_unknownJobIsZeroOnEscrow() public view {
        JobDetails memory j = escrow.getJobDetails(12345);
        assertEq(j.id, 0, "zero");
        (uint256 id,,,,,,,,, int256 balance,) = escrow.jobDetails(12345);
        assertEq(id, 0, "getter zero");
        assertEq(balance, 0, "balance zero");
    }

    function test_views_paginationAndAggregates() public {
        for (uint256 i; i < 5; ++i) {
            _createJob(ENTRY, 30 + i, 1);
        }
        JobDetails[] memory all = escrow.getActiveJobs();
        assertEq(all.length, 5, "all");
        JobDetails[] memory page = escrow.getActiveJobsPaginated(1, 2);
        assertEq(page.length, 2, "page size");
        assertEq(page[0].id, 2, "offset");
        assertEq(page[1].id, 3, "second");
        assertEq(escrow.getActiveJobsPaginated(4, 10).length, 1, "tail");
        assertEq(escrow.getActiveJobsPaginated(5, 10).length, 0, "past end");
        assertEq(manager.getActiveJobsCount(), 5, "manager count");
        assertEq(manager.getAllActiveJobs().length, 5, "manager all");
        assertEq(manager.getAllActiveJobsPaginated(3, 10).length, 2, "manager page");
        assertEq(manager.getAllActiveJobsPaginated(0, 2)[1].id, 2, "manager page ids");
        assertEq(manager.getAllActiveJobs()[0].escrowOwner, csp, "owner");
        assertEq(manager.getAllActiveJobs()[0].escrowAddress, address(escrow), "escrow");
        assertEq(manager.getTotalEscrowsBalance(), escrow.getTotalJobsBalance(), "tvl");
        (uint256 id,,,,,,, uint256 last,,,) = escrow.jobDetails(3);
        assertEq(id, 3, "getter id");
        assertEq(last, 33, "getter last");
    }
}
