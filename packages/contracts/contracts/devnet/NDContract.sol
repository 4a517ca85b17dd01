// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {IND, NDLicense} from "../interfaces/IND.sol";
import {IPoAIManagerRewards} from "../interfaces/IPoAIManagerRewards.sol";
import {LicenseRegistry} from "./LicenseRegistry.sol";

/// @title NDContract (devnet stand-in)
/// @notice DEVNET ONLY. Node Deed licences with the two calls PoAIManager makes on the live ND:
///         `getLicenses(owner)` with the 11-field tuple and `getNodeOwner(node)`. Like the live
///         contract, `getLicenses` asks the PoAIManager for each linked node's unclaimed rewards, so
///         the manager must be set (`setPoAIManager`) before escrows can be deployed.
contract NDContract is IND, LicenseRegistry {
    /// @notice The PoAIManager queried for each linked node's PoAI rewards.
    IPoAIManagerRewards public poaiManager;

    event PoAIManagerSet(address poaiManager);

    constructor(address initialOwner)
        LicenseRegistry("Ratio1 Node Deed (devnet)", "ND", initialOwner)
    {}

    /// @notice Sets the PoAIManager that `getLicenses` queries. Owner only.
    function setPoAIManager(address poaiManager_) external onlyOwner {
        poaiManager = IPoAIManagerRewards(poaiManager_);
        emit PoAIManagerSet(poaiManager_);
    }

    /// @inheritdoc IND
    function getLicenses(address owner) external view returns (NDLicense[] memory licenses) {
        uint256 count = balanceOf(owner);
        licenses = new NDLicense[](count);
        for (uint256 i = 0; i < count; i++) {
            uint256 licenseId = tokenOfOwnerByIndex(owner, i);
            address node = licenseNode[licenseId];
            uint256 usdcRewards;
            uint256 r1Rewards;
            if (node != address(0) && address(poaiManager) != address(0)) {
                (usdcRewards, r1Rewards) = poaiManager.getNodePoAIRewards(node);
            }
            licenses[i] = NDLicense({
                licenseId: licenseId,
                nodeAddress: node,
                totalClaimedAmount: 0,
                remainingAmount: 0,
                lastClaimEpoch: 0,
                claimableEpochs: 0,
                assignTimestamp: licenseAssignTimestamp[licenseId],
                lastClaimOracle: address(0),
                isBanned: false,
                usdcPoaiRewards: usdcRewards,
                r1PoaiRewards: r1Rewards
            });
        }
    }

    /// @inheritdoc IND
    /// @dev For an unlinked node this reverts with `ERC721NonexistentToken(0)`, as the live ND does.
    function getNodeOwner(address node) external view returns (address) {
        return ownerOf(nodeToLicenseId[node]);
    }
}
