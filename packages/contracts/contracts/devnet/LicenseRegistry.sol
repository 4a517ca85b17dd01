// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Enumerable} from
    "@openzeppelin/contracts/token/ERC721/extensions/ERC721Enumerable.sol";

/// @title LicenseRegistry (devnet stand-in base)
/// @notice DEVNET ONLY. Shared machinery of the devnet ND and MND licence registries: licences are
///         ERC-721 tokens numbered from 1, the owner mints them, and a licence's current holder links
///         one node address to it. A node address can be linked to at most one licence of a registry.
///         Mining, claiming, banning and the oracle-signed linking of the live contracts are not
///         reproduced.
abstract contract LicenseRegistry is ERC721Enumerable, Ownable {
    uint256 private _nextLicenseId = 1;

    /// @notice The node linked to a licence (0 when unlinked).
    mapping(uint256 licenseId => address node) public licenseNode;
    /// @notice When the node of a licence was linked (0 when unlinked).
    mapping(uint256 licenseId => uint256 timestamp) public licenseAssignTimestamp;
    /// @notice The licence a node is linked to (0 when the node is not linked).
    mapping(address node => uint256 licenseId) public nodeToLicenseId;

    event LicenseMinted(address indexed to, uint256 indexed licenseId);
    event NodeLinked(uint256 indexed licenseId, address indexed node);
    event NodeUnlinked(uint256 indexed licenseId, address indexed node);

    constructor(string memory name_, string memory symbol_, address initialOwner)
        ERC721(name_, symbol_)
        Ownable(initialOwner)
    {}

    /// @notice Mints a new licence to `to` and returns its id. Owner only.
    function mintLicense(address to) external onlyOwner returns (uint256 licenseId) {
        licenseId = _mintLicense(to);
    }

    /// @notice Mints a licence to `to` with `node` already linked, in one step (devnet setup).
    ///         Owner only; the node rules of `linkNode` apply.
    function mintLinkedLicense(address to, address node)
        external
        onlyOwner
        returns (uint256 licenseId)
    {
        licenseId = _mintLicense(to);
        _link(licenseId, node);
    }

    /// @notice Links `node` to `licenseId`. Only the licence holder may link, the licence must be
    ///         unlinked and the node must not be linked to another licence of this registry.
    function linkNode(uint256 licenseId, address node) external {
        require(ownerOf(licenseId) == msg.sender, "Not the license owner");
        _link(licenseId, node);
    }

    /// @notice Removes the node link of `licenseId`. Licence holder only.
    function unlinkNode(uint256 licenseId) external {
        require(ownerOf(licenseId) == msg.sender, "Not the license owner");
        address node = licenseNode[licenseId];
        require(node != address(0), "License not linked");
        delete licenseNode[licenseId];
        delete licenseAssignTimestamp[licenseId];
        delete nodeToLicenseId[node];
        emit NodeUnlinked(licenseId, node);
    }

    function _mintLicense(address to) private returns (uint256 licenseId) {
        licenseId = _nextLicenseId++;
        _safeMint(to, licenseId);
        emit LicenseMinted(to, licenseId);
    }

    function _link(uint256 licenseId, address node) private {
        require(node != address(0), "Invalid node address");
        require(licenseNode[licenseId] == address(0), "License already linked");
        require(nodeToLicenseId[node] == 0, "Node address already registered");
        licenseNode[licenseId] = node;
        licenseAssignTimestamp[licenseId] = block.timestamp;
        nodeToLicenseId[node] = licenseId;
        emit NodeLinked(licenseId, node);
    }

    /// @notice Number of licences minted so far.
    function totalLicenses() external view returns (uint256) {
        return _nextLicenseId - 1;
    }
}
