// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IUniswapV2Factory} from "../interfaces/IUniswapV2Factory.sol";
import {IUniswapV2Pair} from "../interfaces/IUniswapV2Pair.sol";
import {IUniswapV2Router02} from "../interfaces/IUniswapV2Router02.sol";

/// @title UniswapV2Router (devnet stand-in)
/// @notice DEVNET ONLY. The token-to-token subset of the Uniswap V2 router over the devnet factory:
///         liquidity, exact-input and exact-output swaps along a path, and the quoting helpers, with
///         the same 0.3 % fee arithmetic, `amountOutMin`/`amountInMax` checks and deadlines. ETH
///         variants and fee-on-transfer variants are not provided.
contract UniswapV2Router is IUniswapV2Router02 {
    using SafeERC20 for IERC20;

    address public immutable factory;

    struct LiquidityRequest {
        address tokenA;
        address tokenB;
        uint256 amountADesired;
        uint256 amountBDesired;
        uint256 amountAMin;
        uint256 amountBMin;
        address to;
    }

    modifier ensure(uint256 deadline) {
        require(deadline >= block.timestamp, "UniswapV2Router: EXPIRED");
        _;
    }

    constructor(address factory_) {
        factory = factory_;
    }

    // ---------------------------------------------------------------- liquidity

    function addLiquidity(
        address tokenA,
        address tokenB,
        uint256 amountADesired,
        uint256 amountBDesired,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256, uint256, uint256) {
        // Packed into memory field by field: eight parameters plus three results do not fit on
        // the legacy code generator's stack.
        LiquidityRequest memory request;
        request.tokenA = tokenA;
        request.tokenB = tokenB;
        request.amountADesired = amountADesired;
        request.amountBDesired = amountBDesired;
        request.amountAMin = amountAMin;
        request.amountBMin = amountBMin;
        request.to = to;
        return _addLiquidity(request);
    }

    function removeLiquidity(
        address tokenA,
        address tokenB,
        uint256 liquidity,
        uint256 amountAMin,
        uint256 amountBMin,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256 amountA, uint256 amountB) {
        address pair = _pairOf(tokenA, tokenB);
        IERC20(pair).safeTransferFrom(msg.sender, pair, liquidity);
        (uint256 amount0, uint256 amount1) = IUniswapV2Pair(pair).burn(to);
        (amountA, amountB) =
            tokenA == IUniswapV2Pair(pair).token0() ? (amount0, amount1) : (amount1, amount0);
        require(amountA >= amountAMin, "UniswapV2Router: INSUFFICIENT_A_AMOUNT");
        require(amountB >= amountBMin, "UniswapV2Router: INSUFFICIENT_B_AMOUNT");
    }

    // ---------------------------------------------------------------- swaps

    function swapExactTokensForTokens(
        uint256 amountIn,
        uint256 amountOutMin,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256[] memory amounts) {
        amounts = getAmountsOut(amountIn, path);
        require(
            amounts[amounts.length - 1] >= amountOutMin,
            "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"
        );
        IERC20(path[0]).safeTransferFrom(msg.sender, _pairOf(path[0], path[1]), amounts[0]);
        _swap(amounts, path, to);
    }

    function swapTokensForExactTokens(
        uint256 amountOut,
        uint256 amountInMax,
        address[] calldata path,
        address to,
        uint256 deadline
    ) external ensure(deadline) returns (uint256[] memory amounts) {
        amounts = getAmountsIn(amountOut, path);
        require(amounts[0] <= amountInMax, "UniswapV2Router: EXCESSIVE_INPUT_AMOUNT");
        IERC20(path[0]).safeTransferFrom(msg.sender, _pairOf(path[0], path[1]), amounts[0]);
        _swap(amounts, path, to);
    }

    // ---------------------------------------------------------------- quotes

    function getAmountsOut(uint256 amountIn, address[] calldata path)
        public
        view
        returns (uint256[] memory amounts)
    {
        require(path.length >= 2, "UniswapV2Router: INVALID_PATH");
        amounts = new uint256[](path.length);
        amounts[0] = amountIn;
        for (uint256 i = 0; i < path.length - 1; i++) {
            (uint256 reserveIn, uint256 reserveOut) =
                _reservesOf(_pairOf(path[i], path[i + 1]), path[i]);
            amounts[i + 1] = getAmountOut(amounts[i], reserveIn, reserveOut);
        }
    }

    function getAmountsIn(uint256 amountOut, address[] calldata path)
        public
        view
        returns (uint256[] memory amounts)
    {
        require(path.length >= 2, "UniswapV2Router: INVALID_PATH");
        amounts = new uint256[](path.length);
        amounts[path.length - 1] = amountOut;
        for (uint256 i = path.length - 1; i > 0; i--) {
            (uint256 reserveIn, uint256 reserveOut) =
                _reservesOf(_pairOf(path[i - 1], path[i]), path[i - 1]);
            amounts[i - 1] = getAmountIn(amounts[i], reserveIn, reserveOut);
        }
    }

    function quote(uint256 amountA, uint256 reserveA, uint256 reserveB)
        public
        pure
        returns (uint256 amountB)
    {
        require(amountA > 0, "UniswapV2Router: INSUFFICIENT_AMOUNT");
        require(reserveA > 0 && reserveB > 0, "UniswapV2Router: INSUFFICIENT_LIQUIDITY");
        amountB = amountA * reserveB / reserveA;
    }

    /// @notice Output of an exact input after the 0.3 % fee: `in·997·rOut / (rIn·1000 + in·997)`.
    function getAmountOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut)
        public
        pure
        returns (uint256 amountOut)
    {
        require(amountIn > 0, "UniswapV2Router: INSUFFICIENT_INPUT_AMOUNT");
        require(reserveIn > 0 && reserveOut > 0, "UniswapV2Router: INSUFFICIENT_LIQUIDITY");
        uint256 amountInWithFee = amountIn * 997;
        amountOut = amountInWithFee * reserveOut / (reserveIn * 1000 + amountInWithFee);
    }

    /// @notice Smallest input that yields `amountOut` after the 0.3 % fee (rounded up).
    function getAmountIn(uint256 amountOut, uint256 reserveIn, uint256 reserveOut)
        public
        pure
        returns (uint256 amountIn)
    {
        require(amountOut > 0, "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT");
        require(
            reserveIn > 0 && reserveOut > amountOut, "UniswapV2Router: INSUFFICIENT_LIQUIDITY"
        );
        amountIn = reserveIn * amountOut * 1000 / ((reserveOut - amountOut) * 997) + 1;
    }

    // ---------------------------------------------------------------- internals

    /// @dev Creates the pair if needed, sizes the deposit at the current reserve ratio (one side at
    ///      its desired amount, the other at or above its minimum), pays the pair and mints.
    function _addLiquidity(LiquidityRequest memory r)
        private
        returns (uint256 amountA, uint256 amountB, uint256 liquidity)
    {
        address pair = IUniswapV2Factory(factory).getPair(r.tokenA, r.tokenB);
        if (pair == address(0)) pair = IUniswapV2Factory(factory).createPair(r.tokenA, r.tokenB);
        (uint256 reserveA, uint256 reserveB) = _reservesOf(pair, r.tokenA);
        if (reserveA == 0 && reserveB == 0) {
            (amountA, amountB) = (r.amountADesired, r.amountBDesired);
        } else {
            uint256 amountBOptimal = quote(r.amountADesired, reserveA, reserveB);
            if (amountBOptimal <= r.amountBDesired) {
                require(amountBOptimal >= r.amountBMin, "UniswapV2Router: INSUFFICIENT_B_AMOUNT");
                (amountA, amountB) = (r.amountADesired, amountBOptimal);
            } else {
                uint256 amountAOptimal = quote(r.amountBDesired, reserveB, reserveA);
                require(amountAOptimal >= r.amountAMin, "UniswapV2Router: INSUFFICIENT_A_AMOUNT");
                (amountA, amountB) = (amountAOptimal, r.amountBDesired);
            }
        }
        IERC20(r.tokenA).safeTransferFrom(msg.sender, pair, amountA);
        IERC20(r.tokenB).safeTransferFrom(msg.sender, pair, amountB);
        liquidity = IUniswapV2Pair(pair).mint(r.to);
    }

    function _swap(uint256[] memory amounts, address[] calldata path, address to) private {
        for (uint256 i = 0; i < path.length - 1; i++) {
            address input = path[i];
            address output = path[i + 1];
            address pair = _pairOf(input, output);
            uint256 amountOut = amounts[i + 1];
            (uint256 amount0Out, uint256 amount1Out) = input == IUniswapV2Pair(pair).token0()
                ? (uint256(0), amountOut)
                : (amountOut, uint256(0));
            address recipient = i < path.length - 2 ? _pairOf(output, path[i + 2]) : to;
            IUniswapV2Pair(pair).swap(amount0Out, amount1Out, recipient, new bytes(0));
        }
    }

    function _pairOf(address tokenA, address tokenB) private view returns (address pair) {
        pair = IUniswapV2Factory(factory).getPair(tokenA, tokenB);
        require(pair != address(0), "UniswapV2Router: PAIR_NOT_FOUND");
    }

    function _reservesOf(address pair, address tokenA)
        private
        view
        returns (uint256 reserveA, uint256 reserveB)
    {
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(pair).getReserves();
        (reserveA, reserveB) = tokenA == IUniswapV2Pair(pair).token0()
            ? (uint256(reserve0), uint256(reserve1))
            : (uint256(reserve1), uint256(reserve0));
    }
}
