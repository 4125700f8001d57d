/** Scenarios: loading scenario files, checking them, running them. */
export { listScenarios, loadScenario } from './catalog.js';
export { parseScenario } from './parse.js';
export { runScenario } from './run.js';
export { runScenarios } from './run-many.js';
