// Chain reads
export {
  type ReadChainViewErrorType,
  type ReadChainViewParameters,
  type ReadChainViewReturnType,
  readChainView,
} from './chain/readChainView.js'
// Errors
export {
  FleetNodeError,
  type FleetNodeErrorType,
  InvalidOracleConfigError,
  type InvalidOracleConfigErrorType,
  StateStoreError,
  type StateStoreErrorType,
} from './errors/oracle.js'
export {
  type CreateHttpFleetParameters,
  createHttpFleet,
} from './fleet/createHttpFleet.js'
// Fleet
export {
  type CreateSimulatedFleetParameters,
  createSimulatedFleet,
  type DeliveredCommand,
  type SimulatedFleet,
} from './fleet/createSimulatedFleet.js'
export { getFleetView } from './fleet/getFleetView.js'
export {
  type ServeFleetParameters,
  type ServeFleetReturnType,
  serveFleet,
} from './fleet/serveFleet.js'
export type {
  Fleet,
  FleetCommand,
  FleetNode,
  NodeResources,
  PlacedWorkload,
  Workload,
} from './fleet/types.js'
// Loop decisions
export {
  type DecideAvailabilityParameters,
  type DecideAvailabilityReturnType,
  decideAvailability,
  repairKey,
} from './loops/decideAvailability.js'
export {
  closureKey,
  type DecideClosureParameters,
  type DecideClosureReturnType,
  decideClosure,
} from './loops/decideClosure.js'
export {
  type DecideRewardsParameters,
  type DecideRewardsReturnType,
  decideRewards,
  rewardsKey,
} from './loops/decideRewards.js'
export {
  type DecideValidationParameters,
  type DecideValidationReturnType,
  decideValidation,
} from './loops/decideValidation.js'
export type {
  AllocateRewardsAction,
  ChainJob,
  ChainView,
  CompleteAction,
  FleetNodeView,
  FleetView,
  NodeAddress,
  OracleAction,
  ScheduleAction,
  ScheduleView,
  StartWorkloadAction,
  StopWorkloadAction,
  SubmissionLedger,
  SubmitNodeUpdateAction,
} from './loops/types.js'
// Drivers
export {
  type ActionResult,
  type CreateOracleParameters,
  createOracle,
  type Oracle,
  type OracleAddresses,
  type OracleMetrics,
  type OracleTiming,
  type TickReport,
} from './oracle/createOracle.js'
export {
  type DeployWorkloadErrorType,
  type DeployWorkloadParameters,
  type DeployWorkloadReturnType,
  deployWorkload,
} from './oracle/deployWorkload.js'
// State
export {
  type CreateStateStoreErrorType,
  type CreateStateStoreParameters,
  createStateStore,
  type StateStore,
  type StoredJob,
  type StoredSubmission,
} from './store/createStateStore.js'
// Utilities
export { type Clock, createManualClock, type ManualClock, systemClock } from './utils/clock.js'
export {
  type CreateLoggerParameters,
  createLogger,
  type Logger,
  type LogLevel,
  silentLogger,
} from './utils/logger.js'
export { createSeededRng, type Rng } from './utils/rng.js'
export { version } from './version.js'
