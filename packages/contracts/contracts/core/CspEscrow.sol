// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IBurnContract} from "../interfaces/IBurnContract.sol";
import {IController} from "../interfaces/IController.sol";
import {IUniswapV2Pair} from "../interfaces/IUniswapV2Pair.sol";
import {IUniswapV2Router02} from "../interfaces/IUniswapV2Router02.sol";
import {IPoAIManager} from "./IPoAIManager.sol";
import {JobCreationRequest, JobDetails} from "./PoAITypes.sol";
import {PoAIPricing} from "./PoAIPricing.sol";

/// @title CspEscrow
/// @notice One escrow per Cloud Service Provider (CSP). Holds the USDC that pays for the CSP's jobs, the
///         per-job balances and the nodes' virtual USDC wallets. ABI-compatible with Ratio1's deployed
///         CspEscrow; every addition and behavioural difference is listed in DIFFERENCES.md.
/// @dev Deployed once as an implementation behind an OpenZeppelin `UpgradeableBeacon`; each CSP gets a
///      `BeaconProxy` created by `PoAIManager.deployCspEscrow()`. The network-wide addresses (USDC, R1,
///      Controller, router, pair) and the Controller's epoch clock are immutables of the implementation:
///      they are identical for every escrow and never change, so keeping them out of per-escrow storage
///      saves six cold SSTOREs per escrow and an SLOAD on nearly every call.
/// @custom:oz-upgrades-unsafe-allow state-variable-immutable
contract CspEscrow is Initializable {
    // ---------------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------------

    uint256 internal constant BURN_PERCENTAGE = 15;
    uint256 internal constant PERMISSION_CREATE_JOBS = 1 << 0;
    uint256 internal constant PERMISSION_EXTEND_DURATION = 1 << 1;
    uint256 internal constant PERMISSION_EXTEND_NODES = 1 << 2;
    uint256 internal constant PERMISSION_REDEEM_UNUSED_JOB = 1 << 3;
    uint256 internal constant REDEMPTION_COOLDOWN = 1 hours;
    uint256 internal constant MIN_JOB_EPOCHS = 30;
    uint256 internal constant BPS = 10_000;

    uint8 internal constant FLAG_CLOSED = 1;
    /// @dev Set when the delayed-start shift of `lastExecutionEpoch` was applied (always, at start). Makes
    ///      the legacy `reconcileAllJobs` repair idempotent.
    uint8 internal constant FLAG_END_SHIFTED = 2;

    // ---------------------------------------------------------------------------------------------
    // Immutables (shared by every escrow behind the beacon)
    // ---------------------------------------------------------------------------------------------

    address internal immutable USDC;
    address internal immutable R1;
    address internal immutable CONTROLLER;
    address internal immutable ROUTER;
    address internal immutable PAIR;
    uint256 internal immutable EPOCH_START;
    uint256 internal immutable EPOCH_DURATION;

    // ---------------------------------------------------------------------------------------------
    // Storage
    // ---------------------------------------------------------------------------------------------

    /// @dev Packed job record. Allocation reads and writes only the second slot (price, end, balance,
    ///      requested nodes, next epoch to pay, node count); the node addresses live in `_jobNodes`.
    struct Job {
        bytes32 projectHash;
        // slot 2: everything allocation touches
        uint32 pricePerEpoch;
        uint32 lastExecutionEpoch;
        uint96 balance;
        uint32 numberOfNodesRequested;
        /// @dev First epoch not yet paid (the ABI's `lastAllocatedEpoch` + 1), so epoch 0 is representable.
        uint32 nextEpochToPay;
        uint32 nodeCount;
        // slot 3
        uint40 requestTimestamp;
        uint40 startTimestamp;
        uint40 lastNodesChangeTimestamp;
        uint16 jobType;
        uint8 flags;
        /// @dev Position + 1 in `_activeJobs`; 0 when not active.
        uint32 activeIndex;
        /// @dev USDC the active nodes were owed at list price but the job never funded (over-assignment).
        uint64 withheld;
    }

    address internal _manager;
    address public cspOwner;
    /// @dev Per-escrow override pushed by the manager; zero means "use the manager's burn contract".
    address internal _burnContractOverride;
    mapping(uint256 jobId => Job) internal _jobs;
    mapping(uint256 jobId => mapping(uint256 position => address node)) internal _jobNodes;
    mapping(address node => uint256) public virtualWalletBalance;
    uint64[] internal _activeJobs;
    uint64[] internal _closedJobs;
    mapping(address delegate => uint256) internal _delegatesPermissions;
    address[] internal _delegatedAddresses;
    /// @notice USDC burn share allocated but not yet swapped and burnt (a swap was deferred or a paginated
    ///         pass is still running).
    uint256 public pendingBurnUsdc;
    /// @notice Gross USDC paid out between allocation calls (settled when the node set changed); reported to
    ///         the AdoptionOracle with the next allocation.
    uint256 public pendingAllocatedVolume;

    // ---------------------------------------------------------------------------------------------
    // Events (deployed ABI)
    // ---------------------------------------------------------------------------------------------

    event JobCreated(uint256 indexed jobId, address indexed owner, uint256 jobType, uint256 pricePerEpoch);
    event JobStarted(uint256 indexed jobId, uint256 startTimestamp);
    event JobClosed(uint256 indexed jobId, uint256 closeTimestamp);
    event NodesUpdated(uint256 indexed jobId, address[] activeNodes);
    event RewardsClaimedV2(
        address indexed nodeAddr, address indexed nodeOwner, uint256 usdcAmount, uint256 r1Amount
    );
    event RewardsAllocatedV3(uint256 indexed jobId, address nodeAddress, uint256 usdcAmount);
    event TokensBurned(uint256 usdcAmount, uint256 r1Amount);
    event JobBalanceReconciled(uint256 indexed jobId, uint256 burnCorrection);
    event JobDurationExtended(uint256 indexed jobId, uint256 newLastExecutionEpoch, uint256 additionalAmount);
    event DeprecatedJobMigrated(
        uint256 indexed jobId, uint256 oldJobType, uint256 newJobType, uint256 newPricePerEpoch
    );
    event JobNodesExtended(uint256 indexed jobId, uint256 newNumberOfNodesRequested, uint256 additionalAmount);
    event JobRedeemed(uint256 indexed jobId, address owner, uint256 refundAmount);
    event JobLastExecutionEpochReconciled(
        uint256 indexed jobId, uint256 oldLastExecutionEpoch, uint256 newLastExecutionEpoch
    );
    event DelegatePermissionsUpdated(address indexed delegate, uint256 permissions);
    event DelegateRemoved(address indexed delegate);

    // ---------------------------------------------------------------------------------------------
    // Events (additions)
    // ---------------------------------------------------------------------------------------------

    /// @notice Over-assignment: the nodes were owed `withheldAmount` more than the job had funded.
    event RewardsWithheld(uint256 indexed jobId, uint256 withheldAmount);
    /// @notice The burn swap could not execute within the slippage bound; the USDC stays pending.
    event BurnDeferred(uint256 usdcAmount);
    /// @notice The leftover balance of a closed job went back to the CSP owner.
    event ClosedJobBalanceWithdrawn(uint256 indexed jobId, address indexed recipient, uint256 amount);
    /// @notice Closed-job records were pruned from the history list.
    event ClosedJobsPruned(uint256 count);

    // ---------------------------------------------------------------------------------------------
    // Modifiers
    // ---------------------------------------------------------------------------------------------

    modifier onlyCspOwner() {
        require(msg.sender == cspOwner, "Not CSP owner");
        _;
    }

    modifier onlyPoAIManager() {
        require(msg.sender == _manager, "Not PoAI Manager");
        _;
    }

    modifier onlyAllowed(uint256 permission) {
        require(
            msg.sender == cspOwner || (_delegatesPermissions[msg.sender] & permission) != 0, "Not authorized"
        );
        _;
    }

    // ---------------------------------------------------------------------------------------------
    // Construction
    // ---------------------------------------------------------------------------------------------

    /// @param usdcToken_ USDC (6 decimals).
    /// @param r1Token_ R1.
    /// @param controller_ Ratio1 Controller; its epoch clock is read once here (it cannot change).
    /// @param uniswapV2Router_ Uniswap V2 router used for the USDC -> R1 swaps.
    /// @param uniswapV2Pair_ The USDC/R1 pair whose reserves bound the swaps' minimum output.
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(
        address usdcToken_,
        address r1Token_,
        address controller_,
        address uniswapV2Router_,
        address uniswapV2Pair_
    ) {
        require(usdcToken_ != address(0), "USDC token cannot be zero address");
        require(r1Token_ != address(0), "R1 token cannot be zero address");
        require(controller_ != address(0), "Controller cannot be zero address");
        require(uniswapV2Router_ != address(0), "Uniswap router cannot be zero address");
        require(uniswapV2Pair_ != address(0), "Uniswap pair cannot be zero address");
        USDC = usdcToken_;
        R1 = r1Token_;
        CONTROLLER = controller_;
        ROUTER = uniswapV2Router_;
        PAIR = uniswapV2Pair_;
        EPOCH_START = IController(controller_).startEpochTimestamp();
        EPOCH_DURATION = IController(controller_).epochDuration();
        require(EPOCH_DURATION > 0, "Epoch duration cannot be zero");
        _disableInitializers();
    }

    /// @notice Initializes one escrow proxy. Called by `PoAIManager.deployCspEscrow` through `BeaconProxy`.
    /// @dev The network addresses must be those the implementation was built with.
    function initialize(
        address _cspOwner,
        address _poaiManager,
        address _usdcToken,
        address _r1Token,
        address _burnContract,
        address _controller,
        address _uniswapV2Router,
        address _uniswapV2Pair
    ) external initializer {
        require(_usdcToken != address(0), "USDC token cannot be zero address");
        require(_r1Token != address(0), "R1 token cannot be zero address");
        require(_burnContract != address(0), "Burn contract cannot be zero address");
        require(_controller != address(0), "Controller cannot be zero address");
        require(_uniswapV2Router != address(0), "Uniswap router cannot be zero address");
        require(_uniswapV2Pair != address(0), "Uniswap pair cannot be zero address");
        require(
            _usdcToken == USDC && _r1Token == R1 && _controller == CONTROLLER && _uniswapV2Router == ROUTER
                && _uniswapV2Pair == PAIR,
            "Escrow implementation mismatch"
        );
        require(_cspOwner != address(0), "CSP owner cannot be zero address");
        require(_poaiManager != address(0), "PoAI Manager cannot be zero address");
        cspOwner = _cspOwner;
        _manager = _poaiManager;
    }

    // ---------------------------------------------------------------------------------------------
    // Address getters (deployed ABI)
    // ---------------------------------------------------------------------------------------------

    function poaiManager() external view returns (address) {
        return _manager;
    }

    function usdcToken() external view returns (address) {
        return USDC;
    }

    function r1Token() external view returns (address) {
        return R1;
    }

    function controller() external view returns (address) {
        return CONTROLLER;
    }

    function uniswapV2Router() external view returns (address) {
        return ROUTER;
    }

    function uniswapV2Pair() external view returns (address) {
        return PAIR;
    }

    /// @notice The burn contract used for the 15% burn: the manager's, unless the manager pushed an
    ///         override to this escrow.
    function burnContract() public view returns (address) {
        address o = _burnContractOverride;
        return o != address(0) ? o : IPoAIManager(_manager).burnContract();
    }

    // ---------------------------------------------------------------------------------------------
    // Epochs and prices
    // ---------------------------------------------------------------------------------------------

    function getCurrentEpoch() public view returns (uint256) {
        return _epochAt(block.timestamp);
    }

    function getPriceForJobType(uint256 jobType) public pure returns (uint256) {
        return PoAIPricing.priceOf(jobType);
    }

    function _epochAt(uint256 timestamp) internal view returns (uint256) {
        require(timestamp >= EPOCH_START, "Timestamp is before the start epoch.");
        return (timestamp - EPOCH_START) / EPOCH_DURATION;
    }

    // ---------------------------------------------------------------------------------------------
    // Jobs: creation and extension
    // ---------------------------------------------------------------------------------------------

    /// @notice Creates and pre-funds jobs; the caller pays `price × nodes × epochs` in USDC per job.
    function createJobs(JobCreationRequest[] calldata jobCreationRequests)
        external
        onlyAllowed(PERMISSION_CREATE_JOBS)
        returns (uint256[] memory)
    {
        uint256 count = jobCreationRequests.length;
        uint256 currentEpoch = getCurrentEpoch();
        uint256[] memory jobIds = new uint256[](count);
        if (count == 0) return jobIds;
        uint256 jobId = IPoAIManager(_manager).reserveJobIds(count);
        uint256 total;
        uint256 activeLength = _activeJobs.length;
        address owner = cspOwner;
        for (uint256 i; i < count; ++i) {
            total += _createJob(jobCreationRequests[i], jobId, currentEpoch, ++activeLength, owner);
            jobIds[i] = jobId;
            ++jobId;
        }
        _pullUsdc(total);
        return jobIds;
    }

    /// @notice Extends a running or pending job's end; pays `price × requestedNodes × added epochs`.
    function extendJobDuration(uint256 jobId, uint256 newLastExecutionEpoch)
        external
        onlyAllowed(PERMISSION_EXTEND_DURATION)
    {
        Job storage job = _existingJob(jobId);
        require((job.flags & FLAG_CLOSED) == 0, "Job is closed");
        uint256 last = job.lastExecutionEpoch;
        require(newLastExecutionEpoch > last, "New epoch must be greater");
        uint256 currentEpoch = getCurrentEpoch();
        require(newLastExecutionEpoch > currentEpoch, "New epoch must be in future");
        // A running job whose end has passed is over: extending it would charge for epochs already gone.
        // A pending job's end moves with its start, so it never counts as ended.
        require(job.startTimestamp == 0 || last > currentEpoch, "Job has already ended");
        require(newLastExecutionEpoch <= type(uint32).max, "Last execution epoch too large");
        uint256 additionalEpochs = newLastExecutionEpoch - last;
        require(additionalEpochs > 0, "No additional epochs");
        uint256 additionalAmount = uint256(job.pricePerEpoch) * job.numberOfNodesRequested * additionalEpochs;
        require(additionalAmount > 0, "No additional amount");
        _pullUsdc(additionalAmount);
        job.balance += uint96(additionalAmount);
        job.lastExecutionEpoch = uint32(newLastExecutionEpoch);
        emit JobDurationExtended(jobId, newLastExecutionEpoch, additionalAmount);
    }

    /// @notice Raises the number of nodes a job pays for; pays for the epochs the new nodes will run.
    function extendJobNodes(uint256 jobId, uint256 newNumberOfNodesRequested)
        external
        onlyAllowed(PERMISSION_EXTEND_NODES)
    {
        Job storage job = _existingJob(jobId);
        require((job.flags & FLAG_CLOSED) == 0, "Job is closed");
        uint256 oldNodes = job.numberOfNodesRequested;
        require(newNumberOfNodesRequested > oldNodes, "New number of nodes must be greater");
        require(newNumberOfNodesRequested <= type(uint32).max, "Number of nodes too large");
        uint256 currentEpoch = getCurrentEpoch();
        uint256 last = job.lastExecutionEpoch;
        uint256 remainingEpochs;
        if (job.startTimestamp == 0) {
            // A pending job keeps all its purchased epochs whenever it starts (the end shifts with the start),
            // so the new nodes will run `last - requestEpoch` epochs, not `last - currentEpoch`.
            remainingEpochs = last - _epochAt(job.requestTimestamp);
        } else {
            require(last > currentEpoch, "Job has already ended");
            remainingEpochs = last - currentEpoch;
        }
        uint256 additionalAmount =
            uint256(job.pricePerEpoch) * (newNumberOfNodesRequested - oldNodes) * remainingEpochs;
        _pullUsdc(additionalAmount);
        job.balance += uint96(additionalAmount);
        job.numberOfNodesRequested = uint32(newNumberOfNodesRequested);
        emit JobNodesExtended(jobId, newNumberOfNodesRequested, additionalAmount);
    }

    /// @notice Refunds a job that never started, at least one hour after its request. The refund goes to the
    ///         CSP owner whoever calls.
    function redeemUnusedJob(uint256 jobId) external onlyAllowed(PERMISSION_REDEEM_UNUSED_JOB) {
        Job storage job = _existingJob(jobId);
        require(job.startTimestamp == 0, "Job already started");
        require(job.nodeCount == 0, "Job has active nodes");
        require(block.timestamp >= uint256(job.requestTimestamp) + REDEMPTION_COOLDOWN, "Redemption cooldown not elapsed");
        uint256 refund = job.balance;
        require(refund > 0, "No balance to redeem");
        _removeActive(job);
        delete _jobs[jobId];
        IPoAIManager(_manager).removeJob(jobId);
        address recipient = cspOwner;
        require(IERC20(USDC).transfer(recipient, refund), "USDC transfer failed");
        emit JobRedeemed(jobId, recipient, refund);
    }

    /// @notice Returns the unspent balance of a closed job to the CSP owner.
    function withdrawClosedJobBalance(uint256 jobId) external onlyAllowed(PERMISSION_REDEEM_UNUSED_JOB) {
        Job storage job = _existingJob(jobId);
        require((job.flags & FLAG_CLOSED) != 0, "Job is not closed");
        uint256 amount = job.balance;
        require(amount > 0, "No balance to withdraw");
        job.balance = 0;
        address recipient = cspOwner;
        require(IERC20(USDC).transfer(recipient, amount), "USDC transfer failed");
        emit ClosedJobBalanceWithdrawn(jobId, recipient, amount);
    }

    /// @notice Drops closed jobs whose balance is zero from storage, from the closed-jobs history and from the
    ///         manager's registry, so the history does not grow without bound. Takes positions in `closedJobs`
    ///         in descending order.
    function pruneClosedJobs(uint256[] calldata closedJobIndexesDescending) external onlyCspOwner {
        uint256 len = closedJobIndexesDescending.length;
        uint256 previous = type(uint256).max;
        for (uint256 i; i < len; ++i) {
            uint256 index = closedJobIndexesDescending[i];
            require(index < previous, "Indexes must be strictly descending");
            previous = index;
            uint256 jobId = _closedJobs[index];
            require(_jobs[jobId].balance == 0, "Closed job still holds a balance");
            delete _jobs[jobId];
            IPoAIManager(_manager).removeJob(jobId);
            uint256 lastIndex = _closedJobs.length - 1;
            if (index != lastIndex) _closedJobs[index] = _closedJobs[lastIndex];
            _closedJobs.pop();
        }
        emit ClosedJobsPruned(len);
    }

    // ---------------------------------------------------------------------------------------------
    // Manager-only: node sets, allocation, claims
    // ---------------------------------------------------------------------------------------------

    /// @notice Applies a consensus result. Completed epochs not yet paid are first settled with the node set
    ///         that served them, so a catch-up never pays a new set for old epochs.
    function updateActiveNodes(uint256 jobId, address[] calldata newActiveNodes) external onlyPoAIManager {
        Job storage job = _existingJob(jobId);
        require((job.flags & FLAG_CLOSED) == 0, "Job is closed");
        uint256 currentEpoch = getCurrentEpoch();
        if (job.startTimestamp != 0) {
            if (currentEpoch > 0) {
                (uint256 gross, uint256 burn) = _allocateJob(job, jobId, currentEpoch - 1);
                if (gross > 0) {
                    pendingAllocatedVolume += gross;
                    pendingBurnUsdc += burn;
                }
            }
        } else {
            uint256 requestEpoch = _epochAt(job.requestTimestamp);
            if (currentEpoch > requestEpoch) {
                job.lastExecutionEpoch = uint32(currentEpoch + (job.lastExecutionEpoch - requestEpoch));
            }
            job.startTimestamp = uint40(block.timestamp);
            job.nextEpochToPay = uint32(currentEpoch);
            job.flags |= FLAG_END_SHIFTED;
            emit JobStarted(jobId, block.timestamp);
        }
        _setNodes(job, jobId, newActiveNodes);
        job.lastNodesChangeTimestamp = uint40(block.timestamp);
        if (newActiveNodes.length == 0) {
            job.flags |= FLAG_CLOSED;
            _removeActive(job);
            _closedJobs.push(uint64(jobId));
            emit JobClosed(jobId, block.timestamp);
        }
        emit NodesUpdated(jobId, newActiveNodes);
    }

    /// @notice Pays every active job up to the last finished epoch, swaps the 15% share to R1 and burns it.
    /// @return The gross USDC debited from the jobs (burn included), plus volume settled since the last call.
    function allocateRewardsToNodes() external onlyPoAIManager returns (uint256) {
        (uint256 gross,,) = _allocateRange(0, type(uint256).max);
        return gross;
    }

    /// @notice Paginated allocation over `activeJobs[startIndex, startIndex + maxJobs)`. The burn swap runs
    ///         once, when the pass reaches the end of the list.
    function allocateRewardsToNodesPaginated(uint256 startIndex, uint256 maxJobs)
        external
        onlyPoAIManager
        returns (uint256 grossAmount, uint256 nextIndex, bool done)
    {
        return _allocateRange(startIndex, maxJobs);
    }

    /// @notice Swaps a node's whole virtual balance to R1 and sends it to the node's owner.
    function claimRewardsForNode(address nodeAddr, address nodeOwner) external onlyPoAIManager returns (uint256) {
        (uint256 usdcAmount,) = _claim(nodeAddr, nodeOwner, _minR1Out(virtualWalletBalance[nodeAddr]), block.timestamp);
        return usdcAmount;
    }

    /// @notice `claimRewardsForNode` with a caller-chosen minimum R1 output and deadline, used instead of the
    ///         reserve-derived floor (the node owner takes the price risk they chose).
    function claimRewardsForNodeWithLimits(address nodeAddr, address nodeOwner, uint256 minR1Out, uint256 deadline)
        external
        onlyPoAIManager
        returns (uint256 usdcAmount, uint256 r1Amount)
    {
        return _claim(nodeAddr, nodeOwner, minR1Out, deadline);
    }

    /// @notice Legacy one-shot repair of balances that had not been debited the burn share. This
    ///         implementation debits the burn share at allocation time, so there is never anything to
    ///         correct: the call checks the invariant it used to restore and changes nothing.
    function reconcileJobsBalance() external onlyPoAIManager {
        uint256 len = _activeJobs.length;
        for (uint256 i; i < len; ++i) {
            require(_jobs[_activeJobs[i]].requestTimestamp != 0, "Job does not exist");
        }
    }

    /// @notice Legacy repair: (a) applies the delayed-start shift to started jobs that missed it and
    ///         (b) migrates jobs of deprecated types 10-15 to type 50. Both passes are idempotent.
    function reconcileAllJobs() external onlyPoAIManager {
        uint256 len = _activeJobs.length;
        uint256 currentEpoch = getCurrentEpoch();
        for (uint256 i; i < len; ++i) {
            uint256 jobId = _activeJobs[i];
            Job storage job = _jobs[jobId];
            if (job.startTimestamp != 0 && (job.flags & FLAG_END_SHIFTED) == 0) {
                uint256 requestEpoch = _epochAt(job.requestTimestamp);
                uint256 startEpoch = _epochAt(job.startTimestamp);
                uint256 oldLast = job.lastExecutionEpoch;
                job.flags |= FLAG_END_SHIFTED;
                if (startEpoch > requestEpoch && oldLast > requestEpoch) {
                    uint256 newLast = startEpoch + (oldLast - requestEpoch);
                    job.lastExecutionEpoch = uint32(newLast);
                    emit JobLastExecutionEpochReconciled(jobId, oldLast, newLast);
                }
            }
            uint256 jobType = job.jobType;
            if (PoAIPricing.isDeprecated(jobType)) _migrateDeprecated(job, jobId, jobType, currentEpoch);
        }
    }

    /// @notice Sets a per-escrow burn contract that takes precedence over the manager's.
    function setBurnContract(address newBurnContract) external onlyPoAIManager {
        require(newBurnContract != address(0), "Burn contract cannot be zero address");
        _burnContractOverride = newBurnContract;
    }

    // ---------------------------------------------------------------------------------------------
    // Delegation
    // ---------------------------------------------------------------------------------------------

    function setDelegatePermissions(address delegate, uint256 permissions) external onlyCspOwner {
        require(delegate != address(0), "Delegate cannot be zero");
        require(delegate != cspOwner, "Cannot delegate to owner");
        require(permissions != 0, "Permissions cannot be zero");
        if (_delegatesPermissions[delegate] == 0) {
            IPoAIManager(_manager).registerDelegatedAddress(delegate);
            _delegatedAddresses.push(delegate);
        }
        _delegatesPermissions[delegate] = permissions;
        emit DelegatePermissionsUpdated(delegate, permissions);
    }

    function removeDelegate(address delegate) external onlyCspOwner {
        require(_delegatesPermissions[delegate] != 0, "Delegate not found");
        delete _delegatesPermissions[delegate];
        uint256 len = _delegatedAddresses.length;
        bool found;
        for (uint256 i; i < len; ++i) {
            if (_delegatedAddresses[i] == delegate) {
                _delegatedAddresses[i] = _delegatedAddresses[len - 1];
                _delegatedAddresses.pop();
                found = true;
                break;
            }
        }
        require(found, "Delegate not found in array");
        IPoAIManager(_manager).unregisterDelegatedAddress(delegate);
        emit DelegateRemoved(delegate);
    }

    function getDelegatedAddresses() external view returns (address[] memory, uint256[] memory) {
        uint256 len = _delegatedAddresses.length;
        address[] memory delegates = new address[](len);
        uint256[] memory permissions = new uint256[](len);
        for (uint256 i; i < len; ++i) {
            address d = _delegatedAddresses[i];
            delegates[i] = d;
            permissions[i] = _delegatesPermissions[d];
        }
        return (delegates, permissions);
    }

    function getDelegatePermissions(address delegate) external view returns (uint256) {
        return _delegatesPermissions[delegate];
    }

    // ---------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------

    /// @notice The job's 11 scalar fields (the deployed auto-getter; it omits `activeNodes`).
    function jobDetails(uint256 jobId)
        external
        view
        returns (
            uint256 id,
            bytes32 projectHash,
            uint256 requestTimestamp,
            uint256 startTimestamp,
            uint256 lastNodesChangeTimestamp,
            uint256 jobType,
            uint256 pricePerEpoch,
            uint256 lastExecutionEpoch,
            uint256 numberOfNodesRequested,
            int256 balance,
            uint256 lastAllocatedEpoch
        )
    {
        Job storage job = _jobs[jobId];
        if (job.requestTimestamp == 0) return (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return (
            jobId,
            job.projectHash,
            job.requestTimestamp,
            job.startTimestamp,
            job.lastNodesChangeTimestamp,
            job.jobType,
            job.pricePerEpoch,
            job.lastExecutionEpoch,
            job.numberOfNodesRequested,
            int256(uint256(job.balance)),
            _lastAllocated(job)
        );
    }

    function getJobDetails(uint256 jobId) public view returns (JobDetails memory) {
        Job storage job = _jobs[jobId];
        JobDetails memory details;
        if (job.requestTimestamp == 0) return details;
        details = JobDetails({
            id: jobId,
            projectHash: job.projectHash,
            requestTimestamp: job.requestTimestamp,
            startTimestamp: job.startTimestamp,
            lastNodesChangeTimestamp: job.lastNodesChangeTimestamp,
            jobType: job.jobType,
            pricePerEpoch: job.pricePerEpoch,
            lastExecutionEpoch: job.lastExecutionEpoch,
            numberOfNodesRequested: job.numberOfNodesRequested,
            balance: int256(uint256(job.balance)),
            lastAllocatedEpoch: _lastAllocated(job),
            activeNodes: _nodesOf(job, jobId)
        });
        return details;
    }

    /// @notice Extra per-job accounting not in the deployed struct.
    /// @return closed Whether the job was closed by consensus.
    /// @return withheld USDC the nodes were owed at list price beyond what the job funded.
    /// @return nextEpochToPay First epoch not yet paid.
    function getJobAccounting(uint256 jobId)
        external
        view
        returns (bool closed, uint256 withheld, uint256 nextEpochToPay)
    {
        Job storage job = _jobs[jobId];
        return ((job.flags & FLAG_CLOSED) != 0, job.withheld, job.nextEpochToPay);
    }

    function getJobActiveNodes(uint256 jobId) external view returns (address[] memory) {
        return _nodesOf(_jobs[jobId], jobId);
    }

    function activeJobs(uint256 index) external view returns (uint256) {
        return _activeJobs[index];
    }

    function closedJobs(uint256 index) external view returns (uint256) {
        return _closedJobs[index];
    }

    function getActiveJobsCount() external view returns (uint256) {
        return _activeJobs.length;
    }

    function getClosedJobsCount() external view returns (uint256) {
        return _closedJobs.length;
    }

    function getActiveJobs() external view returns (JobDetails[] memory) {
        return _page(_activeJobs, 0, type(uint256).max);
    }

    function getClosedJobs() external view returns (JobDetails[] memory) {
        return _page(_closedJobs, 0, type(uint256).max);
    }

    function getActiveJobsPaginated(uint256 offset, uint256 limit) external view returns (JobDetails[] memory) {
        return _page(_activeJobs, offset, limit);
    }

    function getClosedJobsPaginated(uint256 offset, uint256 limit) external view returns (JobDetails[] memory) {
        return _page(_closedJobs, offset, limit);
    }

    /// @notice Sum of the balances of the active jobs (the escrow's TVL, as on Ratio1).
    function getTotalJobsBalance() external view returns (int256 totalBalance) {
        uint256 len = _activeJobs.length;
        for (uint256 i; i < len; ++i) {
            totalBalance += int256(uint256(_jobs[_activeJobs[i]].balance));
        }
    }

    /// @notice The first active job that has ended, still has nodes and has every paid epoch allocated.
    function getFirstClosableJobId() external view returns (uint256) {
        uint256 len = _activeJobs.length;
        if (len == 0) return 0;
        uint256 currentEpoch = getCurrentEpoch();
        for (uint256 i; i < len; ++i) {
            uint256 jobId = _activeJobs[i];
            Job storage job = _jobs[jobId];
            uint256 last = job.lastExecutionEpoch;
            if (
                job.nodeCount > 0 && last > 0 && last <= currentEpoch && job.nextEpochToPay >= last
            ) return jobId;
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------

    function _createJob(
        JobCreationRequest calldata r,
        uint256 jobId,
        uint256 currentEpoch,
        uint256 activePosition,
        address owner
    ) internal returns (uint256 price) {
        uint256 jobType = r.jobType;
        require(!PoAIPricing.isDeprecated(jobType), "Deprecated job type");
        uint256 last = r.lastExecutionEpoch;
        require(last > currentEpoch, "Last execution epoch must be in the future");
        uint256 epochs = last - currentEpoch;
        uint256 pricePerEpoch = PoAIPricing.priceOf(jobType);
        uint256 nodes = r.numberOfNodesRequested;
        require(epochs >= MIN_JOB_EPOCHS, "Number of epochs must be greater than 30");
        require(nodes > 0, "Number of nodes must be greater than 0");
        require(last <= type(uint32).max, "Last execution epoch too large");
        require(nodes <= type(uint32).max, "Number of nodes too large");
        price = pricePerEpoch * nodes * epochs;

        Job storage job = _jobs[jobId];
        job.projectHash = r.projectHash;
        job.requestTimestamp = uint40(block.timestamp);
        job.jobType = uint16(jobType);
        job.pricePerEpoch = uint32(pricePerEpoch);
        job.lastExecutionEpoch = uint32(last);
        job.balance = uint96(price);
        job.numberOfNodesRequested = uint32(nodes);
        job.activeIndex = uint32(activePosition);
        _activeJobs.push(uint64(jobId));
        emit JobCreated(jobId, owner, jobType, pricePerEpoch);
    }

    function _existingJob(uint256 jobId) internal view returns (Job storage job) {
        job = _jobs[jobId];
        require(job.requestTimestamp != 0, "Job does not exist");
    }

    function _nodesOf(Job storage job, uint256 jobId) internal view returns (address[] memory list) {
        uint256 n = job.nodeCount;
        list = new address[](n);
        for (uint256 i; i < n; ++i) {
            list[i] = _jobNodes[jobId][i];
        }
    }

    function _setNodes(Job storage job, uint256 jobId, address[] calldata list) internal {
        uint256 oldCount = job.nodeCount;
        uint256 n = list.length;
        mapping(uint256 => address) storage stored = _jobNodes[jobId];
        for (uint256 i; i < n; ++i) {
            stored[i] = list[i];
        }
        for (uint256 i = n; i < oldCount; ++i) {
            delete stored[i];
        }
        job.nodeCount = uint32(n);
    }

    function _lastAllocated(Job storage job) internal view returns (uint256) {
        uint256 next = job.nextEpochToPay;
        return next == 0 ? 0 : next - 1;
    }

    function _pullUsdc(uint256 amount) internal {
        require(IERC20(USDC).transferFrom(msg.sender, address(this), amount), "USDC transfer failed");
    }

    function _removeActive(Job storage job) internal {
        uint256 position = job.activeIndex;
        if (position == 0) return;
        uint256 lastIndex = _activeJobs.length - 1;
        if (position - 1 != lastIndex) {
            uint64 moved = _activeJobs[lastIndex];
            _activeJobs[position - 1] = moved;
            _jobs[moved].activeIndex = uint32(position);
        }
        _activeJobs.pop();
        job.activeIndex = 0;
    }

    function _page(uint64[] storage ids, uint256 offset, uint256 limit)
        internal
        view
        returns (JobDetails[] memory out)
    {
        uint256 len = ids.length;
        if (offset >= len) return new JobDetails[](0);
        uint256 end = len - offset > limit ? offset + limit : len;
        out = new JobDetails[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            out[i - offset] = getJobDetails(ids[i]);
        }
    }

    function _allocateRange(uint256 startIndex, uint256 maxJobs)
        internal
        returns (uint256 gross, uint256 nextIndex, bool done)
    {
        uint256 currentEpoch = getCurrentEpoch();
        uint256 len = _activeJobs.length;
        uint256 end = startIndex >= len ? len : (len - startIndex > maxJobs ? startIndex + maxJobs : len);
        uint256 burn;
        if (currentEpoch > 0 && startIndex < end) {
            uint256 lastEpoch = currentEpoch - 1;
            for (uint256 i = startIndex; i < end; ++i) {
                uint256 jobId = _activeJobs[i];
                (uint256 g, uint256 b) = _allocateJob(_jobs[jobId], jobId, lastEpoch);
                gross += g;
                burn += b;
            }
        }
        nextIndex = end;
        done = end >= len;
        if (done) {
            gross += pendingAllocatedVolume;
            pendingAllocatedVolume = 0;
            _burn(pendingBurnUsdc + burn);
        } else if (burn > 0) {
            pendingBurnUsdc += burn;
        }
    }

    /// @dev Pays one job for the epochs `[nextEpochToPay, min(lastEpoch, lastExecutionEpoch - 1)]` with its
    ///      current node set. Per epoch the job pays at most `price × numberOfNodesRequested`; when the oracles
    ///      assigned more nodes than that, the funded amount is shared and the shortfall is recorded as
    ///      withheld. The balance therefore never goes negative and one job cannot block another's payout.
    function _allocateJob(Job storage job, uint256 jobId, uint256 lastEpoch)
        internal
        returns (uint256 charged, uint256 burnTotal)
    {
        // The hot slot (price, end, balance, requested, next epoch, node count) is read and written once;
        // this loop runs for every active job of every escrow each epoch.
        uint256 hotSlot;
        uint256 word;
        assembly ("memory-safe") {
            hotSlot := add(job.slot, 1)
            word := sload(hotSlot)
        }
        uint256 n = word >> 224;
        uint256 last = (word >> 32) & 0xffffffff;
        if (n == 0 || last == 0) return (0, 0);
        uint256 effective = lastEpoch < last - 1 ? lastEpoch : last - 1;
        uint256 next = (word >> 192) & 0xffffffff;
        if (next > effective) return (0, 0);
        uint256 balance = (word >> 64) & type(uint96).max;
        uint256 perNode = _perNodeAmount(
            job, jobId, effective - next + 1, n, word & 0xffffffff, (word >> 160) & 0xffffffff, balance
        );
        uint256 burnPerNode = perNode * BURN_PERCENTAGE / 100;
        charged = perNode * n;
        burnTotal = burnPerNode * n;
        word = (word & ~((uint256(type(uint96).max) << 64) | (uint256(0xffffffff) << 192)))
            | ((balance - charged) << 64) | ((effective + 1) << 192);
        assembly ("memory-safe") {
            sstore(hotSlot, word)
        }
        uint256 netPerNode = perNode - burnPerNode;
        if (netPerNode != 0) _creditNodes(jobId, netPerNode, n);
    }

    /// @dev What each active node receives (gross) for `k` epochs. The job pays at most
    ///      `price × numberOfNodesRequested` per epoch and never more than its balance; any shortfall against
    ///      `price` per node per epoch is recorded as withheld.
    function _perNodeAmount(
        Job storage job,
        uint256 jobId,
        uint256 k,
        uint256 n,
        uint256 price,
        uint256 requested,
        uint256 balance
    ) internal returns (uint256 perNode) {
        uint256 due = price * k * (n < requested ? n : requested);
        if (due > balance) due = balance;
        perNode = due / n;
        uint256 owed = price * k * n;
        uint256 paid = perNode * n;
        if (owed > paid) {
            uint256 w = uint256(job.withheld) + (owed - paid);
            job.withheld = w > type(uint64).max ? type(uint64).max : uint64(w);
            emit RewardsWithheld(jobId, owed - paid);
        }
    }

    function _creditNodes(uint256 jobId, uint256 netPerNode, uint256 n) internal {
        mapping(uint256 => address) storage jobNodes = _jobNodes[jobId];
        for (uint256 i; i < n; ++i) {
            address node = jobNodes[i];
            uint256 before = virtualWalletBalance[node];
            virtualWalletBalance[node] = before + netPerNode;
            if (before == 0) IPoAIManager(_manager).registerNodeWithRewards(node);
            emit RewardsAllocatedV3(jobId, node, netPerNode);
        }
    }

    function _burn(uint256 amount) internal {
        if (amount == 0) {
            if (pendingBurnUsdc != 0) pendingBurnUsdc = 0;
            return;
        }
        (bool ok, uint256 r1Amount) = _swapUsdcForR1(amount, _minR1Out(amount), block.timestamp);
        if (!ok || r1Amount == 0) {
            pendingBurnUsdc = amount;
            emit BurnDeferred(amount);
            return;
        }
        if (pendingBurnUsdc != 0) pendingBurnUsdc = 0;
        IBurnContract(burnContract()).burn(r1Amount);
        emit TokensBurned(amount, r1Amount);
    }

    function _claim(address nodeAddr, address nodeOwner, uint256 minR1Out, uint256 deadline)
        internal
        returns (uint256 amount, uint256 r1Amount)
    {
        amount = virtualWalletBalance[nodeAddr];
        require(amount > 0, "No rewards to claim");
        virtualWalletBalance[nodeAddr] = 0;
        bool ok;
        (ok, r1Amount) = _swapUsdcForR1(amount, minR1Out, deadline);
        require(ok && r1Amount > 0, "Swap failed");
        require(IERC20(R1).transfer(nodeOwner, r1Amount), "R1 transfer failed");
        emit RewardsClaimedV2(nodeAddr, nodeOwner, amount, r1Amount);
    }

    /// @dev Minimum acceptable R1 for `amountIn` USDC: the pair's spot price less the manager's tolerance.
    ///      Bounds the price impact and fee of each swap; see DIFFERENCES.md for what it does not cover.
    function _minR1Out(uint256 amountIn) internal view returns (uint256) {
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(PAIR).getReserves();
        (uint256 reserveIn, uint256 reserveOut) =
            IUniswapV2Pair(PAIR).token0() == USDC ? (reserve0, reserve1) : (reserve1, reserve0);
        if (reserveIn == 0 || reserveOut == 0) return 0;
        uint256 tolerance = IPoAIManager(_manager).swapSlippageBps();
        if (tolerance >= BPS) return 0;
        return amountIn * reserveOut / reserveIn * (BPS - tolerance) / BPS;
    }

    function _swapUsdcForR1(uint256 amount, uint256 minOut, uint256 deadline)
        internal
        returns (bool ok, uint256 r1Amount)
    {
        IERC20(USDC).approve(ROUTER, amount);
        address[] memory path = new address[](2);
        path[0] = USDC;
        path[1] = R1;
        try IUniswapV2Router02(ROUTER).swapExactTokensForTokens(amount, minOut, path, address(this), deadline)
        returns (uint256[] memory amounts) {
            return (true, amounts[amounts.length - 1]);
        } catch {
            IERC20(USDC).approve(ROUTER, 0);
            return (false, 0);
        }
    }

    function _migrateDeprecated(Job storage job, uint256 jobId, uint256 oldType, uint256 currentEpoch) internal {
        uint256 newPrice = PoAIPricing.SERVICE_ENTRY_PRICE;
        uint256 oldPrice = job.pricePerEpoch;
        uint256 last = job.lastExecutionEpoch;
        if (newPrice < oldPrice) {
            uint256 remaining = last > currentEpoch ? last - currentEpoch : 0;
            if (remaining > 0) {
                uint256 refund = (oldPrice - newPrice) * job.numberOfNodesRequested * remaining;
                if (refund > job.balance) refund = job.balance;
                job.balance -= uint96(refund);
                require(IERC20(USDC).transfer(cspOwner, refund), "USDC refund transfer failed");
            }
        } else if (newPrice > oldPrice) {
            uint256 costPerEpoch = newPrice * job.numberOfNodesRequested;
            uint256 balance = job.balance;
            if (balance < costPerEpoch) {
                job.balance = 0;
                job.lastExecutionEpoch = uint32(currentEpoch);
                require(IERC20(USDC).transfer(cspOwner, balance), "USDC refund transfer failed");
            } else {
                job.lastExecutionEpoch = uint32(currentEpoch + balance / costPerEpoch);
            }
        }
        job.jobType = uint16(PoAIPricing.SERVICE_ENTRY);
        job.pricePerEpoch = uint32(newPrice);
        emit DeprecatedJobMigrated(jobId, oldType, PoAIPricing.SERVICE_ENTRY, newPrice);
    }
}
