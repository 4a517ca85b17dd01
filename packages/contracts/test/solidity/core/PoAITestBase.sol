// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {TransparentUpgradeableProxy} from
    "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";

import {CspEscrow} from "../../../contracts/core/CspEscrow.sol";
import {PoAIManager} from "../../../contracts/core/PoAIManager.sol";
import {JobCreationRequest, JobDetails} from "../../../contracts/core/PoAITypes.sol";
import {AdoptionOracle} from "../../../contracts/devnet/AdoptionOracle.sol";
import {BurnContract} from "../../../contracts/devnet/BurnContract.sol";
import {Controller} from "../../../contracts/devnet/Controller.sol";
import {MNDContract} from "../../../contracts/devnet/MNDContract.sol";
import {NDContract} from "../../../contracts/devnet/NDContract.sol";
import {R1} from "../../../contracts/devnet/R1.sol";
import {UniswapV2Factory} from "../../../contracts/devnet/UniswapV2Factory.sol";
import {UniswapV2Router} from "../../../contracts/devnet/UniswapV2Router.sol";
import {USDC} from "../../../contracts/devnet/USDC.sol";
import {TestAssertions, vm} from "../utils/Vm.sol";

/// @notice Deploys the whole PoAI system on the devnet stand-ins, as the live network is wired:
///         Controller with three oracles, ND/MND registries, R1 + BurnContract, USDC, a USDC/R1 Uniswap V2
///         pair with liquidity, AdoptionOracle, the CspEscrow implementation and PoAIManager behind a
///         transparent proxy, and one CSP escrow whose owner holds an oracle node licence.
abstract contract PoAITestBase is TestAssertions {
    uint256 internal constant START = 1738767600;
    uint256 internal constant EPOCH = 86400;
    uint256 internal constant ENTRY = 1; // 375_000 per node per epoch
    uint256 internal constant ENTRY_PRICE = 375_000;
    uint256 internal constant LITE = 54; // 166_666
    uint256 internal constant USDC_LIQUIDITY = 10_000_000e6;
    uint256 internal constant R1_LIQUIDITY = 30_000_000e18;

    address internal owner = address(0x5AFE);
    address internal proxyAdminOwner = address(0xAD);
    address internal csp = address(0xC5B0);
    address internal csp2 = address(0xC5B2);
    address internal delegate = address(0xDE1E);
    address internal nodeOwner = address(0x0E0E);
    address internal stranger = address(0x5757);
    address internal oracle1 = address(0x0A01);
    address internal oracle2 = address(0x0A02);
    address internal oracle3 = address(0x0A03);
    address[] internal nodes;

    Controller internal controller;
    USDC internal usdc;
    R1 internal r1;
    BurnContract internal burner;
    NDContract internal nd;
    MNDContract internal mnd;
    UniswapV2Factory internal factory;
    UniswapV2Router internal router;
    address internal pair;
    AdoptionOracle internal adoption;
    CspEscrow internal escrowImpl;
    PoAIManager internal manager;
    CspEscrow internal escrow;

    function setUp() public virtual {
        vm.warp(START + EPOCH + 1); // epoch 1, as in Ratio1's own suite
        controller = new Controller(START, EPOCH, address(this));
        usdc = new USDC();
        r1 = new R1(1_000_000_000e18, address(this));
        r1.addMinter(address(this));
        burner = new BurnContract(address(r1));
        r1.addBurner(address(burner));
        nd = new NDContract(address(this));
        mnd = new MNDContract(address(this));
        factory = new UniswapV2Factory();
        router = new UniswapV2Router(address(factory));
        pair = factory.createPair(address(usdc), address(r1));
        usdc.mint(address(this), USDC_LIQUIDITY);
        r1.mint(address(this), R1_LIQUIDITY);
        usdc.approve(address(router), type(uint256).max);
        r1.approve(address(router), type(uint256).max);
        router.addLiquidity(
            address(usdc), address(r1), USDC_LIQUIDITY, R1_LIQUIDITY, 0, 0, address(this), block.timestamp
        );
        adoption = new AdoptionOracle(address(this));

        escrowImpl = new CspEscrow(address(usdc), address(r1), address(controller), address(router), pair);
        PoAIManager managerImpl = new PoAIManager();
        bytes memory init = abi.encodeCall(
            PoAIManager.initialize,
            (
                address(escrowImpl),
                address(nd),
                address(mnd),
                address(controller),
                address(usdc),
                address(r1),
                address(burner),
                address(router),
                pair,
                owner
            )
        );
        manager = PoAIManager(
            address(new TransparentUpgradeableProxy(address(managerImpl), proxyAdminOwner, init))
        );
        nd.setPoAIManager(address(manager));
        adoption.setPoAIManager(address(manager));
        vm.prank(owner);
        manager.setAdoptionOracle(address(adoption));

        controller.addOracle(oracle1);
        controller.addOracle(oracle2);
        controller.addOracle(oracle3);
        nd.mintLinkedLicense(csp, oracle1);
        nd.mintLinkedLicense(csp2, oracle2);
        for (uint256 i; i < 8; ++i) {
            address node = address(uint160(0x10000 + i));
            nodes.push(node);
            nd.mintLinkedLicense(nodeOwner, node);
        }

        vm.prank(csp);
        manager.deployCspEscrow();
        escrow = CspEscrow(manager.ownerToEscrow(csp));
        _fund(csp, address(escrow));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------

    function _fund(address payer, address spender) internal {
        usdc.mint(payer, 1_000_000_000e6);
        vm.prank(payer);
        usdc.approve(spender, type(uint256).max);
    }

    function _epoch() internal view returns (uint256) {
        return (block.timestamp - START) / EPOCH;
    }

    function _advanceEpochs(uint256 k) internal {
        vm.warp(block.timestamp + k * EPOCH);
    }

    function _request(uint256 jobType, uint256 epochs, uint256 nodeCount)
        internal
        view
        returns (JobCreationRequest[] memory r)
    {
        r = new JobCreationRequest[](1);
        r[0] = JobCreationRequest({
            jobType: jobType,
            projectHash: keccak256(abi.encode(jobType, epochs, nodeCount)),
            lastExecutionEpoch: _epoch() + epochs,
            numberOfNodesRequested: nodeCount
        });
    }

    function _createJob(uint256 jobType, uint256 epochs, uint256 nodeCount) internal returns (uint256) {
        return _createJobOn(escrow, csp, jobType, epochs, nodeCount);
    }

    function _createJobOn(CspEscrow e, address caller, uint256 jobType, uint256 epochs, uint256 nodeCount)
        internal
        returns (uint256)
    {
        JobCreationRequest[] memory r = _request(jobType, epochs, nodeCount);
        vm.prank(caller);
        return e.createJobs(r)[0];
    }

    function _nodes(uint256 from, uint256 count) internal view returns (address[] memory list) {
        list = new address[](count);
        for (uint256 i; i < count; ++i) {
            list[i] = nodes[from + i];
        }
    }

    /// @dev Reaches consensus with the two first oracles (quorum 2 and agreement 2 of 3).
    function _consensus(uint256 jobId, address[] memory list) internal {
        vm.prank(oracle1);
        manager.submitNodeUpdate(jobId, list);
        vm.prank(oracle2);
        manager.submitNodeUpdate(jobId, list);
    }

    function _start(uint256 jobId, address[] memory list) internal {
        _consensus(jobId, list);
        assertEq(escrow.getJobActiveNodes(jobId).length, list.length, "nodes applied");
    }

    function _allocate() internal {
        manager.allocateRewardsAcrossAllEscrows();
    }

    function _job(uint256 jobId) internal view returns (JobDetails memory) {
        return escrow.getJobDetails(jobId);
    }

    function _deploySecondEscrow() internal returns (CspEscrow e) {
        vm.prank(csp2);
        manager.deployCspEscrow();
        e = CspEscrow(manager.ownerToEscrow(csp2));
        _fund(csp2, address(e));
    }

    function _split(uint256 gross) internal pure returns (uint256 net, uint256 burn) {
        burn = gross * 15 / 100;
        net = gross - burn;
    }
}
