// The light client without any Node-only import: for browsers and Workers (global WebSocket or
// fetch). Node code gets the same names plus connectNode from the package root.

export { ChainClient, type ClientOptions, type RuntimeVersion, type Header } from "./client.js";
export { webSocketTransport, httpTransport, type Transport, type WebSocketConstructor, type WebSocketLike } from "./transport.js";
export { readCappedBytes } from "./body.js";
export { fetchSnapshot, toJsonValue, SNAPSHOT_SCHEMA, type Snapshot, type StorageEntry, type FetchOptions, type Progress } from "./snapshot.js";
export {
  epochInputsFromSnapshot, nextEpochBlock, blocksUntilNextEpoch, scheduleIsStateful,
  type InputOptions, type BuiltInputs, type EpochScheduleInfo,
} from "./inputs.js";
export {
  nextScheduledEpoch, cappedNextEpoch, epochTrigger, schedulerRulesFor, MAX_TEMPO, DEFAULT_MAX_EPOCHS_PER_BLOCK, type SchedulerRules,
  type SubnetSchedule, type EpochTrigger, type ScheduledEpoch, type CappedEpoch,
} from "./schedule.js";
export { predictEpoch, type Prediction, type PredictOptions } from "./predict.js";
export {
  decodeNeuronsLite, decodeSubnetState, decodeSelectiveMetagraph, decodeDynamicInfo, decodeSubnetsInfoV2, decodeU64F64,
  metagraphIndexes, type NeuronLite, type SubnetState, type Metagraph, type DynamicInfo, type SubnetInfoV2,
} from "./decode.js";
export { fetchHotkeySharePool, type ChainSharePool } from "./share_pool.js";
export { storage as chainStorage, type StorageItem, type StorageName } from "./storage.js";
export { layoutFor, KNOWN_SPEC_VERSIONS, RUNTIME_LAYOUTS, type RuntimeLayout } from "./layouts.js";
export {
  commitBlocks, commitSemanticsFor, epochIndexOfBlock,
  type CommitState, type CommitSemantics, type WeightCommitEntry, type TimelockedCommitEntry,
} from "./commits.js";
