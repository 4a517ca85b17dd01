// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title IUniswapV2Pair
/// @notice The Uniswap V2 pair functions used by the PoAI contracts and the devnet tooling.
///         Signatures (and therefore selectors) are those of the canonical Uniswap V2 pair.
interface IUniswapV2Pair {
    event Mint(address indexed sender, uint256 amount0, uint256 amount1);
    event Burn(address indexed sender, uint256 amount0, uint256 amount1, address indexed to);
    event Swap(
        address indexed sender,
        uint256 amount0In,
        uint256 amount1In,
        uint256 amount0Out,
        uint256 amount1Out,
        address indexed to
    );
    event Sync(uint112 reserve0, uint112 reserve1);

    function factory() external view returns (address);
    function token0() external view returns (address);
    function token1() external view returns (address);

    /// @notice Current reserves and the timestamp of the last update (selector 0x0902f1ac).
    function getReserves()
        external
        view
        returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);

    function mint(address to) external returns (uint256 liquidity);
    function burn(address to) external returns (uint256 amount0, uint256 amount1);
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
    function sync() external;
}
