// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.22;

/// @title PoAIPricing
/// @notice Ratio1's hard-coded job catalogue: USDC base units (6 decimals) per node per epoch.
/// @dev Ids 10-15 are deprecated database types; 0, 41-49 and >= 55 do not exist.
library PoAIPricing {
    uint256 internal constant SERVICE_ENTRY = 50;
    uint256 internal constant SERVICE_ENTRY_PRICE = 450_000;

    function isDeprecated(uint256 jobType) internal pure returns (bool) {
        return jobType >= 10 && jobType <= 15;
    }

    /// @notice Price per node per epoch; reverts "Deprecated job type" or "Invalid job type".
    function priceOf(uint256 jobType) internal pure returns (uint256) {
        require(!isDeprecated(jobType), "Deprecated job type");
        if (jobType == 1) return 375_000;
        if (jobType == 2) return 750_000;
        if (jobType == 3) return 1_000_000;
        if (jobType == 4) return 1_916_666;
        if (jobType == 5) return 2_916_666;
        if (jobType == 6) return 3_750_000;
        if (jobType == 7) return 5_333_333;
        if (jobType == 8) return 8_333_333;
        if (jobType == 9) return 12_500_000;
        if (jobType == 16) return 2_500_000;
        if (jobType == 17) return 3_750_000;
        if (jobType == 18) return 6_000_000;
        if (jobType == 19) return 9_000_000;
        if (jobType == 20) return 13_333_333;
        if (jobType == 21) return 3_116_666;
        if (jobType == 22) return 4_116_666;
        if (jobType == 23) return 3_700_000;
        if (jobType == 24) return 4_950_000;
        if (jobType == 25) return 5_316_666;
        if (jobType == 26) return 6_150_000;
        if (jobType == 27) return 7_733_333;
        if (jobType == 28) return 10_733_333;
        if (jobType == 29) return 6_150_000;
        if (jobType == 30) return 8_400_000;
        if (jobType == 31) return 11_400_000;
        if (jobType == 32) return 10_133_333;
        if (jobType == 33) return 13_133_333;
        if (jobType == 34) return 17_300_000;
        if (jobType == 35) return 10_800_000;
        if (jobType == 36) return 13_800_000;
        if (jobType == 37) return 18_133_333;
        if (jobType == 38) return 38_333_333;
        if (jobType == 39) return 42_500_000;
        if (jobType == 40) return 43_333_333;
        if (jobType == 50) return 450_000;
        if (jobType == 51) return 2_300_000;
        if (jobType == 52) return 4_500_000;
        if (jobType == 53) return 100_000;
        if (jobType == 54) return 166_666;
        revert("Invalid job type");
    }
}
