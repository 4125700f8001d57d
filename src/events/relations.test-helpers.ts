/**
 * The realism relations a schema cannot express, checked explicitly per event type. Returns the
 * list of broken relations (empty when the event keeps them all).
 */
import { isIP } from 'node:net';
import { ENGINE_VERSIONS, SCENARIOS } from './realism/data.js';
import { PLACES } from './realism/geo-data.js';

type Obj = Record<string, unknown>;

const HEX32 = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const ZONELESS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;
const VERSION = /^v\d+\.\d+(\.\d+)?(-rc\d+)?$/;
const MACHINE_ID = /^[0-9a-f]{32}[0-9a-z]{16}$/;
const HOUR = 3_600_000;
const COUNTRIES = new Set(Object.keys(PLACES));
const CITIES = new Set(Object.values(PLACES).flatMap((ps) => ps.map((p) => p.city)));
const SCENARIO_NAMES = new Set(SCENARIOS.map((s) => s.name));

const SILENCE: Record<string, [string, number]> = {
  firewall_integration_offline: ['last_pull', 24],
  remediation_component_integration_offline: ['last_pull', 24],
  log_processor_offline: ['last_update', 24],
  remediation_component_offline: ['last_pull', 24],
  log_processor_no_alerts: ['last_push', 48],
  security_engine_no_alerts: ['last_push', 48],
  security_engine_offline: ['last_login', 48],
};

export function checkRelations(type: string, payload: Obj, nowMs: number): string[] {
  const broken: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  const d = (type === 'blocking_safe_ip' && !('details' in payload) ? payload : payload.details) as Obj;
  const t = (s: unknown) => Date.parse(String(s));
  expect(HEX32.test(String(d.event_id)), 'event_id is 32 hex digits');
  expect(UUID.test(String(d.organization_id)), 'organization_id is a UUID');
  expect(RFC3339.test(String(d.event_timestamp)), 'event_timestamp is RFC 3339');
  const eventMs = t(d.event_timestamp);
  expect(eventMs <= nowMs && eventMs >= nowMs - HOUR, 'event_timestamp is within the hour before the clock');
  if (type === 'am_i_under_attack') amIUnderAttack(d, expect, t);
  if (type === 'alert_triggered' || type === 'blocking_safe_ip') alert(type, d, expect, t, eventMs);
  if ('os' in d && d.os !== null) {
    const os = d.os as Obj;
    expect(
      typeof os === 'object' && typeof os.name === 'string' && typeof os.version === 'string',
      'os is {name, version}',
    );
  }
  if (type.startsWith('security_engine') || type.startsWith('log_processor')) {
    expect(MACHINE_ID.test(String(d.id)), 'id looks like a machine id');
  }
  if ('version' in d && d.version !== null) {
    expect(VERSION.test(String(d.version)), `version looks like v1.6.3 (${d.version})`);
    if (type.startsWith('security_engine') || type.startsWith('log_processor')) {
      expect(ENGINE_VERSIONS.includes(String(d.version)), 'engine version is a released one');
    }
  }
  const silence = SILENCE[type];
  if (silence) {
    const [field, hours] = silence;
    const last = String(d[field]);
    expect(ZONELESS.test(last), `${field} is in the zone-less documented style`);
    expect(eventMs - t(`${last}Z`) >= hours * HOUR, `${field} is at least ${hours} h before the event`);
  }
  if (type === 'component_outdated') {
    const counts = [d.nb_remediation_component, d.nb_log_processor, d.nb_security_engine] as number[];
    expect(
      counts.every((n) => Number.isInteger(n) && n >= 0),
      'component counts are whole numbers',
    );
    expect(
      counts.some((n) => n > 0),
      'at least one component is outdated',
    );
  }
  return broken;
}

type Expect = (ok: boolean, what: string) => void;

function amIUnderAttack(d: Obj, expect: Expect, t: (s: unknown) => number): void {
  const start = t(d.start_date);
  const end = t(d.end_date);
  expect(start <= end, 'start_date <= end_date');
  expect(end <= t(d.event_timestamp), 'the window ends before the event');
  const segments = d.segments_with_anomaly as string[];
  expect(
    segments.every((s) => t(s) >= start && t(s) <= end),
    'anomaly segments lie inside the window',
  );
  const watchers = d.watchers as { total_signals: number }[];
  expect(
    watchers.reduce((sum, w) => sum + w.total_signals, 0) === d.total_signals,
    'watcher totals add up to total_signals',
  );
  const r = d.report_data as Obj | null;
  if (r) {
    expect(r.attack_length === (end - start) / 1000, 'attack_length = end - start in seconds');
    const first = t(r.first_detection_date);
    const last = t(r.last_detection_date);
    expect(start <= first && first <= last && last <= end, 'detections lie inside the window, first <= last');
    expect(
      (r.unique_detections as number) <= (r.total_detections as number),
      'unique_detections <= total_detections',
    );
  }
}

function alert(type: string, d: Obj, expect: Expect, t: (s: unknown) => number, eventMs: number): void {
  expect(t(d.start_at) <= t(d.stop_at), 'start_at <= stop_at');
  expect(t(d.stop_at) <= eventMs, 'the attack stopped before the event');
  if (type === 'alert_triggered')
    expect(SCENARIO_NAMES.has(String(d.scenario)), 'scenario is a real CrowdSec scenario');
  else expect(/^crowdsecurity\/[\w-]+$/.test(String(d.scenario)), 'scenario is a real CrowdSec scenario');
  const target = d.target as Obj;
  expect(isIP(String(target.ip)) !== 0, 'target.ip is an IPv4 or IPv6 address');
  const s = d.source as Obj;
  if (s.scope === 'ip') expect(isIP(String(s.value)) !== 0, 'source.value is an IP address when scope is ip');
  else if (s.scope === 'range') {
    const [net, bits] = String(s.value).split('/');
    expect(
      isIP(String(net)) !== 0 && Number(bits) >= 0 && Number(bits) <= 128,
      'source.value is a CIDR range when scope is range',
    );
  } else expect(false, `source.scope is ip or range (${String(s.scope)})`);
  if (s.country !== null) expect(COUNTRIES.has(String(s.country)), 'country is a known ISO code');
  if (s.city !== null) expect(CITIES.has(String(s.city)), 'city is a known city');
  if (s.latitude !== null) expect(Math.abs(s.latitude as number) <= 90, 'latitude in range');
  if (s.longitude !== null) expect(Math.abs(s.longitude as number) <= 180, 'longitude in range');
  if (s.as_number !== null) {
    const n = s.as_number as number;
    expect(Number.isInteger(n) && n > 0 && n < 2 ** 32, 'as_number is a valid AS number');
  }
  if (s.as_name !== null) expect(typeof s.as_name === 'string' && s.as_name.length > 0, 'as_name is a name');
  const confidence = d.scenario_confidence as number;
  expect(
    Number.isInteger(confidence) && confidence >= 0 && confidence <= 100,
    'scenario_confidence in 0..100',
  );
  if (type === 'blocking_safe_ip' && Array.isArray(d.false_positives)) {
    expect(
      (d.false_positives as Obj[]).every((fp) => /^[a-z]+:[\w]+$/.test(String(fp.name))),
      'false positive names look like category:name',
    );
  }
}
