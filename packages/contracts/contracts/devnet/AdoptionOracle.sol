// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IAdoptionOracle} from "../interfaces/IAdoptionOracle.sol";

/// @title AdoptionOracle (devnet stand-in)
/// @notice DEVNET ONLY. Keeps the cumulative PoAI volume per epoch as reported by the PoAIManager.
///         Only the manager may report; a volume of 0 is ignored; epochs must not decrease; epochs
///         skipped between two reports get the previous cumulative total. The licence-release
///         logic built on top of it in the live system is not reproduced.
contract AdoptionOracle is IAdoptionOracle, Ownable {
    /// @notice The only address allowed to call `recordPoaiVolume`.
    address public poaiManager;
    /// @notice Cumulative volume (6-decimal USDC units) up to and including each recorded epoch.
    mapping(uint256 epoch => uint256 cumulativeVolume) public cumulativePoaiVolume;
    /// @notice Whether any volume has been recorded yet.
    bool public hasRecords;
    /// @notice The latest epoch with a recorded volume (meaningful once `hasRecords`).
    uint256 public lastRecordedEpoch;

    event PoAIManagerSet(address poaiManager);
    event PoaiVolumeRecorded(uint256 indexed epoch, uint256 volume, uint256 cumulativeVolume);

    constructor(address initialOwner) Ownable(initialOwner) {}

    /// @notice Sets the reporting PoAIManager. Owner only.
    function setPoAIManager(address poaiManager_) external onlyOwner {
        poaiManager = poaiManager_;
        emit PoAIManagerSet(poaiManager_);
    }

    /// @inheritdoc IAdoptionOracle
    function recordPoaiVolume(uint256 epoch, uint256 volume) external {
        require(msg.sender == poaiManager, "Not PoAI Manager");
        if (volume == 0) return;
        uint256 previousTotal;
        if (hasRecords) {
            uint256 last = lastRecordedEpoch;
            require(epoch >= last, "Invalid epoch order");
            previousTotal = cumulativePoaiVolume[last];
            for (uint256 e = last + 1; e < epoch; e++) {
                cumulativePoaiVolume[e] = previousTotal;
            }
        }
        uint256 total = previousTotal + volume;
        cumulativePoaiVolume[epoch] = total;
        lastRecordedEpoch = epoch;
        hasRecords = true;
        emit PoaiVolumeRecorded(epoch, volume, total);
    }

    /// @notice Cumulative volume as of `epoch`: the total of the latest recorded epoch not after it.
    function getCumulativePoaiVolume(uint256 epoch) external view returns (uint256) {
        if (!hasRecords) return 0;
        if (epoch >= lastRecordedEpoch) return cumulativePoaiVolume[lastRecordedEpoch];
        return cumulativePoaiVolume[epoch];
    }

    /// @notice Total volume recorded so far.
    function totalPoaiVolume() external view returns (uint256) {
        return hasRecords ? cumulativePoaiVolume[lastRecordedEpoch] : 0;
    }
}
