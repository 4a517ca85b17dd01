// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {BeaconProxy as OZBeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
import {UpgradeableBeacon as OZUpgradeableBeacon} from
    "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";
import {ERC1967Proxy as OZERC1967Proxy} from
    "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {TransparentUpgradeableProxy as OZTransparentUpgradeableProxy} from
    "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";
import {ProxyAdmin as OZProxyAdmin} from "@openzeppelin/contracts/proxy/transparent/ProxyAdmin.sol";

// Hardhat 3 writes artifacts only for the project's own source files, never for imported npm
// files. The deploy module and the typed ABIs need the OpenZeppelin 5.4 proxies, so each one is
// re-declared here under its own name with the identical constructor and no added members: the
// ABI and the runtime behaviour are OpenZeppelin's.

/// @notice OpenZeppelin 5.4 `BeaconProxy`, re-declared so the build emits its artifact.
contract BeaconProxy is OZBeaconProxy {
    constructor(address beacon, bytes memory data) payable OZBeaconProxy(beacon, data) {}
}

/// @notice OpenZeppelin 5.4 `UpgradeableBeacon`, re-declared so the build emits its artifact.
contract UpgradeableBeacon is OZUpgradeableBeacon {
    constructor(address implementation_, address initialOwner)
        OZUpgradeableBeacon(implementation_, initialOwner)
    {}
}

/// @notice OpenZeppelin 5.4 `ERC1967Proxy`, re-declared so the build emits its artifact.
contract ERC1967Proxy is OZERC1967Proxy {
    constructor(address implementation, bytes memory data)
        payable
        OZERC1967Proxy(implementation, data)
    {}
}

/// @notice OpenZeppelin 5.4 `TransparentUpgradeableProxy`, re-declared so the build emits its
///         artifact. Its constructor deploys a `ProxyAdmin` owned by `initialOwner`.
contract TransparentUpgradeableProxy is OZTransparentUpgradeableProxy {
    constructor(address logic, address initialOwner, bytes memory data)
        payable
        OZTransparentUpgradeableProxy(logic, initialOwner, data)
    {}
}

/// @notice OpenZeppelin 5.4 `ProxyAdmin`, re-declared so the build emits its artifact (its ABI is
///         what the admin created by `TransparentUpgradeableProxy` exposes).
contract ProxyAdmin is OZProxyAdmin {
    constructor(address initialOwner) OZProxyAdmin(initialOwner) {}
}
