// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {CspEscrow} from "../../../contracts/core/CspEscrow.sol";
import {PoAIManager} from "../../../contracts/core/PoAIManager.sol";
import {JobCreationRequest} from "../../../contracts/core/PoAITypes.sol";
import {vm} from "../utils/Vm.sol";
import {PoAITestBase} from "./PoAITestBase.sol";

/// @notice Access-control matrix: every mutating function of both contracts × the actors owner (Safe),
///         CSP owner, delegate with the needed permission bit, delegate without it, oracle, node owner and
///         stranger. A denied actor must get exactly the function's access error; an allowed actor must never
///         get it (the call may still fail for a business reason, which is not what this matrix tests).
contract AccessControlTest is PoAITestBase {
    uint8 internal constant OWNER = 1 << 0;
    uint8 internal constant CSP = 1 << 1;
    uint8 internal constant DELEGATE_WITH_BIT = 1 << 2;
    uint8 internal constant DELEGATE_WITHOUT_BIT = 1 << 3;
    uint8 internal constant ORACLE = 1 << 4;
    uint8 internal constant NODE_OWNER = 1 << 5;
    uint8 internal constant STRANGER = 1 << 6;
    uint8 internal constant EVERYONE = 0x7f;

    enum Denial {
        NotAuthorized,
        NotCspOwner,
        NotPoAIManager,
        Ownable,
        NotCspEscrow,
        NotOracle,
        NotNodeOwner,
        None
    }

    struct Case {
        string name;
        address target;
        bytes data;
        uint256 permissionBit;
        uint8 allowed;
        Denial denial;
    }

    address internal delegateWithout = address(0xDE2E);
    uint256 internal jobId;

    function setUp() public override {
        super.setUp();
        jobId = _createJob(ENTRY, 30, 2);
        _fund(delegate, address(escrow));
        _fund(delegateWithout, address(escrow));
    }

    function _actors() internal view returns (address[7] memory a) {
        a = [owner, csp, delegate, delegateWithout, oracle1, nodeOwner, stranger];
    }

    function _denialData(Denial d, address actor) internal pure returns (bytes memory) {
        if (d == Denial.NotAuthorized) return abi.encodeWithSignature("Error(string)", "Not authorized");
        if (d == Denial.NotCspOwner) return abi.encodeWithSignature("Error(string)", "Not CSP owner");
        if (d == Denial.NotPoAIManager) return abi.encodeWithSignature("Error(string)", "Not PoAI Manager");
        if (d == Denial.Ownable) return abi.encodeWithSignature("OwnableUnauthorizedAccount(address)", actor);
        if (d == Denial.NotCspEscrow) return abi.encodeWithSelector(PoAIManager.NotCspEscrow.selector);
        if (d == Denial.NotOracle) return abi.encodeWithSelector(PoAIManager.NotOracle.selector);
        if (d == Denial.NotNodeOwner) return abi.encodeWithSelector(PoAIManager.NotNodeOwner.selector);
        return "";
    }

    function _run(Case memory c) internal {
        address[7] memory actors = _actors();
        for (uint256 i; i < actors.length; ++i) {
            uint256 snapshot = vm.snapshotState();
            if (c.permissionBit != 0) {
                vm.prank(csp);
                escrow.setDelegatePermissions(delegate, c.permissionBit);
                vm.prank(csp);
                escrow.setDelegatePermissions(delegateWithout, 15 & ~c.permissionBit == 0 ? 16 : 15 & ~c.permissionBit);
            } else {
                vm.prank(csp);
                escrow.setDelegatePermissions(delegate, 15);
            }
            vm.prank(actors[i]);
            (bool ok, bytes memory ret) = c.target.call(c.data);
            bytes memory denial = _denialData(c.denial, actors[i]);
            bool denied = !ok && keccak256(ret) == keccak256(denial);
            bool allowed = (c.allowed & uint8(1 << i)) != 0;
            if (allowed) {
                assertTrue(!denied, string.concat(c.name, ": allowed actor was denied"));
            } else {
                assertTrue(denied, string.concat(c.name, ": denied actor was not stopped with the access error"));
            }
            vm.revertToState(snapshot);
        }
    }

    function test_matrix_escrowPermissionedFunctions() public {
        JobCreationRequest[] memory r = _request(ENTRY, 30, 1);
        address e = address(escrow);
        uint8 byBit = CSP | DELEGATE_WITH_BIT;
        _run(Case("createJobs", e, abi.encodeCall(CspEscrow.createJobs, (r)), 1, byBit, Denial.NotAuthorized));
        _run(Case("extendJobDuration", e, abi.encodeCall(CspEscrow.extendJobDuration, (jobId, 40)), 2, byBit, Denial.NotAuthorized));
        _run(Case("extendJobNodes", e, abi.encodeCall(CspEscrow.extendJobNodes, (jobId, 3)), 4, byBit, Denial.NotAuthorized));
        _run(Case("redeemUnusedJob", e, abi.encodeCall(CspEscrow.redeemUnusedJob, (jobId)), 8, byBit, Denial.NotAuthorized));
        _run(Case("withdrawClosedJobBalance", e, abi.encodeCall(CspEscrow.withdrawClosedJobBalance, (jobId)), 8, byBit, Denial.NotAuthorized));
    }

    function test_matrix_escrowOwnerFunctions() public {
        address e = address(escrow);
        _run(Case("setDelegatePermissions", e, abi.encodeCall(CspEscrow.setDelegatePermissions, (address(0xD3), 1)), 0, CSP, Denial.NotCspOwner));
        _run(Case("removeDelegate", e, abi.encodeCall(CspEscrow.removeDelegate, (delegate)), 0, CSP, Denial.NotCspOwner));
        _run(Case("pruneClosedJobs", e, abi.encodeCall(CspEscrow.pruneClosedJobs, (new uint256[](0))), 0, CSP, Denial.NotCspOwner));
    }

    function test_matrix_escrowManagerOnlyFunctions() public {
        address e = address(escrow);
        address[] memory list = _nodes(0, 1);
        _run(Case("updateActiveNodes", e, abi.encodeCall(CspEscrow.updateActiveNodes, (jobId, list)), 0, 0, Denial.NotPoAIManager));
        _run(Case("allocateRewardsToNodes", e, abi.encodeCall(CspEscrow.allocateRewardsToNodes, ()), 0, 0, Denial.NotPoAIManager));
        _run(Case("allocateRewardsToNodesPaginated", e, abi.encodeCall(CspEscrow.allocateRewardsToNodesPaginated, (0, 10)), 0, 0, Denial.NotPoAIManager));
        _run(Case("claimRewardsForNode", e, abi.encodeCall(CspEscrow.claimRewardsForNode, (nodes[0], nodeOwner)), 0, 0, Denial.NotPoAIManager));
        _run(Case("claimRewardsForNodeWithLimits", e, abi.encodeCall(CspEscrow.claimRewardsForNodeWithLimits, (nodes[0], nodeOwner, 0, block.timestamp)), 0, 0, Denial.NotPoAIManager));
        _run(Case("reconcileJobsBalance", e, abi.encodeCall(CspEscrow.reconcileJobsBalance, ()), 0, 0, Denial.NotPoAIManager));
        _run(Case("reconcileAllJobs", e, abi.encodeCall(CspEscrow.reconcileAllJobs, ()), 0, 0, Denial.NotPoAIManager));
        _run(Case("escrow.setBurnContract", e, abi.encodeCall(CspEscrow.setBurnContract, (address(burner))), 0, 0, Denial.NotPoAIManager));
    }

    function test_matrix_managerOwnerFunctions() public {
        address m = address(manager);
        _run(Case("setAdoptionOracle", m, abi.encodeCall(PoAIManager.setAdoptionOracle, (address(adoption))), 0, OWNER, Denial.Ownable));
        _run(Case("manager.setBurnContract", m, abi.encodeCall(PoAIManager.setBurnContract, (address(burner))), 0, OWNER, Denial.Ownable));
        _run(Case("setSwapSlippageBps", m, abi.encodeCall(PoAIManager.setSwapSlippageBps, (100)), 0, OWNER, Denial.Ownable));
        _run(Case("reconcileAllJobsBalance", m, abi.encodeCall(PoAIManager.reconcileAllJobsBalance, ()), 0, OWNER, Denial.Ownable));
        _run(Case("reconcileAllJobsAcrossEscrows", m, abi.encodeCall(PoAIManager.reconcileAllJobsAcrossEscrows, ()), 0, OWNER, Denial.Ownable));
        _run(Case("transferOwnership", m, abi.encodeWithSignature("transferOwnership(address)", stranger), 0, OWNER, Denial.Ownable));
        _run(Case("renounceOwnership", m, abi.encodeWithSignature("renounceOwnership()"), 0, OWNER, Denial.Ownable));
    }

    function test_matrix_managerEscrowCallbacks() public {
        address m = address(manager);
        _run(Case("getNewJobId", m, abi.encodeCall(PoAIManager.getNewJobId, ()), 0, 0, Denial.NotCspEscrow));
        _run(Case("reserveJobIds", m, abi.encodeCall(PoAIManager.reserveJobIds, (3)), 0, 0, Denial.NotCspEscrow));
        _run(Case("removeJob", m, abi.encodeCall(PoAIManager.removeJob, (jobId)), 0, 0, Denial.NotCspEscrow));
        _run(Case("registerDelegatedAddress", m, abi.encodeCall(PoAIManager.registerDelegatedAddress, (stranger)), 0, 0, Denial.NotCspEscrow));
        _run(Case("unregisterDelegatedAddress", m, abi.encodeCall(PoAIManager.unregisterDelegatedAddress, (delegate)), 0, 0, Denial.NotCspEscrow));
        _run(Case("registerNodeWithRewards", m, abi.encodeCall(PoAIManager.registerNodeWithRewards, (nodes[0])), 0, 0, Denial.NotCspEscrow));
        _run(Case("removeNodeFromRewardsList", m, abi.encodeCall(PoAIManager.removeNodeFromRewardsList, (nodes[0])), 0, 0, Denial.NotCspEscrow));
    }

    function test_matrix_managerRoleFunctions() public {
        address m = address(manager);
        address[] memory list = _nodes(0, 1);
        _run(Case("submitNodeUpdate", m, abi.encodeCall(PoAIManager.submitNodeUpdate, (jobId, list)), 0, ORACLE, Denial.NotOracle));
        _run(Case("claimRewardsForNode", m, abi.encodeCall(PoAIManager.claimRewardsForNode, (nodes[0])), 0, NODE_OWNER, Denial.NotNodeOwner));
        _run(Case("claimRewardsForNodes", m, abi.encodeCall(PoAIManager.claimRewardsForNodes, (list)), 0, NODE_OWNER, Denial.NotNodeOwner));
        _run(Case("claimRewardsForNodeWithLimits", m, abi.encodeCall(PoAIManager.claimRewardsForNodeWithLimits, (nodes[0], 0, block.timestamp + 1)), 0, NODE_OWNER, Denial.NotNodeOwner));
        // Permissionless by design: anyone may trigger allocation.
        _run(Case("allocateRewardsAcrossAllEscrows", m, abi.encodeCall(PoAIManager.allocateRewardsAcrossAllEscrows, ()), 0, EVERYONE, Denial.None));
        _run(Case("allocateRewardsAcrossEscrowsPaginated", m, abi.encodeCall(PoAIManager.allocateRewardsAcrossEscrowsPaginated, (5)), 0, EVERYONE, Denial.None));
    }

    function test_deployCspEscrow_requiresAnOracleNodeLicence() public {
        vm.prank(csp);
        vm.expectRevert(PoAIManager.AlreadyHasEscrow.selector);
        manager.deployCspEscrow();
        vm.prank(stranger);
        vm.expectRevert(PoAIManager.NoOracleNodeOwned.selector);
        manager.deployCspEscrow();
        vm.prank(nodeOwner); // owns licences, but of non-oracle nodes
        vm.expectRevert(PoAIManager.NoOracleNodeOwned.selector);
        manager.deployCspEscrow();
        // An MND licence of an oracle node is enough.
        mnd.mintLinkedLicense(stranger, oracle3);
        vm.prank(stranger);
        manager.deployCspEscrow();
        assertEq(manager.getAllEscrows().length, 2, "deployed");
        assertEq(manager.escrowToOwner(manager.ownerToEscrow(stranger)), stranger, "owner");
        assertEq(manager.getAllCspsWithOwner()[1].cspOwner, stranger, "csp list");
    }

    function test_managerInitialize_cannotRunTwiceOrOnImplementation() public {
        vm.expectRevert(abi.encodeWithSignature("InvalidInitialization()"));
        manager.initialize(address(escrowImpl), address(nd), address(mnd), address(controller), address(usdc), address(r1), address(burner), address(router), pair, owner);
        PoAIManager impl = new PoAIManager();
        vm.expectRevert(abi.encodeWithSignature("InvalidInitialization()"));
        impl.initialize(address(escrowImpl), address(nd), address(mnd), address(controller), address(usdc), address(r1), address(burner), address(router), pair, owner);
    }
}
