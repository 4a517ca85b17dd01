// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC20Capped} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Capped.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {R1} from "../../../contracts/devnet/R1.sol";
import {BurnContract} from "../../../contracts/devnet/BurnContract.sol";
import {USDC} from "../../../contracts/devnet/USDC.sol";
import {vm, TestAssertions} from "../utils/Vm.sol";

/// @dev The one cheatcode these tests need beyond the shared `Vm` interface.
interface VmSign {
    function sign(uint256 privateKey, bytes32 digest)
        external
        pure
        returns (uint8 v, bytes32 r, bytes32 s);
}

contract TokensTest is TestAssertions {
    VmSign constant signer = VmSign(address(uint160(uint256(keccak256("hevm cheat code")))));

    address constant ALICE = address(0xA11CE);
    address constant BOB = address(0xB0B);
    uint256 constant CAP = 1_000_000 ether;

    R1 r1;
    BurnContract burner;
    USDC usdc;

    function setUp() public {
        r1 = new R1(CAP, address(this));
        burner = new BurnContract(address(r1));
        usdc = new USDC();
    }

    function test_r1MintIsRestrictedToMinters() public {
        vm.expectRevert(abi.encodeWithSelector(R1.R1NotMinter.selector, address(this)));
        r1.mint(ALICE, 1);
        r1.addMinter(address(this));
        r1.mint(ALICE, 5 ether);
        assertEq(r1.balanceOf(ALICE), 5 ether, "minted");
        assertEq(r1.decimals(), 18, "18 decimals");
        r1.removeMinter(address(this));
        vm.expectRevert(abi.encodeWithSelector(R1.R1NotMinter.selector, address(this)));
        r1.mint(ALICE, 1);
    }

    function test_r1IsCapped() public {
        r1.addMinter(address(this));
        r1.mint(ALICE, CAP);
        vm.expectRevert(abi.encodeWithSelector(ERC20Capped.ERC20ExceededCap.selector, CAP + 1, CAP));
        r1.mint(ALICE, 1);
        assertEq(r1.cap(), CAP, "cap");
    }

    function test_r1RolesAreOwnerManaged() public {
        vm.startPrank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, ALICE));
        r1.addMinter(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, ALICE));
        r1.addBurner(ALICE);
        vm.stopPrank();
        vm.expectRevert(R1.R1ZeroAddress.selector);
        r1.addBurner(address(0));
    }

    function test_r1PrivilegedBurnNeedsNoAllowance() public {
        r1.addMinter(address(this));
        r1.mint(ALICE, 10 ether);
        vm.expectRevert(abi.encodeWithSelector(R1.R1NotBurner.selector, address(this)));
        r1.burn(ALICE, 1 ether);
        r1.addBurner(address(this));
        r1.burn(ALICE, 4 ether);
        assertEq(r1.balanceOf(ALICE), 6 ether, "burned from holder");
        assertEq(r1.totalSupply(), 6 ether, "supply reduced");
        r1.removeBurner(address(this));
        assertFalse(r1.isBurner(address(this)), "burner removed");
    }

    function test_burnContractBurnsTheCallersR1() public {
        r1.addMinter(address(this));
        r1.mint(ALICE, 3 ether);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(R1.R1NotBurner.selector, address(burner)));
        burner.burn(1 ether);

        r1.addBurner(address(burner));
        vm.prank(ALICE);
        burner.burn(1 ether);
        assertEq(r1.balanceOf(ALICE), 2 ether, "burned from caller");
        assertEq(address(burner.r1()), address(r1), "r1 wired");

        vm.prank(BOB);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, BOB, 0, 1)
        );
        burner.burn(1);
    }

    function test_burnContractRejectsZeroR1() public {
        vm.expectRevert(bytes("R1 cannot be zero address"));
        new BurnContract(address(0));
    }

    function test_usdcHasSixDecimalsAndAFaucet() public {
        assertEq(usdc.decimals(), 6, "6 decimals");
        assertEq(keccak256(bytes(usdc.symbol())), keccak256("USDC"), "symbol");
        vm.prank(BOB);
        usdc.mint(ALICE, 25_000_000);
        assertEq(usdc.balanceOf(ALICE), 25_000_000, "faucet");
    }

    function test_usdcPermitSetsAllowanceFromASignature() public {
        uint256 key = 0xA11CE5;
        address owner = vm.addr(key);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                ),
                owner,
                BOB,
                1_000_000,
                usdc.nonces(owner),
                deadline
            )
        );
        bytes32 digest =
            keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = signer.sign(key, digest);

        usdc.permit(owner, BOB, 1_000_000, deadline, v, r, s);
        assertEq(usdc.allowance(owner, BOB), 1_000_000, "allowance");
        assertEq(usdc.nonces(owner), 1, "nonce used");

        // Replaying the same signature fails: the nonce moved on.
        vm.expectRevert();
        usdc.permit(owner, BOB, 1_000_000, deadline, v, r, s);

        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        usdc.permit(owner, BOB, 1_000_000, deadline, v, r, s);
    }
}
