// The Yuma lab: exact multi-epoch simulation of validator strategies (see docs/simulate.md).

export { SCENARIO_SCHEMA } from "./schema.js";
export { validateScenarioJson } from "./validate.js";
export { planScenario, defaultHyperparameters, withOverrides, type Plan, type ScenarioJson, type ScenarioOverrides, type Strategy, type Hyperparameters } from "./scenario.js";
export { SubnetStorage } from "./storage.js";
export { runPlan, runScenarioExact, exactEngine, epochResultOf, type EpochEngine, type RunHooks } from "./runner.js";
export { SCENARIOS, scenarioNames, namedScenario } from "./library.js";
export { simulate, simulateStrategies, type SimulateOptions, type SimulationResult, type FloatComparison } from "./simulate.js";
export { floatEpoch, floatEngine, type FloatEpoch } from "./float.js";
export { Recorder, summarise, type EpochRecord, type StrategySummary, type MinerSummary } from "./results.js";
export { reportHtml, dividendsChart, relativeChart, bondsChart, floatDiffChart } from "./report.js";
export { lineChart, type Series } from "./svg.js";
export { epochVectorFile, epochInputToVectorEncoding } from "./export.js";
export { sweepCells, runSweepCell, sweepTable, sweepRowOf, cellHyperparameters, cellCost, handOutOrder, DEFAULT_GRID, type SweepGrid, type SweepCell, type SweepRow } from "./sweep.js";
export { simulationToJson } from "./json.js";
export { runSweepRemote, type RemoteSweepOptions } from "./sweep_remote.js";
