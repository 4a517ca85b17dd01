// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @notice One Master Node Deed licence as returned by `MNDContract.getLicenses(address)`. The
///         field order is the ABI tuple of the deployed contract and must not change (10 fields).
struct MNDLicense {
    uint256 licenseId;
    address nodeAddress;
    uint256 totalAssignedAmount;
    uint256 totalClaimedAmount;
    uint256 firstMiningEpoch;
    uint256 remainingAmount;
    uint256 lastClaimEpoch;
    uint256 claimableEpochs;
    uint256 assignTimestamp;
    address lastClaimOracle;
}

/// @title IMND
/// @notice The part of Ratio1's Master Node Deed (MND) licence contract that the PoAI contracts call.
interface IMND {
    /// @notice Every licence owned by `owner`.
    function getLicenses(address owner) external view returns (MNDLicense[] memory);
}
