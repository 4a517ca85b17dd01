// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @notice One Node Deed licence as returned by `NDContract.getLicenses(address)`. The field order
///         is the ABI tuple of the deployed contract and must not change (11 fields).
struct NDLicense {
    uint256 licenseId;
    address nodeAddress;
    uint256 totalClaimedAmount;
    uint256 remainingAmount;
    uint256 lastClaimEpoch;
    uint256 claimableEpochs;
    uint256 assignTimestamp;
    address lastClaimOracle;
    bool isBanned;
    uint256 usdcPoaiRewards;
    uint256 r1PoaiRewards;
}

/// @title IND
/// @notice The parts of Ratio1's Node Deed (ND) licence contract that the PoAI contracts call.
interface IND {
    /// @notice Every licence owned by `owner` (selector of `getLicenses(address)`).
    function getLicenses(address owner) external view returns (NDLicense[] memory);

    /// @notice Owner of the licence linked to `node` (selector 0xbd7299be). Reverts for a node that
    ///         no ND licence links.
    function getNodeOwner(address node) external view returns (address);
}
