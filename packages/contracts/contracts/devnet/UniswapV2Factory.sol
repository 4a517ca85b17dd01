// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {IUniswapV2Factory} from "../interfaces/IUniswapV2Factory.sol";
import {UniswapV2Pair} from "./UniswapV2Pair.sol";

/// @title UniswapV2Factory (devnet stand-in)
/// @notice DEVNET ONLY. Creates one `UniswapV2Pair` per unordered token pair. Pairs are created with
///         plain CREATE rather than Uniswap's CREATE2 so that a pair's address depends only on the
///         factory's nonce, not on the pair's bytecode: the localnet addresses stay put when the
///         contracts are recompiled. Routers look pairs up with `getPair`. Protocol-fee settings are
///         not reproduced.
contract UniswapV2Factory is IUniswapV2Factory {
    mapping(address tokenA => mapping(address tokenB => address pair)) public getPair;
    address[] public allPairs;

    function allPairsLength() external view returns (uint256) {
        return allPairs.length;
    }

    function createPair(address tokenA, address tokenB) external returns (address pair) {
        require(tokenA != tokenB, "UniswapV2: IDENTICAL_ADDRESSES");
        (address token0, address token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        require(token0 != address(0), "UniswapV2: ZERO_ADDRESS");
        require(getPair[token0][token1] == address(0), "UniswapV2: PAIR_EXISTS");
        pair = address(new UniswapV2Pair(token0, token1));
        getPair[token0][token1] = pair;
        getPair[token1][token0] = pair;
        allPairs.push(pair);
        emit PairCreated(token0, token1, pair, allPairs.length);
    }
}
