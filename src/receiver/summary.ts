/**
 * Events in words: one sentence per event, built from its fields, for the inbox list
 * ("Alert triggered: 203.0.113.9 (FR, AS12876) crowdsecurity/ssh-bf, 12 events"). Pure: no
 * clock (ages are measured from the event's own `event_timestamp`), never throws, and reads a
 * payload that breaks its schema as far as it can.
 */
import { type EventType, isEventType } from '../events/catalog.js';
import { detailsOf, eventTypeOf, isObject } from '../events/payload.js';
import { truncate } from '../util/text.js';

type Fields = Record<string, unknown>;

/** Longest piece of a field shown in a sentence (a name, a scenario), and the whole sentence. */
const MAX_PART_CHARS = 64;
const MAX_SENTENCE_CHARS = 200;

const SENTENCES: { [K in EventType]: (d: Fields) => string } = {
  am_i_under_attack: (d) => {
    const report = isObject(d.report_data) ? d.report_data : null;
    const head = report?.is_attack_detected === false ? 'Attack check, none detected' : 'Under attack';
    const rise = num(report?.increased_percentage);
    const signals = count(d.total_signals, 'signal');
    const over = span(d.start_date, d.end_date);
    return join(`${head}:`, [
      signals && over ? `${signals} over ${over}` : signals,
      rise !== null ? `signals ${rise >= 0 ? 'up' : 'down'} ${round1(Math.abs(rise))}%` : null,
      Array.isArray(d.watchers) ? plural(d.watchers.length, 'watcher') : null,
    ]);
  },
  alert_triggered: (d) => `Alert triggered: ${attack(d)}`,
  security_engine_enrolled: (d) => `Security engine enrolled: ${engine(d)}`,
  security_engine_unenrolled: (d) => `Security engine unenrolled: ${engine(d)}`,
  security_engine_long_pending_enroll: (d) => `Security engine still waiting to be enrolled: ${engine(d)}`,
  firewall_integration_offline: (d) => `Firewall integration offline: ${since(d, 'last_pull', 'last pull')}`,
  remediation_component_integration_offline: (d) =>
    `Remediation component integration offline: ${since(d, 'last_pull', 'last pull')}`,
  log_processor_no_alerts: (d) => `Log processor sent no alerts: ${since(d, 'last_push', 'last push')}`,
  component_outdated: (d) =>
    join('Components outdated:', [
      count(d.nb_security_engine, 'security engine'),
      count(d.nb_log_processor, 'log processor'),
      count(d.nb_remediation_component, 'remediation component'),
    ]),
  log_processor_offline: (d) => `Log processor offline: ${since(d, 'last_update', 'last seen')}`,
  remediation_component_offline: (d) =>
    `Remediation component offline: ${since(d, 'last_pull', 'last pull')}`,
  security_engine_no_alerts: (d) => `Security engine sent no alerts: ${since(d, 'last_push', 'last push')}`,
  security_engine_offline: (d) => `Security engine offline: ${since(d, 'last_login', 'last seen')}`,
  blocking_safe_ip: (d) => {
    const known = Array.isArray(d.false_positives)
      ? d.false_positives.map((fp) => (isObject(fp) ? (text(fp.label) ?? text(fp.name)) : null))
      : [];
    const labels = known.filter((l): l is string => l !== null);
    return `Safe IP blocked: ${attack(d)}${labels.length ? `, known as ${cut(labels.join(', '))}` : ''}`;
  },
  payment_failed: (d) => {
    const org = text(d.organization_id);
    return `Payment failed${org ? ` (organization ${shortId(org)})` : ''}`;
  },
};

/**
 * One sentence describing a parsed payload.
 *
 * @example summarizeEvent(alert) // "Alert triggered: 203.0.113.9 (FR, AS12876) crowdsecurity/ssh-bf, 12 events"
 */
export function summarizeEvent(payload: unknown): string {
  const details = detailsOf(payload);
  if (!details)
    return `Not a CrowdSec event (${Array.isArray(payload) ? 'a JSON array' : 'not a JSON object'})`;
  const type = eventTypeOf(payload);
  if (type === null) return 'Not a CrowdSec event (no event_type)';
  if (!isEventType(type)) return `Unknown event type "${cut(type)}"`;
  const sentence = SENTENCES[type](details);
  return truncate(sentence, MAX_SENTENCE_CHARS - 1);
}

/** "203.0.113.9 (FR, AS12876) crowdsecurity/ssh-bf, 12 events" from an alert's source and scenario. */
function attack(d: Fields): string {
  const source = isObject(d.source) ? d.source : {};
  const scope = text(source.scope);
  const value = text(source.value) ?? 'unknown source';
  const who = scope && scope.toLowerCase() !== 'ip' ? `${scope.toLowerCase()} ${value}` : value;
  const asNumber = num(source.as_number);
  const asName = text(source.as_name);
  const where = [
    text(source.country),
    asNumber !== null ? `AS${asNumber}` : asName && truncate(asName, 23),
  ].filter((x) => x !== null);
  const scenario = text(d.scenario);
  // CrowdSec writes the count into the message: "Ip 1.2.3.4 performed 'x' (170 events over 120s) at ...".
  const message = typeof d.message === 'string' ? d.message.slice(0, 1000) : '';
  const events = /\((\d+) events? over /.exec(message)?.[1];
  const manual = d.is_manual_decision === true ? ', manual decision' : '';
  return `${who}${where.length ? ` (${where.join(', ')})` : ''}${scenario ? ` ${scenario}` : ''}${
    events ? `, ${plural(Number(events), 'event')}` : ''
  }${manual}`;
}

/** "a1682a4a118a… (v1.6.4, ubuntu 20.04)": engines that have no name in these events. */
function engine(d: Fields): string {
  const os = isObject(d.os) ? [text(d.os.name), text(d.os.version)].filter((x) => x !== null).join(' ') : '';
  const about = [text(d.version), os || null].filter((x) => x !== null);
  return `${name(d)}${about.length ? ` (${about.join(', ')})` : ''}`;
}

/** "web-01, last seen 26 h ago": a component and how long before the event it was last heard of. */
function since(d: Fields, field: string, words: string): string {
  const last = text(d[field]);
  if (last === null) return name(d);
  return `${name(d)}, ${words} ${ago(last, text(d.event_timestamp))}`;
}

function name(d: Fields): string {
  const named = text(d.name);
  if (named) return named;
  const id = text(d.id);
  return id ? shortId(id) : 'unnamed';
}

/**
 * How long before `at` the time `then` was: "26 h ago". Times without a zone (the Console's
 * `last_*` fields) are read as UTC. Without a usable reference, the time itself.
 */
export function ago(then: string, at: string | null): string {
  const thenMs = parseUtc(then);
  const atMs = at === null ? Number.NaN : parseUtc(at);
  const diffMs = atMs - thenMs;
  if (!Number.isFinite(diffMs) || diffMs < 0) {
    return Number.isFinite(thenMs)
      ? `at ${new Date(thenMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`
      : `at ${cut(then)}`;
  }
  return `${duration(diffMs)} ago`;
}

/** A duration in the largest unit that keeps it readable: 45 s, 12 min, 26 h, 3 d. */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

function span(from: unknown, to: unknown): string | null {
  const a = parseUtc(text(from) ?? '');
  const b = parseUtc(text(to) ?? '');
  return Number.isFinite(b - a) && b >= a ? duration(b - a) : null;
}

function parseUtc(value: string): number {
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  return Date.parse(zoned ? value : `${value}Z`);
}

/** Joins the parts that are there: `head: a, b, c` (just `head` when none is). */
function join(head: string, parts: (string | null)[]): string {
  const present = parts.filter((p): p is string => p !== null && p !== '');
  return present.length ? `${head} ${present.join(', ')}` : head.replace(/:$/, '');
}

function count(value: unknown, noun: string): string | null {
  const n = num(value);
  return n === null ? null : plural(n, noun);
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function round1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : cut(trimmed);
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function cut(value: string): string {
  return truncate(value, MAX_PART_CHARS - 1);
}

/** Long generated ids read better cut: the first 12 characters tell them apart. */
function shortId(id: string): string {
  return id.length > 16 ? truncate(id, 12) : id;
}
