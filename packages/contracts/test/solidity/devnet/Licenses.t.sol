// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {NDLicense} from "../../../contracts/interfaces/IND.sol";
import {MNDLicense} from "../../../contracts/interfaces/IMND.sol";
import {NDContract} from "../../../contracts/devnet/NDContract.sol";
import {MNDContract} from "../../../contracts/devnet/MNDContract.sol";
import {vm, TestAssertions} from "../utils/Vm.sol";

/// @dev Answers `getNodePoAIRewards` with a value derived from the node, so the test can tell that
///      ND forwarded the right node.
contract RewardsSource {
    function getNodePoAIRewards(address node) external pure returns (uint256, uint256) {
        return (uint256(uint160(node)) % 1000, 7);
    }
}

contract LicensesTest is TestAssertions {
    address constant ALICE = address(0xA11CE);
    address constant BOB = address(0xB0B);
    address constant NODE1 = address(0x1001);
    address constant NODE2 = address(0x1002);

    NDContract nd;
    MNDContract mnd;

    function setUp() public {
        nd = new NDContract(address(this));
        mnd = new MNDContract(address(this));
    }

    function test_mintNumbersFromOneAndIsOwnerOnly() public {
        assertEq(nd.mintLicense(ALICE), 1, "first id");
        assertEq(nd.mintLicense(BOB), 2, "second id");
        assertEq(nd.totalLicenses(), 2, "total");
        assertEq(nd.ownerOf(1), ALICE, "owner of 1");
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, ALICE));
        nd.mintLicense(ALICE);
    }

    function test_linkNodeAndResolveOwner() public {
        uint256 id = nd.mintLicense(ALICE);
        vm.warp(1_000_000);
        vm.prank(ALICE);
        nd.linkNode(id, NODE1);
        assertEq(nd.getNodeOwner(NODE1), ALICE, "node owner");
        assertEq(nd.nodeToLicenseId(NODE1), id, "node -> licence");
        assertEq(nd.licenseNode(id), NODE1, "licence -> node");

        // The owner follows the NFT.
        vm.prank(ALICE);
        nd.transferFrom(ALICE, BOB, id);
        assertEq(nd.getNodeOwner(NODE1), BOB, "owner after transfer");
    }

    function test_linkRules() public {
        uint256 a = nd.mintLicense(ALICE);
        uint256 b = nd.mintLicense(BOB);
        vm.prank(BOB);
        vm.expectRevert(bytes("Not the license owner"));
        nd.linkNode(a, NODE1);
        vm.startPrank(ALICE);
        vm.expectRevert(bytes("Invalid node address"));
        nd.linkNode(a, address(0));
        nd.linkNode(a, NODE1);
        vm.expectRevert(bytes("License already linked"));
        nd.linkNode(a, NODE2);
        vm.stopPrank();
        vm.prank(BOB);
        vm.expectRevert(bytes("Node address already registered"));
        nd.linkNode(b, NODE1);
    }

    function test_unlinkFreesNodeAndLicence() public {
        uint256 a = nd.mintLicense(ALICE);
        vm.startPrank(ALICE);
        vm.expectRevert(bytes("License not linked"));
        nd.unlinkNode(a);
        nd.linkNode(a, NODE1);
        nd.unlinkNode(a);
        vm.stopPrank();
        assertEq(nd.nodeToLicenseId(NODE1), 0, "node freed");
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 0));
        nd.getNodeOwner(NODE1);
        vm.prank(ALICE);
        nd.linkNode(a, NODE2);
        assertEq(nd.getNodeOwner(NODE2), ALICE, "relinked");
    }

    function test_mintLinkedLicenseMintsAndLinksInOneStep() public {
        vm.warp(5_000_000);
        uint256 id = nd.mintLinkedLicense(ALICE, NODE1);
        assertEq(nd.ownerOf(id), ALICE, "minted to alice");
        assertEq(nd.getNodeOwner(NODE1), ALICE, "linked");
        assertEq(nd.licenseAssignTimestamp(id), 5_000_000, "assign timestamp");
        vm.expectRevert(bytes("Node address already registered"));
        nd.mintLinkedLicense(BOB, NODE1);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, ALICE));
        nd.mintLinkedLicense(ALICE, NODE2);
    }

    function test_unlinkedNodeOwnerRevertsLikeLiveND() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 0));
        nd.getNodeOwner(NODE1);
    }

    function test_ndGetLicensesAsksTheManagerForLinkedNodes() public {
        nd.mintLicense(ALICE);
        nd.mintLicense(ALICE);
        vm.warp(2_000_000);
        vm.prank(ALICE);
        nd.linkNode(2, NODE2);

        // Without a manager the rewards are zero.
        NDLicense[] memory before = nd.getLicenses(ALICE);
        assertEq(before.length, 2, "two licences");
        assertEq(before[1].usdcPoaiRewards, 0, "no manager, no rewards");

        RewardsSource source = new RewardsSource();
        nd.setPoAIManager(address(source));
        assertEq(address(nd.poaiManager()), address(source), "manager set");
        NDLicense[] memory licenses = nd.getLicenses(ALICE);
        assertEq(licenses[0].licenseId, 1, "id 1");
        assertEq(licenses[0].nodeAddress, address(0), "unlinked");
        assertEq(licenses[0].usdcPoaiRewards, 0, "unlinked: not asked");
        assertEq(licenses[1].licenseId, 2, "id 2");
        assertEq(licenses[1].nodeAddress, NODE2, "linked node");
        assertEq(licenses[1].assignTimestamp, 2_000_000, "assign timestamp");
        assertEq(licenses[1].usdcPoaiRewards, uint256(uint160(NODE2)) % 1000, "usdc from manager");
        assertEq(licenses[1].r1PoaiRewards, 7, "r1 from manager");
        assertFalse(licenses[1].isBanned, "not banned");
        assertEq(nd.getLicenses(BOB).length, 0, "bob has none");
    }

    function test_setPoAIManagerIsOwnerOnly() public {
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, ALICE));
        nd.setPoAIManager(ALICE);
    }

    function test_mndGetLicensesReturnsTenFieldTuples() public {
        uint256 id = mnd.mintLicense(BOB);
        vm.warp(3_000_000);
        vm.prank(BOB);
        mnd.linkNode(id, NODE1);
        MNDLicense[] memory licenses = mnd.getLicenses(BOB);
        assertEq(licenses.length, 1, "one licence");
        assertEq(licenses[0].licenseId, id, "id");
        assertEq(licenses[0].nodeAddress, NODE1, "node");
        assertEq(licenses[0].assignTimestamp, 3_000_000, "assign timestamp");
        // The ABI-level shape: 10 static words per element after the array header.
        bytes memory raw = abi.encode(licenses);
        assertEq(raw.length, 32 * 2 + 32 * 10, "10-field tuple");
    }

    function test_ndLicenceEncodesAsElevenFields() public {
        nd.mintLicense(ALICE);
        bytes memory raw = abi.encode(nd.getLicenses(ALICE));
        assertEq(raw.length, 32 * 2 + 32 * 11, "11-field tuple");
    }
}
