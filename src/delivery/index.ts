/**
 * The delivery engine, as `cswm send` loads it lazily (one import for got and p-retry).
 * The public names are in src/index.ts; this lists what the CLI and the tests use together.
 */

export { DEFAULTS } from './defaults.js';
export { deliver } from './deliver.js';
export { USER_AGENT } from './headers.js';
export { planDelivery } from './plan.js';
export { RawEvent, sendMany } from './send-many.js';
export { formatDelivery, formatSummary } from './timeline.js';
export type * from './types.js';
