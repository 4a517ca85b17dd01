// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {USDC} from "../../../contracts/devnet/USDC.sol";
import {R1} from "../../../contracts/devnet/R1.sol";
import {UniswapV2Factory} from "../../../contracts/devnet/UniswapV2Factory.sol";
import {UniswapV2Pair} from "../../../contracts/devnet/UniswapV2Pair.sol";
import {UniswapV2Router} from "../../../contracts/devnet/UniswapV2Router.sol";
import {TestAssertions} from "../utils/Vm.sol";

/// @dev Random traders and liquidity providers for the invariant run: each call bounds its inputs
///      and goes through the router, like real users.
contract PoolHandler {
    USDC public immutable usdc;
    R1 public immutable r1;
    UniswapV2Router public immutable router;
    UniswapV2Pair public immutable pair;

    uint256 public swaps;
    uint256 public deposits;
    uint256 public withdrawals;

    constructor(USDC usdc_, R1 r1_, UniswapV2Router router_, UniswapV2Pair pair_) {
        usdc = usdc_;
        r1 = r1_;
        router = router_;
        pair = pair_;
        usdc.approve(address(router), type(uint256).max);
        r1.approve(address(router), type(uint256).max);
        pair.approve(address(router), type(uint256).max);
    }

    function _clamp(uint256 x, uint256 min, uint256 max) private pure returns (uint256) {
        return min + (x % (max - min + 1));
    }

    function swapUsdcForR1(uint256 amountIn) external {
        amountIn = _clamp(amountIn, 1, 1e12);
        usdc.mint(address(this), amountIn);
        address[] memory path = new address[](2);
        (path[0], path[1]) = (address(usdc), address(r1));
        router.swapExactTokensForTokens(amountIn, 0, path, address(this), block.timestamp);
        swaps++;
    }

    function swapR1ForUsdc(uint256 amountIn) external {
        amountIn = _clamp(amountIn, 1, 1e24);
        r1.mint(address(this), amountIn);
        address[] memory path = new address[](2);
        (path[0], path[1]) = (address(r1), address(usdc));
        router.swapExactTokensForTokens(amountIn, 0, path, address(this), block.timestamp);
        swaps++;
    }

    function addLiquidity(uint256 usdcAmount, uint256 r1Amount) external {
        usdcAmount = _clamp(usdcAmount, 1e6, 1e12);
        r1Amount = _clamp(r1Amount, 1e18, 1e24);
        usdc.mint(address(this), usdcAmount);
        r1.mint(address(this), r1Amount);
        router.addLiquidity(
            address(usdc), address(r1), usdcAmount, r1Amount, 0, 0, address(this), block.timestamp
        );
        deposits++;
    }

    function removeLiquidity(uint256 share) external {
        uint256 balance = pair.balanceOf(address(this));
        if (balance == 0) return;
        uint256 liquidity = _clamp(share, 1, balance);
        router.removeLiquidity(address(usdc), address(r1), liquidity, 0, 0, address(this), block.timestamp);
        withdrawals++;
    }
}

/// Invariants of the devnet pool under random swaps, deposits and withdrawals.
contract UniswapV2InvariantTest is TestAssertions {
    USDC usdc;
    R1 r1;
    UniswapV2Pair pair;
    PoolHandler handler;

    /// sqrt(reserve0 * reserve1) per LP token, scaled by 1e18, after the initial deposit.
    uint256 initialRootKPerShare;

    function setUp() public {
        usdc = new USDC();
        r1 = new R1(type(uint128).max, address(this));
        UniswapV2Factory factory = new UniswapV2Factory();
        UniswapV2Router router = new UniswapV2Router(address(factory));
        pair = UniswapV2Pair(factory.createPair(address(usdc), address(r1)));
        handler = new PoolHandler(usdc, r1, router, pair);
        r1.addMinter(address(handler));
        handler.addLiquidity(1_000_000e6, 1_000_000e18);
        initialRootKPerShare = _rootKPerShare();
    }

    /// The handler's operations succeed on their own, so the invariant run exercises real trades
    /// rather than reverting calls.
    function test_handlerOperationsSucceed() public {
        handler.swapUsdcForR1(123e6);
        handler.swapR1ForUsdc(45e18);
        handler.addLiquidity(10e6, 10e18);
        handler.removeLiquidity(type(uint256).max);
        assertEq(handler.swaps(), 2, "swaps");
        assertEq(handler.deposits(), 2, "deposits (setUp + 1)");
        assertEq(handler.withdrawals(), 1, "withdrawals");
        invariant_reservesMatchBalances();
        invariant_rootKPerShareNeverDecreases();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function _rootKPerShare() internal view returns (uint256) {
        (uint112 r0, uint112 r1_,) = pair.getReserves();
        return Math.sqrt(uint256(r0) * uint256(r1_)) * 1e18 / pair.totalSupply();
    }

    /// Reserves always equal the pair's token balances after a router operation.
    function invariant_reservesMatchBalances() public view {
        (uint112 r0, uint112 r1_,) = pair.getReserves();
        assertEq(uint256(r0), usdcOrR1Balance(pair.token0()), "reserve0 = balance0");
        assertEq(uint256(r1_), usdcOrR1Balance(pair.token1()), "reserve1 = balance1");
    }

    /// Fees stay in the pool, so the value behind each LP token never falls: sqrt(k) per share only
    /// grows (allowing one unit of rounding from the square root and the division).
    function invariant_rootKPerShareNeverDecreases() public view {
        assertGe(_rootKPerShare() + 1, initialRootKPerShare, "sqrt(k) per LP token");
    }

    /// The permanently locked minimum liquidity is never withdrawn.
    function invariant_minimumLiquidityStaysLocked() public view {
        assertEq(pair.balanceOf(pair.LOCKED_LIQUIDITY_HOLDER()), pair.MINIMUM_LIQUIDITY(), "locked");
        assertGe(pair.totalSupply(), pair.MINIMUM_LIQUIDITY(), "supply above the minimum");
    }

    function usdcOrR1Balance(address token) internal view returns (uint256) {
        return token == address(usdc) ? usdc.balanceOf(address(pair)) : r1.balanceOf(address(pair));
    }
}
