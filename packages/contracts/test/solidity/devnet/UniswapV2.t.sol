// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {USDC} from "../../../contracts/devnet/USDC.sol";
import {R1} from "../../../contracts/devnet/R1.sol";
import {UniswapV2Factory} from "../../../contracts/devnet/UniswapV2Factory.sol";
import {UniswapV2Pair} from "../../../contracts/devnet/UniswapV2Pair.sol";
import {UniswapV2Router} from "../../../contracts/devnet/UniswapV2Router.sol";
import {vm, TestAssertions} from "../utils/Vm.sol";

contract UniswapV2Test is TestAssertions {
    address constant TRADER = address(0x7EAD);

    USDC usdc;
    R1 r1;
    USDC other;
    UniswapV2Factory factory;
    UniswapV2Router router;

    function setUp() public {
        usdc = new USDC();
        other = new USDC();
        r1 = new R1(type(uint128).max, address(this));
        r1.addMinter(address(this));
        factory = new UniswapV2Factory();
        router = new UniswapV2Router(address(factory));
        usdc.approve(address(router), type(uint256).max);
        r1.approve(address(router), type(uint256).max);
        other.approve(address(router), type(uint256).max);
    }

    function _fund(uint256 usdcAmount, uint256 r1Amount) internal {
        usdc.mint(address(this), usdcAmount);
        r1.mint(address(this), r1Amount);
    }

    function _seed(uint256 usdcAmount, uint256 r1Amount) internal returns (UniswapV2Pair pair) {
        _fund(usdcAmount, r1Amount);
        router.addLiquidity(
            address(usdc), address(r1), usdcAmount, r1Amount, 0, 0, address(this), block.timestamp
        );
        pair = UniswapV2Pair(factory.getPair(address(usdc), address(r1)));
    }

    function _path(address a, address b) internal pure returns (address[] memory path) {
        path = new address[](2);
        path[0] = a;
        path[1] = b;
    }

    function _reserves(UniswapV2Pair pair) internal view returns (uint256 ru, uint256 rr) {
        (uint112 r0, uint112 r1_,) = pair.getReserves();
        (ru, rr) = pair.token0() == address(usdc) ? (uint256(r0), uint256(r1_)) : (uint256(r1_), uint256(r0));
    }

    function test_factoryCreatesOneSortedPairPerTokenSet() public {
        address pair = factory.createPair(address(r1), address(usdc));
        assertEq(factory.getPair(address(usdc), address(r1)), pair, "both directions");
        assertEq(factory.getPair(address(r1), address(usdc)), pair, "both directions (2)");
        assertEq(factory.allPairsLength(), 1, "one pair");
        UniswapV2Pair p = UniswapV2Pair(pair);
        assertTrue(p.token0() < p.token1(), "sorted");
        assertEq(p.factory(), address(factory), "factory");
        vm.expectRevert(bytes("UniswapV2: PAIR_EXISTS"));
        factory.createPair(address(usdc), address(r1));
        vm.expectRevert(bytes("UniswapV2: IDENTICAL_ADDRESSES"));
        factory.createPair(address(usdc), address(usdc));
        vm.expectRevert(bytes("UniswapV2: ZERO_ADDRESS"));
        factory.createPair(address(0), address(usdc));
    }

    function test_firstLiquidityMintsSqrtMinusLockedMinimum() public {
        UniswapV2Pair pair = _seed(4_000_000e6, 1_000_000 ether);
        uint256 expected = 2e18; // sqrt(4e12 * 1e24)
        assertEq(pair.totalSupply(), expected, "total supply = sqrt(x*y)");
        assertEq(pair.balanceOf(address(this)), expected - 1000, "minimum locked");
        assertEq(pair.balanceOf(pair.LOCKED_LIQUIDITY_HOLDER()), 1000, "locked holder");
        (uint256 ru, uint256 rr) = _reserves(pair);
        assertEq(ru, 4_000_000e6, "usdc reserve");
        assertEq(rr, 1_000_000 ether, "r1 reserve");
    }

    function test_addLiquidityKeepsTheRatio() public {
        UniswapV2Pair pair = _seed(1_000e6, 500 ether);
        _fund(1_000e6, 1_000 ether);
        (uint256 a, uint256 b,) = router.addLiquidity(
            address(usdc), address(r1), 100e6, 1_000 ether, 0, 0, address(this), block.timestamp
        );
        assertEq(a, 100e6, "A at desired");
        assertEq(b, 50 ether, "B at ratio");
        (uint256 ru, uint256 rr) = _reserves(pair);
        assertEq(ru * 1 ether / rr, 2e6, "ratio unchanged");
        vm.expectRevert(bytes("UniswapV2Router: INSUFFICIENT_B_AMOUNT"));
        router.addLiquidity(
            address(usdc), address(r1), 100e6, 1_000 ether, 0, 51 ether, address(this), block.timestamp
        );
    }

    function test_swapExactTokensForTokensPaysTheQuotedAmount() public {
        UniswapV2Pair pair = _seed(1_000_000e6, 300_000 ether);
        usdc.mint(TRADER, 318_750);
        vm.startPrank(TRADER);
        usdc.approve(address(router), type(uint256).max);
        address[] memory path = _path(address(usdc), address(r1));
        uint256[] memory quoted = router.getAmountsOut(318_750, path);
        uint256 expected = router.getAmountOut(318_750, 1_000_000e6, 300_000 ether);
        assertEq(quoted[1], expected, "getAmountsOut = getAmountOut");
        assertEq(
            expected,
            uint256(318_750 * 997 * 300_000 ether) / uint256(1_000_000e6 * 1000 + 318_750 * 997),
            "0.3% fee formula"
        );
        uint256[] memory amounts =
            router.swapExactTokensForTokens(318_750, expected, path, TRADER, block.timestamp);
        vm.stopPrank();
        assertEq(amounts[1], expected, "returned amounts");
        assertEq(r1.balanceOf(TRADER), expected, "received");
        (uint256 ru, uint256 rr) = _reserves(pair);
        assertEq(ru, 1_000_000e6 + 318_750, "usdc in");
        assertEq(rr, 300_000 ether - expected, "r1 out");
    }

    function test_swapHonoursAmountOutMinAndDeadline() public {
        _seed(1_000e6, 1_000 ether);
        usdc.mint(address(this), 10e6);
        address[] memory path = _path(address(usdc), address(r1));
        uint256 out = router.getAmountsOut(10e6, path)[1];
        vm.expectRevert(bytes("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"));
        router.swapExactTokensForTokens(10e6, out + 1, path, address(this), block.timestamp);
        vm.warp(1000);
        vm.expectRevert(bytes("UniswapV2Router: EXPIRED"));
        router.swapExactTokensForTokens(10e6, 0, path, address(this), 999);
        router.swapExactTokensForTokens(10e6, out, path, address(this), 1000);
    }

    function test_swapTokensForExactTokensChargesTheQuotedInput() public {
        _seed(1_000e6, 1_000 ether);
        usdc.mint(address(this), 100e6);
        address[] memory path = _path(address(usdc), address(r1));
        uint256 before = usdc.balanceOf(address(this));
        uint256 needed = router.getAmountsIn(5 ether, path)[0];
        vm.expectRevert(bytes("UniswapV2Router: EXCESSIVE_INPUT_AMOUNT"));
        router.swapTokensForExactTokens(5 ether, needed - 1, path, address(this), block.timestamp);
        router.swapTokensForExactTokens(5 ether, needed, path, address(this), block.timestamp);
        assertEq(before - usdc.balanceOf(address(this)), needed, "charged");
    }

    function test_multiHopPath() public {
        _seed(1_000e6, 1_000 ether);
        other.mint(address(this), 2_000e6);
        r1.mint(address(this), 1_000 ether);
        router.addLiquidity(
            address(r1), address(other), 1_000 ether, 2_000e6, 0, 0, address(this), block.timestamp
        );
        address[] memory path = new address[](3);
        path[0] = address(usdc);
        path[1] = address(r1);
        path[2] = address(other);
        usdc.mint(TRADER, 1e6);
        vm.startPrank(TRADER);
        usdc.approve(address(router), 1e6);
        uint256[] memory quoted = router.getAmountsOut(1e6, path);
        router.swapExactTokensForTokens(1e6, quoted[2], path, TRADER, block.timestamp);
        vm.stopPrank();
        assertEq(other.balanceOf(TRADER), quoted[2], "two hops");
        assertEq(r1.balanceOf(TRADER), 0, "intermediate stays in pairs");
    }

    function test_removeLiquidityReturnsProRataShares() public {
        UniswapV2Pair pair = _seed(1_000e6, 2_000 ether);
        uint256 liquidity = pair.balanceOf(address(this));
        pair.approve(address(router), liquidity);
        uint256 usdcBefore = usdc.balanceOf(address(this));
        uint256 r1Before = r1.balanceOf(address(this));
        (uint256 a, uint256 b) = router.removeLiquidity(
            address(usdc), address(r1), liquidity / 2, 0, 0, address(this), block.timestamp
        );
        assertEq(usdc.balanceOf(address(this)) - usdcBefore, a, "usdc paid");
        assertEq(r1.balanceOf(address(this)) - r1Before, b, "r1 paid");
        uint256 supply = pair.totalSupply() + liquidity / 2;
        assertEq(a, (liquidity / 2) * 1_000e6 / supply, "pro rata usdc");
        assertEq(b, (liquidity / 2) * 2_000 ether / supply, "pro rata r1");
        pair.approve(address(router), liquidity);
        vm.expectRevert(bytes("UniswapV2Router: INSUFFICIENT_A_AMOUNT"));
        router.removeLiquidity(
            address(usdc), address(r1), 1e9, type(uint256).max, 0, address(this), block.timestamp
        );
    }

    function test_pairRejectsSwapsThatBreakTheInvariant() public {
        UniswapV2Pair pair = _seed(1_000e6, 1_000 ether);
        (uint256 ru, uint256 rr) = _reserves(pair);
        uint256 amountIn = 10e6;
        uint256 fair = router.getAmountOut(amountIn, ru, rr);
        usdc.mint(address(pair), amountIn);
        bool usdcIs0 = pair.token0() == address(usdc);
        vm.expectRevert(bytes("UniswapV2: K"));
        pair.swap(usdcIs0 ? 0 : fair + 1, usdcIs0 ? fair + 1 : 0, address(this), "");
        pair.swap(usdcIs0 ? 0 : fair, usdcIs0 ? fair : 0, address(this), "");
        vm.expectRevert(bytes("UniswapV2: INSUFFICIENT_INPUT_AMOUNT"));
        pair.swap(usdcIs0 ? 0 : 1, usdcIs0 ? 1 : 0, address(this), "");
        vm.expectRevert(bytes("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT"));
        pair.swap(0, 0, address(this), "");
    }

    /// Constant product: any exact-input swap through the router, at any reserves, leaves
    /// reserve0 * reserve1 no lower than before, and the trader gets exactly the fee-adjusted quote.
    function testFuzz_swapNeverDecreasesTheProduct(
        uint256 usdcReserve,
        uint256 r1Reserve,
        uint256 amountIn,
        bool usdcToR1
    ) public {
        usdcReserve = bound(usdcReserve, 1e6, 1e15);
        r1Reserve = bound(r1Reserve, 1e12, 1e30);
        amountIn = bound(amountIn, 1, usdcToR1 ? usdcReserve * 10 : r1Reserve * 10);
        UniswapV2Pair pair = _seed(usdcReserve, r1Reserve);
        (uint256 ru0, uint256 rr0) = _reserves(pair);

        address[] memory path =
            usdcToR1 ? _path(address(usdc), address(r1)) : _path(address(r1), address(usdc));
        uint256 expected = usdcToR1
            ? router.getAmountOut(amountIn, ru0, rr0)
            : router.getAmountOut(amountIn, rr0, ru0);
        vm.assume(expected > 0);
        if (usdcToR1) usdc.mint(address(this), amountIn);
        else r1.mint(address(this), amountIn);
        uint256[] memory amounts =
            router.swapExactTokensForTokens(amountIn, 0, path, TRADER, block.timestamp);

        (uint256 ru1, uint256 rr1) = _reserves(pair);
        assertEq(amounts[1], expected, "paid the quote");
        assertGe(ru1 * rr1, ru0 * rr0, "k did not decrease");
        assertEq(usdcToR1 ? r1.balanceOf(TRADER) : usdc.balanceOf(TRADER), expected, "received");
        // The pair's balances are exactly its reserves after a router swap.
        assertEq(usdc.balanceOf(address(pair)), ru1, "usdc synced");
        assertEq(r1.balanceOf(address(pair)), rr1, "r1 synced");
    }
}
