// The Yuma lab: exact multi-epoch simulation of validator strategies (see docs/simulate.md).

export { SCENARIO_SCHEMA } from "./schema.js";
export { validateScenarioJson } from "./validate.js";
export { planScenario, defaultHyperparameters, withOverrides, type Plan, type ScenarioJson, type ScenarioOverrides, type Strategy, type Hyperparameters } from "./scenario.js";
export { SubnetStorage } from "./storage.js";
export { runPlan, runScenarioExact, exactEngine, type EpochEngine, type RunHooks } from "./runner.js";
export { SCENARIOS, scenarioNames, namedScenario } from "./library.js";
