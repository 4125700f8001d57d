/**
 * crowdsec-webhook-mock: the CrowdSec Console's webhook notifications on demand, as a library.
 *
 * This file is the whole public API of the main entry point: named exports only, each
 * documented in docs/api.md with an example (a test keeps the two in step) and with TSDoc
 * where it is defined. Anything not exported here is internal and may change in any release.
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

export {
  type BurstOptions,
  CHECK_OPTION_DEFAULTS,
  type CheckGroup,
  type CheckId,
  type CheckOptions,
  type CheckOptionsById,
  type CheckSelector,
  type LargeOptions,
  type ResponseTimeOptions,
} from './conformance/check-options.js';
export type { ConformanceOptions } from './conformance/options.js';
export { CHECKS } from './conformance/registry.js';
export type {
  BaselineReport,
  CheckReport,
  ConformanceReport,
  ProbeReport,
  RootCause,
} from './conformance/report.js';
export { renderHtml } from './conformance/reporters/html.js';
export { renderJson } from './conformance/reporters/json.js';
export { renderJunit } from './conformance/reporters/junit.js';
export { renderText, type TextOptions } from './conformance/reporters/text.js';
export { runConformance } from './conformance/runner.js';
export { SEVERITY_WEIGHTS } from './conformance/score.js';
export type { CertificateInfo, Evidence, Severity } from './conformance/types.js';
export { backoffDelaysMs } from './delivery/backoff.js';
export { DEFAULTS as DELIVERY_DEFAULTS } from './delivery/defaults.js';
export { deliver } from './delivery/deliver.js';
export { explainOutcome } from './delivery/explain.js';
export { USER_AGENT } from './delivery/headers.js';
export { outcomeLabel } from './delivery/label.js';
export { ALLOWED_PORTS, checkDestination, type Destination, isPortAllowed } from './delivery/ports.js';
export { sendMany } from './delivery/send-many.js';
export type {
  AttemptRecord,
  Auth,
  BackoffOptions,
  DeliveryOptions,
  DeliveryRecord,
  DeliveryResult,
  Outcome,
  OutcomeType,
  SendManyOptions,
  SendSummary,
  TlsReason,
} from './delivery/types.js';
export {
  CswmError,
  type ErrorCode,
  ErrorCodes,
  InvalidEventError,
  InvalidOptionError,
  InvalidScenarioError,
  InvalidSchemaError,
  InvalidUrlError,
  isCswmError,
  PortNotAllowedError,
  UnknownEventTypeError,
  UnreadableFileError,
} from './errors.js';
export {
  assertEventType,
  type CatalogEntry,
  catalogEntry,
  EVENT_CATALOG,
  EVENT_SECTIONS,
  EVENT_TYPES,
  type EventSection,
  type EventType,
  isEventType,
  UNDOCUMENTED_EVENTS,
} from './events/catalog.js';
export type { SchemaDraft } from './events/custom/ajv.js';
export type { SchemaLayout } from './events/custom/analyze.js';
export {
  type EventSchemaSource,
  type LoadEventSchemasOptions,
  loadEventSchemas,
} from './events/custom/load.js';
export type { CustomEventType, EventSchemas } from './events/custom/registry.js';
export {
  exampleEvent,
  type GenerateManyOptions,
  type GenerateOptions,
  generateEvent,
  generateEvents,
} from './events/generator.js';
export { eventIdOf, eventTypeOf, formOf, type PayloadForm } from './events/payload.js';
// The generic payload types only: one type's shapes are `EventPayload<'alert_triggered'>` and
// `EventDetailsByType['alert_triggered']`, so no public name depends on a schema's title.
export {
  type ConsoleEvent,
  type ConsoleEventDetails,
  type DocumentedPayloadByType,
  type EventDetailsByType,
  type EventMetadata,
  type EventPayload,
  isEventOfType,
  type WrappedBlockingSafeIPEvent,
} from './events/types.generated.js';
export {
  type ValidateOptions,
  type ValidationError,
  type ValidationResult,
  validateEvent,
} from './events/validator.js';
export { type ProfilePolicy, senderProfileOptions } from './profile/apply.js';
export { loadSenderProfile } from './profile/read.js';
export type { Probe, SenderProfile } from './profile/types.js';
export { TLS_MODES, type TlsMode } from './receiver/certs.js';
export type { LearnOptions } from './receiver/learn.js';
export { startReceiver } from './receiver/server.js';
export type {
  Fault,
  FaultRule,
  FaultType,
  Receiver,
  ReceiverAuth,
  ReceiverOptions,
  ReceiverResponse,
  RecordedDelivery,
} from './receiver/types.js';
export { listScenarios, loadScenario } from './scenarios/catalog.js';
export { parseScenario } from './scenarios/parse.js';
export { type RunScenarioOptions, runScenario } from './scenarios/run.js';
export { type RunScenariosOptions, runScenarios } from './scenarios/run-many.js';
export type {
  ExpectationResult,
  PreflightResult,
  Scenario,
  ScenarioInfo,
  ScenarioResult,
  ScenarioRunSummary,
  ScenarioTarget,
} from './scenarios/types.js';
