// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @notice A job as the deployed contracts return it. Field order is the ABI tuple of Ratio1's CspEscrow
///         and must not change.
struct JobDetails {
    uint256 id;
    bytes32 projectHash;
    uint256 requestTimestamp;
    uint256 startTimestamp;
    uint256 lastNodesChangeTimestamp;
    uint256 jobType;
    uint256 pricePerEpoch;
    uint256 lastExecutionEpoch;
    uint256 numberOfNodesRequested;
    int256 balance;
    uint256 lastAllocatedEpoch;
    address[] activeNodes;
}

/// @notice The input of `CspEscrow.createJobs`, one per job.
struct JobCreationRequest {
    uint256 jobType;
    bytes32 projectHash;
    uint256 lastExecutionEpoch;
    uint256 numberOfNodesRequested;
}

/// @notice `JobDetails` plus the escrow holding the job and that escrow's owner (PoAIManager views).
struct JobWithAllDetails {
    uint256 id;
    bytes32 projectHash;
    uint256 requestTimestamp;
    uint256 startTimestamp;
    uint256 lastNodesChangeTimestamp;
    uint256 jobType;
    uint256 pricePerEpoch;
    uint256 lastExecutionEpoch;
    uint256 numberOfNodesRequested;
    int256 balance;
    uint256 lastAllocatedEpoch;
    address[] activeNodes;
    address escrowAddress;
    address escrowOwner;
}

/// @notice An escrow and the CSP that owns it.
struct CspWithOwner {
    address cspAddress;
    address cspOwner;
}

/// @notice One oracle's vote in a consensus round: who proposed and the hash of the proposed node list.
struct NodesTransitionProposal {
    address proposer;
    bytes32 newActiveNodesHash;
}
