/** Scenarios: loading and checking scenario files, running them, evaluating expectations. */
export { BUNDLED_DIR_URL, bundledScenarios, listScenarios, loadScenario } from './catalog.js';
export { evaluate, measuredWaitsMs, type Observation } from './expect.js';
export { summarizeReceived } from './expect-received.js';
export { parseScenario } from './parse.js';
export {
  checkRunOptions,
  type RunScenarioOptions,
  requiredWaitMs,
  runScenario,
  scalesTimeout,
} from './run.js';
export { type RunScenariosOptions, runScenarios } from './run-many.js';
export { OUTCOME_WORDS, SCENARIO_SCHEMA_URL } from './schema.js';
export type * from './types.js';
