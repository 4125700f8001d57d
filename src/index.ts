/**
 * crowdsec-webhook-mock: the CrowdSec Console's webhook notifications on demand, as a library.
 *
 * This file is the whole public API of the main entry point: named exports only, each
 * documented where it is defined (TSDoc with an example) and in docs/api.md (a test keeps the
 * two in step). Anything not exported here is internal and may change in any release.
 * Matchers and fixtures for vitest live in `crowdsec-webhook-mock/vitest`, the container helper
 * in `crowdsec-webhook-mock/testcontainers`: their peer dependencies are never loaded from here.
 *
 * @example
 * ```ts
 * import { deliver, generateEvent, runConformance, startReceiver, validateEvent } from 'crowdsec-webhook-mock';
 *
 * const receiver = await startReceiver();
 * const event = generateEvent('alert_triggered', { seed: 7 });
 * validateEvent(event).valid; // true
 * const record = await deliver(event, { url: receiver.url, allowAnyPort: true });
 * record.result; // 'delivered'
 * (await runConformance({ url: receiver.url, allowAnyPort: true })).verdict; // 'ready'
 * await receiver.close();
 * ```
 * @packageDocumentation
 */

// --- Conformance: score a receiver against the Console's behaviour ---------------------------
export type { ConformanceOptions } from './conformance/options.js';
export { CHECKS } from './conformance/registry.js';
export type { CheckReport, ConformanceReport, ProbeReport } from './conformance/report.js';
export { renderHtml } from './conformance/reporters/html.js';
export { renderJson } from './conformance/reporters/json.js';
export { renderJunit } from './conformance/reporters/junit.js';
export { renderText, type TextOptions } from './conformance/reporters/text.js';
export { runConformance } from './conformance/runner.js';
export { SEVERITY_WEIGHTS } from './conformance/score.js';
export type { Evidence, Severity } from './conformance/types.js';
// --- Delivery: the Console's policy, one event or many ---------------------------------------
// --- Delivery: the Console's policy, one event or many ---------------------------------------
export { backoffDelaysMs, backoffDelaysMs } from './delivery/backoff.js';
export { DEFAULTS as DELIVERY_DEFAULTS, DEFAULTS as DELIVERY_DEFAULTS } from './delivery/defaults.js';
export { deliver, deliver } from './delivery/deliver.js';
export { explainOutcome, explainOutcome } from './delivery/explain.js';
export { USER_AGENT, USER_AGENT } from './delivery/headers.js';
export { outcomeLabel, outcomeLabel } from './delivery/label.js';
export {
  ALLOWED_PORTS,
  ALLOWED_PORTS,
  checkDestination,
  checkDestination,
  type Destination,
  type Destination,
  isPortAllowed,
  isPortAllowed,
} from './delivery/ports.js';
export { sendMany, sendMany } from './delivery/send-many.js';
export type {
  AttemptRecord,
  AttemptRecord,
  Auth,
  Auth,
  BackoffOptions,
  BackoffOptions,
  DeliveryOptions,
  DeliveryOptions,
  DeliveryRecord,
  DeliveryRecord,
  DeliveryResult,
  DeliveryResult,
  Outcome,
  Outcome,
  OutcomeType,
  OutcomeType,
  SendManyOptions,
  SendManyOptions,
  SendSummary,
  SendSummary,
  TlsReason,
  TlsReason,
} from './delivery/types.js';
// --- Errors: one base class, a stable code for each situation --------------------------------
// --- Errors: one base class, a stable code for each situation --------------------------------
export {
  CswmError,
  CswmError,
  type ErrorCode,
  type ErrorCode,
  ErrorCodes,
  ErrorCodes,
  InvalidEventError,
  InvalidEventError,
  InvalidOptionError,
  InvalidOptionError,
  InvalidScenarioError,
  InvalidScenarioError,
  InvalidUrlError,
  InvalidUrlError,
  isCswmError,
  isCswmError,
  PortNotAllowedError,
  PortNotAllowedError,
  UnknownEventTypeError,
  UnknownEventTypeError,
  UnreadableFileError,
  UnreadableFileError,
} from './errors.js';
// --- Events: the catalog (types, sections, titles), in the page's order -----------------------
// --- Events: the catalog (types, sections, titles), in the page's order -----------------------
export {
  assertEventType,
  assertEventType,
  type CatalogEntry,
  type CatalogEntry,
  catalogEntry,
  catalogEntry,
  EVENT_CATALOG,
  EVENT_CATALOG,
  EVENT_SECTIONS,
  EVENT_SECTIONS,
  EVENT_TYPES,
  EVENT_TYPES,
  type EventSection,
  type EventSection,
  type EventType,
  type EventType,
  isEventType,
  isEventType,
  UNDOCUMENTED_EVENTS,
  UNDOCUMENTED_EVENTS,
} from './events/catalog.js';
export {
  exampleEvent,
  exampleEvent,
  type GenerateManyOptions,
  type GenerateManyOptions,
  type GenerateOptions,
  type GenerateOptions,
  generateEvent,
  generateEvent,
  generateEvents,
  generateEvents,
} from './events/generator.js';
// --- Events: generation, validation, reading payloads ------------------------------------------
// --- Events: generation, validation, reading payloads ------------------------------------------
export {
  eventIdOf,
  eventIdOf,
  eventTypeOf,
  eventTypeOf,
  formOf,
  formOf,
  type PayloadForm,
  type PayloadForm,
} from './events/payload.js';
// --- Events: the payload types, derived from the Console's schemas ------------------------------
// The generic names only: per-type shapes are `EventPayload<'alert_triggered'>` and
// `EventDetailsByType['alert_triggered']`, so no name here depends on a schema's title.
// --- Events: the payload types, derived from the Console's schemas ------------------------------
export {
  type AIUAAnomalyReport,
  type AIUAWatcherReport,
  type AlertBehavior,
  type AlertSource,
  type AlertTarget,
  type AlertTriggered,
  type AlertTriggeredEvent,
  type AmIUnderAttack,
  type AmIUnderAttackEvent,
  type BlockingSafeIP,
  type ComponentOutdated,
  type ComponentOutdatedEvent,
  type ConsoleEvent,
  type ConsoleEvent,
  type ConsoleEventDetails,
  type ConsoleEventDetails,
  type DocumentedPayloadByType,
  type DocumentedPayloadByType,
  type EventDetailsByType,
  type EventDetailsByType,
  type EventMetadata,
  type EventMetadata,
  type EventPayload,
  type EventPayload,
  type FalsePositive,
  type FirewallIntegrationOffline,
  type FirewallIntegrationOfflineEvent,
  isEventOfType,
  isEventOfType,
  type LogProcessorNoAlerts,
  type LogProcessorNoAlertsEvent,
  type LogProcessorOffline,
  type LogProcessorOfflineEvent,
  type LongPendingEnroll,
  type LongPendingEnrollEvent,
  type OperatingSystem,
  type PremiumPaymentFailed,
  type PremiumPaymentFailedEvent,
  type RemediationComponentIntegrationOffline,
  type RemediationComponentIntegrationOfflineEvent,
  type RemediationComponentOffline,
  type RemediationComponentOfflineEvent,
  type SecurityEngineEnrolled,
  type SecurityEngineEnrolledEvent,
  type SecurityEngineNoAlerts,
  type SecurityEngineNoAlertsEvent,
  type SecurityEngineOffline,
  type SecurityEngineOfflineEvent,
  type SecurityEngineUnenrolled,
  type SecurityEngineUnenrolledEvent,
  type WrappedBlockingSafeIPEvent,
  type WrappedBlockingSafeIPEvent,
} from './events/types.generated.js';
export { type ValidationError, type ValidationResult, validateEvent } from './events/validator.js';
// --- Receiver: the fault-injecting mock and reference receiver -------------------------------
export { TLS_MODES, type TlsMode } from './receiver/certs.js';
export { explainFault, explainRule } from './receiver/faults.js';
export { startReceiver } from './receiver/server.js';
export type {
  Fault,
  FaultRule,
  FaultType,
  Receiver,
  ReceiverAuth,
  ReceiverOptions,
  RecordedDelivery,
  Response as ReceiverResponse,
} from './receiver/types.js';
// --- Scenarios: scripted failure reproduction ------------------------------------------------
export { listScenarios, loadScenario } from './scenarios/catalog.js';
export { parseScenario } from './scenarios/parse.js';
export { type RunScenarioOptions, runScenario } from './scenarios/run.js';
export type { ExpectationResult, Scenario, ScenarioInfo, ScenarioResult } from './scenarios/types.js';

// --- Durations as the command line writes them ------------------------------------------------
export { formatDurationMs, parseDurationMs } from './util/duration.js';
