// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Multicall3} from "../../../contracts/devnet/Multicall3.sol";
import {vm, TestAssertions} from "../utils/Vm.sol";

contract Target {
    uint256 public stored;

    function set(uint256 v) external payable {
        stored = v;
    }

    function get() external view returns (uint256) {
        return stored;
    }

    function fail() external pure {
        revert("nope");
    }
}

contract Multicall3Test is TestAssertions {
    Multicall3 mc;
    Target target;

    function setUp() public {
        mc = new Multicall3();
        target = new Target();
    }

    function _call(bytes memory data) internal view returns (Multicall3.Call memory) {
        return Multicall3.Call(address(target), data);
    }

    function test_aggregateRunsInOrderAndReturnsData() public {
        Multicall3.Call[] memory calls = new Multicall3.Call[](2);
        calls[0] = _call(abi.encodeCall(Target.set, (42)));
        calls[1] = _call(abi.encodeCall(Target.get, ()));
        vm.roll(77);
        (uint256 blockNumber, bytes[] memory data) = mc.aggregate(calls);
        assertEq(blockNumber, 77, "block number");
        assertEq(abi.decode(data[1], (uint256)), 42, "second call sees the first");
    }

    function test_aggregateRevertsOnFailure() public {
        Multicall3.Call[] memory calls = new Multicall3.Call[](1);
        calls[0] = _call(abi.encodeCall(Target.fail, ()));
        vm.expectRevert(bytes("Multicall3: call failed"));
        mc.aggregate(calls);
    }

    function test_tryAggregateReportsFailures() public {
        Multicall3.Call[] memory calls = new Multicall3.Call[](2);
        calls[0] = _call(abi.encodeCall(Target.fail, ()));
        calls[1] = _call(abi.encodeCall(Target.set, (1)));
        Multicall3.Result[] memory results = mc.tryAggregate(false, calls);
        assertFalse(results[0].success, "first failed");
        assertTrue(results[1].success, "second ok");
        assertEq(
            keccak256(results[0].returnData),
            keccak256(abi.encodeWithSignature("Error(string)", "nope")),
            "revert data kept"
        );
        vm.expectRevert(bytes("Multicall3: call failed"));
        mc.tryAggregate(true, calls);
        vm.expectRevert(bytes("Multicall3: call failed"));
        mc.blockAndAggregate(calls);
    }

    function test_aggregate3HonoursAllowFailure() public {
        Multicall3.Call3[] memory calls = new Multicall3.Call3[](2);
        calls[0] = Multicall3.Call3(address(target), true, abi.encodeCall(Target.fail, ()));
        calls[1] = Multicall3.Call3(address(target), false, abi.encodeCall(Target.set, (9)));
        Multicall3.Result[] memory results = mc.aggregate3(calls);
        assertFalse(results[0].success, "allowed failure");
        assertEq(target.stored(), 9, "second ran");
        calls[0].allowFailure = false;
        vm.expectRevert(bytes("Multicall3: call failed"));
        mc.aggregate3(calls);
    }

    function test_aggregate3ValueChecksTheTotal() public {
        vm.deal(address(this), 10 ether);
        Multicall3.Call3Value[] memory calls = new Multicall3.Call3Value[](1);
        calls[0] = Multicall3.Call3Value(address(target), false, 1 ether, abi.encodeCall(Target.set, (3)));
        mc.aggregate3Value{value: 1 ether}(calls);
        assertEq(address(target).balance, 1 ether, "value forwarded");
        vm.expectRevert(bytes("Multicall3: value mismatch"));
        mc.aggregate3Value{value: 2 ether}(calls);
    }

    function test_blockGetters() public {
        vm.roll(500);
        vm.warp(1_700_000_000);
        vm.deal(address(0xE7), 3 ether);
        assertEq(mc.getBlockNumber(), 500, "number");
        assertEq(mc.getCurrentBlockTimestamp(), 1_700_000_000, "timestamp");
        assertEq(mc.getEthBalance(address(0xE7)), 3 ether, "balance");
        assertEq(mc.getChainId(), block.chainid, "chain id");
        assertEq(mc.getCurrentBlockGasLimit(), block.gaslimit, "gas limit");
        assertEq(mc.getBasefee(), block.basefee, "basefee");
        assertEq(mc.getCurrentBlockCoinbase(), block.coinbase, "coinbase");
        assertEq(mc.getLastBlockHash(), blockhash(499), "last block hash");
        (uint256 n, bytes32 h,) = mc.tryBlockAndAggregate(false, new Multicall3.Call[](0));
        assertEq(n, 500, "block of batch");
        assertEq(h, blockhash(500), "hash of current block");
    }
}
