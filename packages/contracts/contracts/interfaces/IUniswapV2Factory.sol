// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title IUniswapV2Factory
/// @notice The Uniswap V2 factory functions the devnet router and tooling use.
interface IUniswapV2Factory {
    event PairCreated(address indexed token0, address indexed token1, address pair, uint256);

    function getPair(address tokenA, address tokenB) external view returns (address pair);
    function allPairs(uint256 index) external view returns (address pair);
    function allPairsLength() external view returns (uint256);
    function createPair(address tokenA, address tokenB) external returns (address pair);
}
