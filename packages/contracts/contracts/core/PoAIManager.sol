// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {OwnableUpgradeable} from "@openzeppelin/contracts-upgradeable/access/OwnableUpgradeable.sol";
import {BeaconProxy} from "@openzeppelin/contracts/proxy/beacon/BeaconProxy.sol";
import {UpgradeableBeacon} from "@openzeppelin/contracts/proxy/beacon/UpgradeableBeacon.sol";

import {IAdoptionOracle} from "../interfaces/IAdoptionOracle.sol";
import {IController} from "../interfaces/IController.sol";
import {IMND, MNDLicense} from "../interfaces/IMND.sol";
import {IND, NDLicense} from "../interfaces/IND.sol";
import {IUniswapV2Router02} from "../interfaces/IUniswapV2Router02.sol";
import {ICspEscrow} from "./ICspEscrow.sol";
import {CspWithOwner, JobDetails, JobWithAllDetails} from "./PoAITypes.sol";

/// @title PoAIManager
/// @notice Registry and coordinator of Ratio1's PoAI escrows: deploys one CspEscrow beacon proxy per CSP,
///         issues global job ids, runs the oracles' consensus on each job's node set, drives reward
///         allocation and node claims. ABI-compatible with Ratio1's deployed PoAIManager; additions and
///         behavioural differences are listed in DIFFERENCES.md.
/// @dev Deployed behind a TransparentUpgradeableProxy (or ERC1967Proxy); the implementation's constructor
///      disables initializers.
contract PoAIManager is OwnableUpgradeable {
    // ---------------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------------

    uint256 public constant CONSENSUS_COOLDOWN_PERIOD = 300;
    /// @notice A pending job whose consensus round has stayed open this many epochs can be redeemed.
    uint256 public constant UNVALIDATED_REDEEM_EPOCHS = 2;
    /// @notice Upper bound of the owner-set swap tolerance (basis points).
    uint256 public constant MAX_SWAP_SLIPPAGE_BPS = 5_000;
    uint256 internal constant DEFAULT_SWAP_SLIPPAGE_BPS = 300;
    /// @dev keccak256(abi.encode(new address[](0))).
    bytes32 internal constant EMPTY_NODES_HASH = 0x569e75fc77c1a856f6daaf9e69d8a9566ca34aa47f9133711ce065a571af0cfd;

    // ---------------------------------------------------------------------------------------------
    // Storage
    // ---------------------------------------------------------------------------------------------

    /// @dev Per-escrow registry entry: its owner and its 1-based position in `allEscrows`.
    struct EscrowInfo {
        address owner;
        uint32 index;
    }

    /// @dev Consensus bookkeeping of one job, in one slot. The open round's proposals live in
    ///      `_proposals` (proposer and the index of its list's hash in `_roundHashes`, one slot each).
    struct JobConsensus {
        uint40 consensusTimestamp;
        uint40 unvalidatedSince;
        /// @dev Position + 1 in `unvalidatedJobIds`; non-zero while a round is open.
        uint32 unvalidatedIndex;
        /// @dev Epoch + 1 of the stored round; 0 when no proposals are stored.
        uint32 roundEpoch;
        uint8 proposalCount;
        /// @dev Distinct hashes proposed in the round, indexed in order of first proposal.
        uint8 hashCount;
        /// @dev Bit k set: the node list of round hash k is cached in `_cachedNodes`.
        uint16 cachedMask;
        bool closed;
    }

    /// @dev Where the paginated allocation pass of `epoch` stands.
    struct AllocationCursor {
        uint64 epochPlusOne;
        uint64 escrowIndex;
        uint64 jobIndex;
    }

    UpgradeableBeacon public cspEscrowBeacon;
    IND public ndContract;
    IMND public mndContract;
    IController public controller;
    address public usdcToken;
    address public r1Token;
    address public uniswapV2Router;
    address public uniswapV2Pair;
    uint256 public nextJobId;
    uint256 public lastAllocatedEpoch;
    address[] public allEscrows;
    mapping(address => address) public ownerToEscrow;
    mapping(address escrow => EscrowInfo) internal _escrowInfo;
    /// @dev jobId => escrow index, 32 bits per job, eight jobs per slot.
    mapping(uint256 bucket => uint256) internal _jobEscrowBuckets;
    /// @dev node => bitmap of escrow positions (bit i = allEscrows[i]) that owe the node rewards. One word
    ///      covers 256 escrows, so registering a node costs one SSTORE instead of an array push.
    mapping(address node => mapping(uint256 word => uint256 bits)) internal _rewardEscrows;
    uint64[] internal _unvalidatedJobIds;
    mapping(uint256 jobId => JobConsensus) internal _consensus;
    bool public hasReconciled;
    mapping(uint256 jobId => mapping(uint256 index => uint256 proposerAndHashIndex)) internal _proposals;
    mapping(uint256 jobId => mapping(uint256 hashIndex => bytes32)) internal _roundHashes;
    mapping(uint256 jobId => mapping(uint256 hashIndex => address[])) internal _cachedNodes;
    /// @dev Hash of the node list last applied to the job; zero stands for the empty list.
    mapping(uint256 jobId => bytes32) internal _currentNodesHash;
    mapping(address => address) public delegatedAddressToEscrow;
    address public burnContract;
    IAdoptionOracle public adoptionOracle;
    uint64 internal _epochStart;
    uint64 internal _epochDuration;
    uint16 internal _swapSlippageBps;
    AllocationCursor internal _cursor;

    // ---------------------------------------------------------------------------------------------
    // Events and errors (deployed ABI)
    // ---------------------------------------------------------------------------------------------

    event EscrowDeployed(address indexed owner, address escrow);
    /// @dev Declared by the deployed contract, never emitted there either.
    event JobRegistered(uint256 indexed jobId, address indexed escrow);
    event RewardsClaimed(address indexed nodeAddr, address indexed nodeOwner, uint256 totalAmount);
    event NodeUpdateSubmittedV2(
        uint256 indexed jobId, address indexed oracle, address[] newActiveNodes, bytes32 nodesHash
    );
    event ConsensusReachedV2(uint256 indexed jobId, address[] activeNodes, address[] participants);
    /// @dev Declared by the deployed contract, never emitted there either.
    event ConsensusCooldownEnforced(uint256 indexed jobId, address indexed oracle, uint256 remainingCooldownTime);
    event ConsensusNotReached(
        uint256 indexed jobId, uint256 oraclesCount, uint256 proposalsCount, uint256 maxAgreementCount
    );
    event JobDeregistered(uint256 indexed jobId, address indexed escrow);

    error AlreadyHasEscrow();
    error NoOracleNodeOwned();
    error BurnContractZeroAddress();
    error NotNodeOwner();
    error NotOracle();
    error JobDoesNotExist();
    error ConsensusCooldownNotExpired();
    error AlreadySubmitted();
    error HashNotStored();
    error InvalidJob();
    error JobUnvalidatedCannotRemove();
    error InvalidDelegatedAddress();
    error AddressAlreadyOwnsEscrow();
    error AddressDelegatedToAnotherEscrow();
    error DelegateNotRegistered();
    error AlreadyReconciled();
    error TimestampBeforeStartEpoch();
    error NotCspEscrow();

    // ---------------------------------------------------------------------------------------------
    // Events and errors (additions)
    // ---------------------------------------------------------------------------------------------

    /// @notice One page of the paginated allocation ran.
    event AllocationProgress(uint256 indexed epoch, uint256 allocatedAmount, bool completed);
    event SwapSlippageUpdated(uint256 slippageBps);
    event AdoptionOracleUpdated(address adoptionOracle);
    event BurnContractUpdated(address burnContract);
    /// @notice A job closed by consensus: later submissions for it revert with `JobIsClosed`.
    event JobClosedByConsensus(uint256 indexed jobId, address indexed escrow);

    error JobIsClosed();
    error DuplicateNode();
    error InvalidNodeAddress();
    error SlippageTooHigh();
    error InvalidPageSize();
    error EscrowImplementationMismatch();

    // ---------------------------------------------------------------------------------------------
    // Construction
    // ---------------------------------------------------------------------------------------------

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initializes the proxy: creates the escrow beacon (owned by `newOwner`) and stores the
    ///         network addresses. Arguments and order are those of the deployed contract.
    function initialize(
        address _cspEscrowImplementation,
        address _ndContract,
        address _mndContract,
        address _controller,
        address _usdcToken,
        address _r1Token,
        address _burnContract,
        address _uniswapV2Router,
        address _uniswapV2Pair,
        address newOwner
    ) external initializer {
        __Ownable_init(newOwner);
        cspEscrowBeacon = new UpgradeableBeacon(_cspEscrowImplementation, newOwner);
        ICspEscrow impl = ICspEscrow(_cspEscrowImplementation);
        if (
            impl.usdcToken() != _usdcToken || impl.r1Token() != _r1Token || impl.controller() != _controller
                || impl.uniswapV2Router() != _uniswapV2Router || impl.uniswapV2Pair() != _uniswapV2Pair
        ) revert EscrowImplementationMismatch();
        if (_burnContract == address(0)) revert BurnContractZeroAddress();
        ndContract = IND(_ndContract);
        mndContract = IMND(_mndContract);
        controller = IController(_controller);
        usdcToken = _usdcToken;
        r1Token = _r1Token;
        burnContract = _burnContract;
        uniswapV2Router = _uniswapV2Router;
        uniswapV2Pair = _uniswapV2Pair;
        nextJobId = 1;
        // The Controller's clock is fixed at its construction; reading it once saves two calls per use.
        _epochStart = uint64(IController(_controller).startEpochTimestamp());
        _epochDuration = uint64(IController(_controller).epochDuration());
        _swapSlippageBps = uint16(DEFAULT_SWAP_SLIPPAGE_BPS);
    }

    // ---------------------------------------------------------------------------------------------
    // Owner administration
    // ---------------------------------------------------------------------------------------------

    function setAdoptionOracle(address adoptionOracle_) external onlyOwner {
        adoptionOracle = IAdoptionOracle(adoptionOracle_);
        emit AdoptionOracleUpdated(adoptionOracle_);
    }

    /// @notice Sets the burn contract every escrow uses (escrows read it from here, so this is O(1)).
    function setBurnContract(address newBurnContract) external onlyOwner {
        if (newBurnContract == address(0)) revert BurnContractZeroAddress();
        burnContract = newBurnContract;
        emit BurnContractUpdated(newBurnContract);
    }

    /// @notice Tolerance below the pair's spot price accepted by the escrows' USDC -> R1 swaps.
    function setSwapSlippageBps(uint256 slippageBps) external onlyOwner {
        if (slippageBps > MAX_SWAP_SLIPPAGE_BPS) revert SlippageTooHigh();
        _swapSlippageBps = uint16(slippageBps);
        emit SwapSlippageUpdated(slippageBps);
    }

    function swapSlippageBps() external view returns (uint256) {
        return _swapSlippageBps;
    }

    /// @notice Legacy one-shot balance reconciliation; guarded by `hasReconciled`.
    function reconcileAllJobsBalance() external onlyOwner {
        if (hasReconciled) revert AlreadyReconciled();
        hasReconciled = true;
        uint256 len = allEscrows.length;
        for (uint256 i; i < len; ++i) {
            ICspEscrow(allEscrows[i]).reconcileJobsBalance();
        }
    }

    /// @notice Legacy end-epoch repair and deprecated-type migration on every escrow (idempotent).
    function reconcileAllJobsAcrossEscrows() external onlyOwner {
        uint256 len = allEscrows.length;
        for (uint256 i; i < len; ++i) {
            ICspEscrow(allEscrows[i]).reconcileAllJobs();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Escrows
    // ---------------------------------------------------------------------------------------------

    /// @notice Deploys the caller's escrow. The caller must own an ND or MND licence whose node is an oracle.
    function deployCspEscrow() external {
        if (ownerToEscrow[msg.sender] != address(0)) revert AlreadyHasEscrow();
        if (!_ownsOracleNode(msg.sender)) revert NoOracleNodeOwned();
        bytes memory data = abi.encodeCall(
            ICspEscrowInit.initialize,
            (
                msg.sender,
                address(this),
                usdcToken,
                r1Token,
                burnContract,
                address(controller),
                uniswapV2Router,
                uniswapV2Pair
            )
        );
        address escrow = address(new BeaconProxy(address(cspEscrowBeacon), data));
        allEscrows.push(escrow);
        ownerToEscrow[msg.sender] = escrow;
        _escrowInfo[escrow] = EscrowInfo({owner: msg.sender, index: uint32(allEscrows.length)});
        emit EscrowDeployed(msg.sender, escrow);
    }

    function escrowToOwner(address escrow) external view returns (address) {
        return _escrowInfo[escrow].owner;
    }

    function _ownsOracleNode(address account) internal view returns (bool) {
        address[] memory oracles = controller.getOracles();
        MNDLicense[] memory mnd = mndContract.getLicenses(account);
        for (uint256 i; i < mnd.length; ++i) {
            address node = mnd[i].nodeAddress;
            if (node != address(0) && _contains(oracles, node)) return true;
        }
        NDLicense[] memory nd = ndContract.getLicenses(account);
        for (uint256 i; i < nd.length; ++i) {
            address node = nd[i].nodeAddress;
            if (node != address(0) && _contains(oracles, node)) return true;
        }
        return false;
    }

    modifier onlyCspEscrow() {
        if (_escrowInfo[msg.sender].owner == address(0)) revert NotCspEscrow();
        _;
    }

    // ---------------------------------------------------------------------------------------------
    // Escrow callbacks
    // ---------------------------------------------------------------------------------------------

    function getNewJobId() external onlyCspEscrow returns (uint256) {
        uint256 jobId = nextJobId;
        nextJobId = jobId + 1;
        _setJobEscrowIndex(jobId, _escrowInfo[msg.sender].index);
        return jobId;
    }

    /// @notice Reserves `count` consecutive job ids for the calling escrow; returns the first.
    function reserveJobIds(uint256 count) external onlyCspEscrow returns (uint256 firstJobId) {
        firstJobId = nextJobId;
        uint256 end = firstJobId + count;
        nextJobId = end;
        uint256 index = _escrowInfo[msg.sender].index;
        // Write whole buckets at once: eight ids share one slot.
        uint256 id = firstJobId;
        while (id < end) {
            uint256 bucket = id >> 3;
            uint256 word = _jobEscrowBuckets[bucket];
            do {
                uint256 shift = (id & 7) * 32;
                word = (word & ~(uint256(0xffffffff) << shift)) | (index << shift);
                ++id;
            } while (id < end && (id & 7) != 0);
            _jobEscrowBuckets[bucket] = word;
        }
    }

    function removeJob(uint256 jobId) external onlyCspEscrow {
        if (jobIdToEscrow(jobId) != msg.sender) revert InvalidJob();
        JobConsensus storage c = _consensus[jobId];
        if (c.unvalidatedIndex != 0) {
            // A round that stayed open for UNVALIDATED_REDEEM_EPOCHS epochs no longer blocks a refund.
            if (_epochAt(block.timestamp) < _epochAt(c.unvalidatedSince) + UNVALIDATED_REDEEM_EPOCHS) {
                revert JobUnvalidatedCannotRemove();
            }
            _removeUnvalidated(c);
        }
        if (c.roundEpoch != 0) _clearRound(jobId, c);
        delete _consensus[jobId];
        _setJobEscrowIndex(jobId, 0);
        emit JobDeregistered(jobId, msg.sender);
    }

    function registerDelegatedAddress(address delegatedAddress) external onlyCspEscrow {
        if (delegatedAddress == address(0)) revert InvalidDelegatedAddress();
        if (ownerToEscrow[delegatedAddress] != address(0)) revert AddressAlreadyOwnsEscrow();
        address current = delegatedAddressToEscrow[delegatedAddress];
        if (current == msg.sender) return;
        if (current != address(0)) revert AddressDelegatedToAnotherEscrow();
        delegatedAddressToEscrow[delegatedAddress] = msg.sender;
    }

    function unregisterDelegatedAddress(address delegatedAddress) external onlyCspEscrow {
        if (delegatedAddressToEscrow[delegatedAddress] != msg.sender) revert DelegateNotRegistered();
        delete delegatedAddressToEscrow[delegatedAddress];
    }

    function registerNodeWithRewards(address nodeAddress) external onlyCspEscrow {
        uint256 position = _escrowInfo[msg.sender].index - 1;
        _rewardEscrows[nodeAddress][position >> 8] |= 1 << (position & 255);
    }

    function removeNodeFromRewardsList(address nodeAddress) external onlyCspEscrow {
        uint256 position = _escrowInfo[msg.sender].index - 1;
        _rewardEscrows[nodeAddress][position >> 8] &= ~(1 << (position & 255));
    }

    // ---------------------------------------------------------------------------------------------
    // Claims
    // ---------------------------------------------------------------------------------------------

    /// @notice Pays a node's rewards from every escrow, in R1, to the owner of the node's ND licence.
    function claimRewardsForNode(address nodeAddr) external {
        _claim(nodeAddr, 0, block.timestamp);
    }

    function claimRewardsForNodes(address[] calldata nodeAddrs) external {
        uint256 len = nodeAddrs.length;
        for (uint256 i; i < len; ++i) {
            _claim(nodeAddrs[i], 0, block.timestamp);
        }
    }

    /// @notice Claim with a caller-chosen price floor and deadline, protecting the swap from sandwiching.
    /// @param minR1PerUsdc Minimum R1 (wei) per 1 USDC (1e6 base units), applied to each escrow's swap.
    /// @param deadline Latest timestamp at which the swaps may execute.
    function claimRewardsForNodeWithLimits(address nodeAddr, uint256 minR1PerUsdc, uint256 deadline) external {
        _claim(nodeAddr, minR1PerUsdc, deadline);
    }

    /// @param minR1PerUsdc Minimum R1 wei per 1 USDC (1e6 base units), 0 for the escrows' default bound.
    function _claim(address nodeAddr, uint256 minR1PerUsdc, uint256 deadline) internal {
        address nodeOwner = ndContract.getNodeOwner(nodeAddr);
        if (nodeOwner != msg.sender) revert NotNodeOwner();
        address[] memory escrows = _escrowsOwing(nodeAddr);
        uint256 words = (allEscrows.length + 255) >> 8;
        for (uint256 w; w < words; ++w) {
            if (_rewardEscrows[nodeAddr][w] != 0) delete _rewardEscrows[nodeAddr][w];
        }
        uint256 total;
        for (uint256 i; i < escrows.length; ++i) {
            ICspEscrow escrow = ICspEscrow(escrows[i]);
            if (minR1PerUsdc == 0 && deadline == block.timestamp) {
                total += escrow.claimRewardsForNode(nodeAddr, nodeOwner);
            } else {
                uint256 owed = escrow.virtualWalletBalance(nodeAddr);
                (uint256 usdc,) =
                    escrow.claimRewardsForNodeWithLimits(nodeAddr, nodeOwner, owed * minR1PerUsdc / 1e6, deadline);
                total += usdc;
            }
        }
        emit RewardsClaimed(nodeAddr, nodeOwner, total);
    }

    // ---------------------------------------------------------------------------------------------
    // Consensus
    // ---------------------------------------------------------------------------------------------

    /// @notice An oracle's proposal for a job's node set. Quorum `N/2 + 1` submissions, agreement `N/3 + 1`
    ///         matching ones, earliest-first tie-break, one proposal per oracle per epoch, 300 s cooldown.
    function submitNodeUpdate(uint256 jobId, address[] calldata newActiveNodes) external {
        address[] memory oracles = controller.getOracles();
        if (!_contains(oracles, msg.sender)) revert NotOracle();
        address escrow = jobIdToEscrow(jobId);
        if (escrow == address(0)) revert JobDoesNotExist();
        JobConsensus storage c = _consensus[jobId];
        bytes32 nodesHash = keccak256(abi.encode(newActiveNodes));
        // Late oracle (or no-op proposal): the list already applies and no round is open.
        if (c.unvalidatedIndex == 0 && nodesHash == _currentHash(jobId)) return;
        if (c.closed) revert JobIsClosed();
        if (block.timestamp - c.consensusTimestamp < CONSENSUS_COOLDOWN_PERIOD) {
            revert ConsensusCooldownNotExpired();
        }
        _checkNodes(newActiveNodes);
        _vote(jobId, escrow, oracles.length, nodesHash, newActiveNodes);
    }

    function _vote(
        uint256 jobId,
        address escrow,
        uint256 oracleCount,
        bytes32 nodesHash,
        address[] calldata newActiveNodes
    ) internal {
        JobConsensus storage c = _consensus[jobId];
        uint256 epoch = _epochAt(block.timestamp);
        if (c.roundEpoch != epoch + 1) {
            // A new epoch opens a new round; the stale one is dropped so storage stays bounded.
            if (c.roundEpoch != 0) _clearRound(jobId, c);
            c.roundEpoch = uint32(epoch + 1);
        }
        uint256 hashIndex = _hashIndex(jobId, c, nodesHash);
        emit NodeUpdateSubmittedV2(jobId, msg.sender, newActiveNodes, nodesHash);

        // Tally the round with this vote appended (it is only stored if the round stays open).
        uint256 count = uint256(c.proposalCount) + 1;
        uint256[] memory tally = _tally(jobId, c, hashIndex);
        uint256 agreement = oracleCount / 3 + 1;
        if (count >= oracleCount / 2 + 1) {
            // Hash indexes follow first appearance, so the lowest index wins a tie: earliest first.
            uint256 winner;
            for (uint256 k = 1; k < tally.length; ++k) {
                if (tally[k] > tally[winner]) winner = k;
            }
            if (tally[winner] >= agreement) {
                _applyConsensus(jobId, escrow, winner, hashIndex, tally[winner], newActiveNodes);
                return;
            }
            emit ConsensusNotReached(jobId, oracleCount, count, tally[winner]);
        } else if (tally[hashIndex] >= agreement && hashIndex < 16 && (c.cachedMask & (1 << hashIndex)) == 0) {
            // This list could win once quorum arrives, possibly in a transaction carrying another list:
            // keep a copy now, while it is in calldata.
            _cachedNodes[jobId][hashIndex] = newActiveNodes;
            c.cachedMask |= uint16(1 << hashIndex);
        }
        _proposals[jobId][count - 1] = uint256(uint160(msg.sender)) | (hashIndex << 160);
        c.proposalCount = uint8(count);
        if (c.unvalidatedIndex == 0) {
            _unvalidatedJobIds.push(uint64(jobId));
            c.unvalidatedIndex = uint32(_unvalidatedJobIds.length);
            c.unvalidatedSince = uint40(block.timestamp);
        }
    }

    /// @dev Index of `nodesHash` among the round's distinct hashes (added if new); reverts when the sender
    ///      already proposed in this round.
    function _hashIndex(uint256 jobId, JobConsensus storage c, bytes32 nodesHash) internal returns (uint256) {
        uint256 count = c.proposalCount;
        if (count == type(uint8).max) revert AlreadySubmitted();
        for (uint256 i; i < count; ++i) {
            if (address(uint160(_proposals[jobId][i])) == msg.sender) revert AlreadySubmitted();
        }
        uint256 hashes = c.hashCount;
        for (uint256 k; k < hashes; ++k) {
            if (_roundHashes[jobId][k] == nodesHash) return k;
        }
        _roundHashes[jobId][hashes] = nodesHash;
        c.hashCount = uint8(hashes + 1);
        return hashes;
    }

    /// @dev Votes per round hash, counting the stored proposals plus the caller's vote for `hashIndex`.
    function _tally(uint256 jobId, JobConsensus storage c, uint256 hashIndex)
        internal
        view
        returns (uint256[] memory tally)
    {
        tally = new uint256[](c.hashCount);
        uint256 count = c.proposalCount;
        for (uint256 i; i < count; ++i) {
            ++tally[_proposals[jobId][i] >> 160];
        }
        ++tally[hashIndex];
    }

    function _applyConsensus(
        uint256 jobId,
        address escrow,
        uint256 winner,
        uint256 submittedIndex,
        uint256 votes,
        address[] calldata submittedNodes
    ) internal {
        JobConsensus storage c = _consensus[jobId];
        address[] memory nodes;
        if (winner == submittedIndex) {
            nodes = submittedNodes;
        } else {
            if (winner >= 16 || (c.cachedMask & (1 << winner)) == 0) revert HashNotStored();
            nodes = _cachedNodes[jobId][winner];
        }
        address[] memory participants = new address[](votes);
        uint256 count = c.proposalCount;
        uint256 p;
        for (uint256 i; i < count; ++i) {
            uint256 packed = _proposals[jobId][i];
            if (packed >> 160 == winner) participants[p++] = address(uint160(packed));
        }
        if (winner == submittedIndex) participants[p] = msg.sender;
        bytes32 winnerHash = _roundHashes[jobId][winner];
        emit ConsensusReachedV2(jobId, nodes, participants);

        _clearRound(jobId, c);
        _removeUnvalidated(c);
        c.consensusTimestamp = uint40(block.timestamp);
        if (winnerHash != _currentHash(jobId)) {
            _currentNodesHash[jobId] = nodes.length == 0 ? bytes32(0) : winnerHash;
            ICspEscrow(escrow).updateActiveNodes(jobId, nodes);
            if (nodes.length == 0) {
                c.closed = true;
                emit JobClosedByConsensus(jobId, escrow);
            }
        }
    }

    function _currentHash(uint256 jobId) internal view returns (bytes32) {
        bytes32 h = _currentNodesHash[jobId];
        return h == bytes32(0) ? EMPTY_NODES_HASH : h;
    }

    /// @dev Deletes the stored proposals, hashes and cached lists of the job's round.
    function _clearRound(uint256 jobId, JobConsensus storage c) internal {
        uint256 count = c.proposalCount;
        for (uint256 i; i < count; ++i) {
            delete _proposals[jobId][i];
        }
        uint256 hashes = c.hashCount;
        for (uint256 k; k < hashes; ++k) {
            delete _roundHashes[jobId][k];
        }
        uint256 mask = c.cachedMask;
        for (uint256 k; mask != 0; ++k) {
            if (mask & 1 != 0) delete _cachedNodes[jobId][k];
            mask >>= 1;
        }
        c.proposalCount = 0;
        c.hashCount = 0;
        c.cachedMask = 0;
        c.roundEpoch = 0;
    }

    function _removeUnvalidated(JobConsensus storage c) internal {
        uint256 position = c.unvalidatedIndex;
        if (position == 0) return;
        uint256 lastIndex = _unvalidatedJobIds.length - 1;
        if (position - 1 != lastIndex) {
            uint64 moved = _unvalidatedJobIds[lastIndex];
            _unvalidatedJobIds[position - 1] = moved;
            _consensus[moved].unvalidatedIndex = uint32(position);
        }
        _unvalidatedJobIds.pop();
        c.unvalidatedIndex = 0;
        c.unvalidatedSince = 0;
    }

    /// @dev Rejects lists that would pay a node twice for one epoch or pay the zero address.
    function _checkNodes(address[] calldata nodes) internal pure {
        uint256 len = nodes.length;
        for (uint256 i; i < len; ++i) {
            address node = nodes[i];
            if (node == address(0)) revert InvalidNodeAddress();
            for (uint256 j = i + 1; j < len; ++j) {
                if (nodes[j] == node) revert DuplicateNode();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Allocation
    // ---------------------------------------------------------------------------------------------

    /// @notice Allocates the last finished epoch(s) on every escrow in one transaction. Suits small
    ///         networks; large ones use `allocateRewardsAcrossEscrowsPaginated`.
    function allocateRewardsAcrossAllEscrows() external {
        uint256 currentEpoch = _epochAt(block.timestamp);
        if (currentEpoch == 0) return;
        uint256 lastEpoch = currentEpoch - 1;
        uint256 total;
        uint256 len = allEscrows.length;
        for (uint256 i; i < len; ++i) {
            total += ICspEscrow(allEscrows[i]).allocateRewardsToNodes();
        }
        _reportVolume(lastEpoch, total);
        lastAllocatedEpoch = lastEpoch;
    }

    /// @notice Allocates up to `maxJobs` jobs, continuing where the previous call of this epoch stopped.
    ///         Call repeatedly until `completed`; each escrow visited counts as at least one job.
    /// @return processed Jobs (and empty escrows) visited by this call.
    /// @return completed Whether every escrow has been visited for the last finished epoch.
    function allocateRewardsAcrossEscrowsPaginated(uint256 maxJobs)
        external
        returns (uint256 processed, bool completed)
    {
        if (maxJobs == 0) revert InvalidPageSize();
        uint256 currentEpoch = _epochAt(block.timestamp);
        if (currentEpoch == 0) return (0, true);
        uint256 lastEpoch = currentEpoch - 1;
        AllocationCursor memory cursor = _cursor;
        if (cursor.epochPlusOne != lastEpoch + 1) {
            cursor = AllocationCursor({epochPlusOne: uint64(lastEpoch + 1), escrowIndex: 0, jobIndex: 0});
        }
        uint256 len = allEscrows.length;
        if (cursor.escrowIndex >= len) return (0, true);
        uint256 total;
        (processed, total) = _allocatePages(cursor, len, maxJobs);
        completed = cursor.escrowIndex >= len;
        _cursor = cursor;
        _reportVolume(lastEpoch, total);
        if (completed) lastAllocatedEpoch = lastEpoch;
        emit AllocationProgress(lastEpoch, total, completed);
    }

    function _allocatePages(AllocationCursor memory cursor, uint256 len, uint256 maxJobs)
        internal
        returns (uint256 processed, uint256 total)
    {
        while (cursor.escrowIndex < len && processed < maxJobs) {
            uint256 jobIndex = cursor.jobIndex;
            (uint256 gross, uint256 nextIndex, bool done) = ICspEscrow(allEscrows[cursor.escrowIndex])
                .allocateRewardsToNodesPaginated(jobIndex, maxJobs - processed);
            total += gross;
            processed += nextIndex > jobIndex ? nextIndex - jobIndex : 1;
            if (done) {
                ++cursor.escrowIndex;
                cursor.jobIndex = 0;
            } else {
                cursor.jobIndex = uint64(nextIndex);
            }
        }
    }

    /// @notice Where the paginated allocation stands.
    function getAllocationCursor() external view returns (uint256 epoch, uint256 escrowIndex, uint256 jobIndex) {
        AllocationCursor memory cursor = _cursor;
        return (cursor.epochPlusOne == 0 ? 0 : cursor.epochPlusOne - 1, cursor.escrowIndex, cursor.jobIndex);
    }

    function _reportVolume(uint256 epoch, uint256 total) internal {
        IAdoptionOracle oracle = adoptionOracle;
        if (total > 0 && address(oracle) != address(0)) oracle.recordPoaiVolume(epoch, total);
    }

    // ---------------------------------------------------------------------------------------------
    // Epochs
    // ---------------------------------------------------------------------------------------------

    function getCurrentEpoch() public view returns (uint256) {
        return _epochAt(block.timestamp);
    }

    function _epochAt(uint256 timestamp) internal view returns (uint256) {
        uint256 start = _epochStart;
        if (timestamp < start) revert TimestampBeforeStartEpoch();
        return (timestamp - start) / _epochDuration;
    }

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    function jobIdToEscrow(uint256 jobId) public view returns (address) {
        uint256 index = (_jobEscrowBuckets[jobId >> 3] >> ((jobId & 7) * 32)) & 0xffffffff;
        return index == 0 ? address(0) : allEscrows[index - 1];
    }

    function isJobUnvalidated(uint256 jobId) external view returns (bool) {
        return _consensus[jobId].unvalidatedIndex != 0;
    }

    function jobConsensusTimestamp(uint256 jobId) external view returns (uint256) {
        return _consensus[jobId].consensusTimestamp;
    }

    /// @notice Whether consensus closed the job (closed jobs accept no further proposals).
    function isJobClosed(uint256 jobId) external view returns (bool) {
        return _consensus[jobId].closed;
    }

    function getAllEscrows() external view returns (address[] memory) {
        return allEscrows;
    }

    function getAllEscrowsCount() external view returns (uint256) {
        return allEscrows.length;
    }

    function getJobDetails(uint256 jobId) public view returns (JobWithAllDetails memory) {
        address escrow = jobIdToEscrow(jobId);
        if (escrow == address(0)) revert JobDoesNotExist();
        return _withEscrow(ICspEscrow(escrow).getJobDetails(jobId), escrow, _escrowInfo[escrow].owner);
    }

    function getTotalEscrowsBalance() external view returns (int256 totalBalance) {
        uint256 len = allEscrows.length;
        for (uint256 i; i < len; ++i) {
            totalBalance += ICspEscrow(allEscrows[i]).getTotalJobsBalance();
        }
    }

    function getActiveJobsCount() public view returns (uint256 totalActiveJobs) {
        uint256 len = allEscrows.length;
        for (uint256 i; i < len; ++i) {
            totalActiveJobs += ICspEscrow(allEscrows[i]).getActiveJobsCount();
        }
    }

    function getAllActiveJobs() external view returns (JobWithAllDetails[] memory) {
        return getAllActiveJobsPaginated(0, type(uint256).max);
    }

    /// @notice Active jobs across escrows (escrows in `allEscrows` order), skipping `offset`, at most `limit`.
    function getAllActiveJobsPaginated(uint256 offset, uint256 limit)
        public
        view
        returns (JobWithAllDetails[] memory page)
    {
        uint256 total = getActiveJobsCount();
        if (offset >= total) return new JobWithAllDetails[](0);
        uint256 size = total - offset > limit ? limit : total - offset;
        page = new JobWithAllDetails[](size);
        uint256 filled;
        uint256 skip = offset;
        uint256 len = allEscrows.length;
        for (uint256 i; i < len && filled < size; ++i) {
            address escrow = allEscrows[i];
            uint256 count = ICspEscrow(escrow).getActiveJobsCount();
            if (skip >= count) {
                skip -= count;
                continue;
            }
            JobDetails[] memory jobs = ICspEscrow(escrow).getActiveJobsPaginated(skip, size - filled);
            skip = 0;
            address owner = _escrowInfo[escrow].owner;
            for (uint256 j; j < jobs.length; ++j) {
                page[filled++] = _withEscrow(jobs[j], escrow, owner);
            }
        }
    }

    function getAllCspsWithOwner() external view returns (CspWithOwner[] memory) {
        uint256 len = allEscrows.length;
        CspWithOwner[] memory csps = new CspWithOwner[](len);
        for (uint256 i; i < len; ++i) {
            address escrow = allEscrows[i];
            csps[i] = CspWithOwner({cspAddress: escrow, cspOwner: _escrowInfo[escrow].owner});
        }
        return csps;
    }

    function getFirstClosableJobId() external view returns (uint256) {
        uint256 len = allEscrows.length;
        for (uint256 i; i < len; ++i) {
            uint256 jobId = ICspEscrow(allEscrows[i]).getFirstClosableJobId();
            if (jobId != 0) return jobId;
        }
        return 0;
    }

    function getEscrowsWithRewardsForNode(address nodeAddress) external view returns (address[] memory) {
        return _escrowsOwing(nodeAddress);
    }

    function getAddressRegistration(address account) external view returns (bool isActive, address escrowAddress) {
        address owned = ownerToEscrow[account];
        if (owned != address(0)) return (true, owned);
        address delegated = delegatedAddressToEscrow[account];
        if (delegated != address(0)) return (true, delegated);
        return (false, address(0));
    }

    /// @notice Jobs with an open round for which `oracle` has not proposed in the current epoch.
    function getUnvalidatedJobIds(address oracle) external view returns (uint256[] memory) {
        return getUnvalidatedJobIdsPaginated(oracle, 0, type(uint256).max);
    }

    /// @notice `getUnvalidatedJobIds` over `unvalidatedJobIds[offset, offset + limit)`.
    function getUnvalidatedJobIdsPaginated(address oracle, uint256 offset, uint256 limit)
        public
        view
        returns (uint256[] memory ids)
    {
        uint256 len = _unvalidatedJobIds.length;
        if (offset >= len) return new uint256[](0);
        uint256 end = len - offset > limit ? offset + limit : len;
        uint256 roundEpoch = _epochAt(block.timestamp) + 1;
        ids = new uint256[](end - offset);
        uint256 n;
        for (uint256 i = offset; i < end; ++i) {
            uint256 jobId = _unvalidatedJobIds[i];
            JobConsensus storage c = _consensus[jobId];
            bool submitted;
            if (c.roundEpoch == roundEpoch) {
                uint256 count = c.proposalCount;
                for (uint256 j; j < count; ++j) {
                    if (address(uint160(_proposals[jobId][j])) == oracle) {
                        submitted = true;
                        break;
                    }
                }
            }
            if (!submitted) ids[n++] = jobId;
        }
        assembly ("memory-safe") {
            mstore(ids, n)
        }
    }

    function getUnvalidatedJobIdsCount() external view returns (uint256) {
        return _unvalidatedJobIds.length;
    }

    function unvalidatedJobIds(uint256 index) external view returns (uint256) {
        return _unvalidatedJobIds[index];
    }

    /// @notice The `index`-th proposal of the job's round in `epoch` (only the open round is kept).
    function nodesTransactionProposals(uint256 jobId, uint256 epoch, uint256 index)
        external
        view
        returns (address proposer, bytes32 newActiveNodesHash)
    {
        JobConsensus storage c = _consensus[jobId];
        require(c.roundEpoch == epoch + 1 && index < c.proposalCount);
        uint256 packed = _proposals[jobId][index];
        return (address(uint160(packed)), _roundHashes[jobId][packed >> 160]);
    }

    /// @notice Whether the last finished epoch was fully allocated (true during epoch 0: nothing to do).
    function getIsLastEpochAllocated() external view returns (bool) {
        uint256 currentEpoch = _epochAt(block.timestamp);
        if (currentEpoch == 0) return true;
        return lastAllocatedEpoch >= currentEpoch - 1;
    }

    function getRemainingCooldownTime(uint256 jobId) external view returns (uint256) {
        uint256 ts = _consensus[jobId].consensusTimestamp;
        if (ts == 0) return 0;
        uint256 elapsed = block.timestamp - ts;
        return elapsed >= CONSENSUS_COOLDOWN_PERIOD ? 0 : CONSENSUS_COOLDOWN_PERIOD - elapsed;
    }

    /// @notice A node's unclaimed USDC across escrows and its R1 quote (0 when the router cannot quote).
    function getNodePoAIRewards(address nodeAddress) external view returns (uint256 usdcRewards, uint256 r1Rewards) {
        if (nodeAddress == address(0)) return (0, 0);
        address[] memory escrows = _escrowsOwing(nodeAddress);
        uint256 len = escrows.length;
        for (uint256 i; i < len; ++i) {
            usdcRewards += ICspEscrow(escrows[i]).virtualWalletBalance(nodeAddress);
        }
        if (usdcRewards == 0) return (0, 0);
        address[] memory path = new address[](2);
        path[0] = usdcToken;
        path[1] = r1Token;
        try IUniswapV2Router02(uniswapV2Router).getAmountsOut(usdcRewards, path) returns (uint256[] memory amounts) {
            r1Rewards = amounts[amounts.length - 1];
        } catch {
            r1Rewards = 0;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------

    /// @notice The `index`-th escrow owing `nodeAddress` rewards (escrows in `allEscrows` order).
    function nodeToEscrowsWithRewards(address nodeAddress, uint256 index) external view returns (address) {
        address[] memory escrows = _escrowsOwing(nodeAddress);
        require(index < escrows.length);
        return escrows[index];
    }

    function _escrowsOwing(address node) internal view returns (address[] memory escrows) {
        uint256 len = allEscrows.length;
        uint256 words = (len + 255) >> 8;
        uint256 count;
        for (uint256 w; w < words; ++w) {
            uint256 bits = _rewardEscrows[node][w];
            while (bits != 0) {
                bits &= bits - 1;
                ++count;
            }
        }
        escrows = new address[](count);
        uint256 n;
        for (uint256 w; w < words && n < count; ++w) {
            uint256 bits = _rewardEscrows[node][w];
            for (uint256 b; bits != 0; ++b) {
                if (bits & 1 != 0) escrows[n++] = allEscrows[(w << 8) + b];
                bits >>= 1;
            }
        }
    }

    function _setJobEscrowIndex(uint256 jobId, uint256 index) internal {
        uint256 bucket = jobId >> 3;
        uint256 shift = (jobId & 7) * 32;
        _jobEscrowBuckets[bucket] = (_jobEscrowBuckets[bucket] & ~(uint256(0xffffffff) << shift)) | (index << shift);
    }

    function _withEscrow(JobDetails memory d, address escrow, address owner)
        internal
        pure
        returns (JobWithAllDetails memory)
    {
        return JobWithAllDetails({
            id: d.id,
            projectHash: d.projectHash,
            requestTimestamp: d.requestTimestamp,
            startTimestamp: d.startTimestamp,
            lastNodesChangeTimestamp: d.lastNodesChangeTimestamp,
            jobType: d.jobType,
            pricePerEpoch: d.pricePerEpoch,
            lastExecutionEpoch: d.lastExecutionEpoch,
            numberOfNodesRequested: d.numberOfNodesRequested,
            balance: d.balance,
            lastAllocatedEpoch: d.lastAllocatedEpoch,
            activeNodes: d.activeNodes,
            escrowAddress: escrow,
            escrowOwner: owner
        });
    }

    function _contains(address[] memory list, address item) internal pure returns (bool) {
        uint256 len = list.length;
        for (uint256 i; i < len; ++i) {
            if (list[i] == item) return true;
        }
        return false;
    }
}

/// @dev The escrow initializer selector (0x8a29e2de), used to build the BeaconProxy init call.
interface ICspEscrowInit {
    function initialize(
        address _cspOwner,
        address _poaiManager,
        address _usdcToken,
        address _r1Token,
        address _burnContract,
        address _controller,
        address _uniswapV2Router,
        address _uniswapV2Pair
    ) external;
}
