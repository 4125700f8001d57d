/** The delivery engine: the Console's policy as pure functions, one attempt, the retry loop, many events. */

export { backoffDelaysMs } from './backoff.js';
export { type AttemptEvidence, classifyAttempt } from './classify.js';
export { DEFAULTS } from './defaults.js';
export { type DeliveryHooks, deliver, deliverBody, runDelivery } from './deliver.js';
export { explainOutcome } from './explain.js';
export { buildRequestIdentity, USER_AGENT } from './headers.js';
export { createJournal, type Journal } from './journal.js';
export { outcomeLabel } from './label.js';
export { type EventMeta, eventMetaOf } from './meta.js';
export { type DeliveryPlan, planDelivery, sleep } from './plan.js';
export { ALLOWED_PORTS, checkDestination, type Destination, effectivePort, isPortAllowed } from './ports.js';
export { RawEvent, sendMany } from './send-many.js';
export { formatAttempt, formatDelivery, formatSummary, type Paint } from './timeline.js';
export type * from './types.js';
