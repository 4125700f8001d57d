/**
 * The Console's documented webhook events, in the order, sections and words of its "Webhook"
 * documentation page. This module is data only (no ajv, no schema files) so that listing the
 * events costs nothing at start-up. test/events/catalog.test.ts checks it against
 * schemas/index.json, which scripts/extract-schemas.ts derives from the page.
 */
import { UnknownEventTypeError } from '../errors.js';

/** The 15 documented event types, in the page's order. */
export const EVENT_TYPES = [
  'am_i_under_attack',
  'alert_triggered',
  'security_engine_enrolled',
  'security_engine_unenrolled',
  'security_engine_long_pending_enroll',
  'firewall_integration_offline',
  'remediation_component_integration_offline',
  'log_processor_no_alerts',
  'component_outdated',
  'log_processor_offline',
  'remediation_component_offline',
  'security_engine_no_alerts',
  'security_engine_offline',
  'blocking_safe_ip',
  'payment_failed',
] as const;

/** One of the 15 documented event types (`event_type` of a payload). */
export type EventType = (typeof EVENT_TYPES)[number];

/** The page's three categories; a notification rule picks one. */
export type EventSection = 'Threat Hunting' | 'Stack' | 'Admin';

export interface CatalogEntry {
  readonly type: EventType;
  /** The `title` of the event's schema (of `details`, or of the root for the flat form). */
  readonly schemaTitle: string;
  readonly section: EventSection;
  /** The page's human title, e.g. "Is Attacked". */
  readonly title: string;
  /** The page's one-line description; '' when the page gives none (see `note`). */
  readonly description: string;
  /** Why something is missing, when it is. */
  readonly note?: string;
  /** How the page documents the payload: inside the `{metadata, details}` envelope, or flat. */
  readonly form: 'wrapped' | 'flat';
}

const e = (
  type: EventType,
  schemaTitle: string,
  section: EventSection,
  title: string,
  description: string,
  extra: Partial<Pick<CatalogEntry, 'note' | 'form'>> = {},
): CatalogEntry =>
  Object.freeze({ type, schemaTitle, section, title, description, form: 'wrapped', ...extra });

/** Every documented event with its section, title and description, in the page's order. */
export const EVENT_CATALOG: readonly CatalogEntry[] = Object.freeze([
  e(
    'am_i_under_attack',
    'AmIUnderAttack',
    'Threat Hunting',
    'Is Attacked',
    'Your organization is under attack, known as the am I under attack feature documentation',
  ),
  e(
    'alert_triggered',
    'AlertTriggered',
    'Threat Hunting',
    'Alert Triggered',
    'Your enrolled engines have detected malicious activity and the payload of the webhook contains information surrounding the alert.',
  ),
  e(
    'security_engine_enrolled',
    'SecurityEngineEnrolled',
    'Stack',
    'Security Engine Enrolled',
    'A engine has been accepted to be enrolled within your organization or personal account',
  ),
  e(
    'security_engine_unenrolled',
    'SecurityEngineUnenrolled',
    'Stack',
    'Security Engine Unenrolled',
    'Security engine has been removed from your organization or personal account',
  ),
  e(
    'security_engine_long_pending_enroll',
    'LongPendingEnroll',
    'Stack',
    'Security Engine Long Pending Enroll',
    '',
    {
      note: 'The page gives no description for this event.',
    },
  ),
  e(
    'firewall_integration_offline',
    'FirewallIntegrationOffline',
    'Stack',
    'Firewall Integration Offline',
    'A Firewall Integration has been classified as offline.',
  ),
  e(
    'remediation_component_integration_offline',
    'RemediationComponentIntegrationOffline',
    'Stack',
    'Remediation Component Integration Offline',
    'A Remediation Component Integration has been classified as offline.',
  ),
  e(
    'log_processor_no_alerts',
    'LogProcessorNoAlerts',
    'Stack',
    'Log Processor No Alerts',
    'A Log Processor has not pushed any alerts for over 48 hours.',
  ),
  e(
    'component_outdated',
    'ComponentOutdated',
    'Stack',
    'CrowdSec Stack Component Outdated',
    'A CrowdSec Stack Component is outdated.',
  ),
  e(
    'log_processor_offline',
    'LogProcessorOffline',
    'Stack',
    'Log Processor Offline',
    'A Log Processor has been offline for more than 24 hours.',
  ),
  e(
    'remediation_component_offline',
    'RemediationComponentOffline',
    'Stack',
    'Remediation Component Offline',
    'A Remediation Component has not pulled from the Security Engine in over 24 hours.',
  ),
  e(
    'security_engine_no_alerts',
    'SecurityEngineNoAlerts',
    'Stack',
    'Security Engine No Alerts',
    'A Security Engine has not pushed any alerts for over 48 hours.',
  ),
  e(
    'security_engine_offline',
    'SecurityEngineOffline',
    'Stack',
    'Security Engine Offline',
    'A Security Engine has been offline for more than 48 hours.',
  ),
  e(
    'blocking_safe_ip',
    'BlockingSafeIP',
    'Stack',
    'Blocking Known Safe IP',
    'A known safe or legitimate IP address was blocked (false positive)',
    { form: 'flat' },
  ),
  e(
    'payment_failed',
    'PremiumPaymentFailed',
    'Admin',
    'Payment Failed',
    'A payment attempt for your enterprise subscription failed.',
  ),
]);

/** The page's sections, in its order. */
export const EVENT_SECTIONS: readonly EventSection[] = Object.freeze(['Threat Hunting', 'Stack', 'Admin']);

/**
 * Events the Console lists in its notification rules without documenting a payload. They are
 * never emitted: inventing a payload would teach receivers a shape the Console may not send.
 */
export const UNDOCUMENTED_EVENTS: readonly { section: EventSection; title: string; note: string }[] =
  Object.freeze([
    {
      section: 'Admin',
      title: 'API Key Expired',
      note: 'listed by the Console as an Admin notification, but the webhook page documents no payload for it, so it is not emitted',
    },
  ]);

const TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES);
const BY_TYPE = new Map(EVENT_CATALOG.map((entry) => [entry.type, entry]));

/** True when `s` is one of the 15 documented event types. */
export function isEventType(s: unknown): s is EventType {
  return typeof s === 'string' && TYPE_SET.has(s);
}

/** Returns `s` as an EventType, or throws UnknownEventTypeError listing the valid ones. */
export function assertEventType(s: string): EventType {
  if (!isEventType(s)) throw new UnknownEventTypeError(s, EVENT_TYPES);
  return s;
}

/** The catalog entry of a documented type. */
export function catalogEntry(type: EventType): CatalogEntry {
  return BY_TYPE.get(type)!;
}
