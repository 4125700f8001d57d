import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../events/catalog.js';
import { generateEvent } from '../events/generator.js';
import { documentedExample } from '../events/schemas.js';
import { ago, duration, summarizeEvent } from './summary.js';

/** The documented example of `type` with some of its details replaced. */
function example(type: string, details: Record<string, unknown> = {}): unknown {
  const event = structuredClone(documentedExample(type as never)) as Record<string, unknown>;
  const target = (event.details ?? event) as Record<string, unknown>;
  Object.assign(target, details);
  return event;
}

const AT = '2025-06-01T12:00:00+00:00';
const ALERT_SOURCE = {
  scope: 'Ip',
  value: '203.0.113.9',
  as_name: 'Free SAS',
  as_number: 12876,
  country: 'FR',
};

describe('summarizeEvent: one sentence per event type', () => {
  it.each([
    [
      'am_i_under_attack',
      example('am_i_under_attack'),
      'Under attack: 42 signals over 2 h, signals up 67.5%, 2 watchers',
    ],
    [
      'alert_triggered',
      example('alert_triggered', {
        source: ALERT_SOURCE,
        scenario: 'crowdsecurity/ssh-bf',
        message:
          "Ip 203.0.113.9 performed 'crowdsecurity/ssh-bf' (12 events over 3.2s) at 2025-06-01 11:59:05 +0000 UTC",
      }),
      'Alert triggered: 203.0.113.9 (FR, AS12876) crowdsecurity/ssh-bf, 12 events',
    ],
    [
      'security_engine_enrolled',
      example('security_engine_enrolled'),
      'Security engine enrolled: 123456777323… (v1.6.3-rc4, ubuntu 22.04)',
    ],
    [
      'security_engine_unenrolled',
      example('security_engine_unenrolled', { version: null, os: null, id: 'engine-7' }),
      'Security engine unenrolled: engine-7',
    ],
    [
      'security_engine_long_pending_enroll',
      example('security_engine_long_pending_enroll', { os: null }),
      'Security engine still waiting to be enrolled: 123456777323… (v1.6.3-rc4)',
    ],
    [
      'firewall_integration_offline',
      example('firewall_integration_offline', { event_timestamp: AT, last_pull: '2025-05-30T12:00:00' }),
      'Firewall integration offline: MyBlocklistIntegration, last pull 2 d ago',
    ],
    [
      'remediation_component_integration_offline',
      example('remediation_component_integration_offline', {
        event_timestamp: AT,
        last_pull: '2025-06-01T11:20:00',
      }),
      'Remediation component integration offline: MyBlocklistIntegration, last pull 40 min ago',
    ],
    [
      'log_processor_no_alerts',
      example('log_processor_no_alerts', { event_timestamp: AT, last_push: '2025-05-29T12:00:00' }),
      'Log processor sent no alerts: MyLogProcessor, last push 3 d ago',
    ],
    [
      'component_outdated',
      example('component_outdated', { nb_security_engine: 1, nb_log_processor: 0 }),
      'Components outdated: 1 security engine, 0 log processors, 10 remediation components',
    ],
    [
      'log_processor_offline',
      example('log_processor_offline', { event_timestamp: AT, last_update: '2025-06-01T11:59:15' }),
      'Log processor offline: MyLogProcessor, last seen 45 s ago',
    ],
    [
      'remediation_component_offline',
      example('remediation_component_offline', { event_timestamp: AT, last_pull: '2025-05-31T06:00:00' }),
      'Remediation component offline: MyRemediationComponent, last pull 30 h ago',
    ],
    [
      'security_engine_no_alerts',
      example('security_engine_no_alerts', { event_timestamp: AT, last_push: '2025-05-25T12:00:00' }),
      'Security engine sent no alerts: MySecurityEngine, last push 7 d ago',
    ],
    [
      'security_engine_offline',
      example('security_engine_offline', {
        name: 'web-01',
        event_timestamp: AT,
        last_login: '2025-05-31T10:00:00',
      }),
      'Security engine offline: web-01, last seen 26 h ago',
    ],
    [
      'blocking_safe_ip',
      example('blocking_safe_ip'),
      'Safe IP blocked: 203.0.113.25 (US, AS64512) ssh-brute-force, known as Example CDN',
    ],
    ['payment_failed', example('payment_failed'), 'Payment failed (organization 12345678-123…)'],
  ])('%s', (_type, payload, sentence) => {
    expect(summarizeEvent(payload)).toBe(sentence);
  });
});

describe('summarizeEvent: payloads that break their schema, and things that are not events', () => {
  it.each([
    [
      'an unknown event type',
      { details: { event_type: 'future_event' } },
      'Unknown event type "future_event"',
    ],
    ['no event_type', { details: { event_id: 'x' } }, 'Not a CrowdSec event (no event_type)'],
    ['a JSON array', [1, 2], 'Not a CrowdSec event (a JSON array)'],
    ['a JSON string', 'hello', 'Not a CrowdSec event (not a JSON object)'],
    [
      'an alert without a source',
      { details: { event_type: 'alert_triggered' } },
      'Alert triggered: unknown source',
    ],
    [
      'an alert whose AS number is null (the AS name stands in) and whose scope is a range',
      example('alert_triggered', {
        source: {
          scope: 'Range',
          value: '198.51.100.0/24',
          as_number: null,
          as_name: 'ExampleNet',
          country: null,
        },
        is_manual_decision: true,
      }),
      'Alert triggered: range 198.51.100.0/24 (ExampleNet) ssh-brute-force, manual decision',
    ],
    [
      'an engine that went offline after the event (the time itself, in UTC)',
      example('security_engine_offline', { event_timestamp: AT, last_login: '2025-06-02T08:00:00' }),
      'Security engine offline: MySecurityEngine, last seen at 2025-06-02 08:00 UTC',
    ],
    [
      'a component without a name, nor a last-seen time',
      example('log_processor_offline', { name: '', last_update: null }),
      'Log processor offline: 123456777323…',
    ],
    [
      'counts that are not numbers',
      example('component_outdated', {
        nb_security_engine: 'many',
        nb_log_processor: null,
        nb_remediation_component: null,
      }),
      'Components outdated',
    ],
  ])('%s', (_what, payload, sentence) => {
    expect(summarizeEvent(payload)).toBe(sentence);
  });

  it('cuts a long field short', () => {
    const long = 'x'.repeat(500);
    const sentence = summarizeEvent(example('security_engine_offline', { name: long }));
    expect(sentence).toContain('x…');
    expect(sentence).not.toContain(long);
  });

  it('cuts the sentence at 200 characters when its fields, each cut, still make it longer', () => {
    const long = 'y'.repeat(300);
    const alert = example('alert_triggered') as { details: { source: Record<string, unknown> } };
    Object.assign(alert.details.source, { value: long, scope: `range${long}`, as_name: long });
    Object.assign(alert.details, { scenario: long });
    const sentence = summarizeEvent(alert);
    expect(sentence).toHaveLength(200);
    expect(sentence.endsWith('…')).toBe(true);
  });

  it('never throws, and names the event, for generated events of every type', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const type of EVENT_TYPES) {
        const sentence = summarizeEvent(generateEvent(type, { seed }));
        expect(sentence.length, type).toBeGreaterThan(10);
        expect(sentence, type).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
  });
});

describe('ago and duration', () => {
  it.each([
    [45_000, '45 s'],
    [89_000, '89 s'],
    [90_000, '2 min'],
    [89 * 60_000, '89 min'],
    [26 * 3_600_000, '26 h'],
    [47 * 3_600_000, '47 h'],
    [48 * 3_600_000, '2 d'],
  ])('%d ms reads %s', (ms, words) => {
    expect(duration(ms)).toBe(words);
  });

  it('reads a time without a zone as UTC', () => {
    expect(ago('2025-06-01T10:00:00', '2025-06-01T12:00:00+00:00')).toBe('2 h ago');
    expect(ago('2025-06-01T10:00:00', '2025-06-01T14:00:00+02:00')).toBe('2 h ago');
  });

  it('falls back to the time itself without a usable reference', () => {
    expect(ago('2025-06-01T10:00:00', null)).toBe('at 2025-06-01 10:00 UTC');
    expect(ago('yesterday', AT)).toBe('at yesterday');
  });
});
