// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {IMND, MNDLicense} from "../interfaces/IMND.sol";
import {LicenseRegistry} from "./LicenseRegistry.sol";

/// @title MNDContract (devnet stand-in)
/// @notice DEVNET ONLY. Master Node Deed licences with the call PoAIManager makes on the live MND:
///         `getLicenses(owner)` with the 10-field tuple. Like the live system, MND-linked nodes are
///         unknown to ND and therefore cannot claim PoAI rewards; MND only matters for escrow
///         eligibility.
contract MNDContract is IMND, LicenseRegistry {
    constructor(address initialOwner)
        LicenseRegistry("Ratio1 Master Node Deed (devnet)", "MND", initialOwner)
    {}

    /// @inheritdoc IMND
    function getLicenses(address owner) external view returns (MNDLicense[] memory licenses) {
        uint256 count = balanceOf(owner);
        licenses = new MNDLicense[](count);
        for (uint256 i = 0; i < count; i++) {
            uint256 licenseId = tokenOfOwnerByIndex(owner, i);
            licenses[i] = MNDLicense({
                licenseId: licenseId,
                nodeAddress: licenseNode[licenseId],
                totalAssignedAmount: 0,
                totalClaimedAmount: 0,
                firstMiningEpoch: 0,
                remainingAmount: 0,
                lastClaimEpoch: 0,
                claimableEpochs: 0,
                assignTimestamp: licenseAssignTimestamp[licenseId],
                lastClaimOracle: address(0)
            });
        }
    }
}
