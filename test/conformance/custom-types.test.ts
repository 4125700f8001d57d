import { describe, expect, it } from 'vitest';
import { withCustomAccepts } from '../../src/conformance/checks/delivery.accepts.custom.js';
import { ALL_CHECKS } from '../../src/conformance/registry.js';
import type { TargetInfo } from '../../src/conformance/types.js';
import { loadEventSchemas } from '../../src/events/custom/load.js';
import { validateEvent } from '../../src/events/validator.js';
import { API_KEY_EXPIRED, SUSPICIOUS_LOGIN_FLAT } from '../events/custom/fixtures.js';

const target = {} as TargetInfo;
let n = 0;
const newEventId = () => `${String(++n).padStart(32, 'f')}`;

describe('delivery.accepts for custom types', async () => {
  const schemas = await loadEventSchemas([API_KEY_EXPIRED, { schema: SUSPICIOUS_LOGIN_FLAT }]);

  it('adds one check per custom type right after the documented types, and leaves the list alone without schemas', () => {
    expect(withCustomAccepts(ALL_CHECKS, undefined)).toBe(ALL_CHECKS);
    const ids = withCustomAccepts(ALL_CHECKS, schemas).map((c) => c.id);
    const at = ids.indexOf('delivery.accepts.payment_failed');
    expect(ids.slice(at, at + 3)).toEqual([
      'delivery.accepts.payment_failed',
      'delivery.accepts.api_key_expired',
      'delivery.accepts.suspicious_login',
    ]);
    expect(ids).toHaveLength(ALL_CHECKS.length + 2);
    expect(ids).toContain('payload.unknown-event-type');
  });

  it('probes with a valid payload of the type and a fresh event_id: the example, else a generated event', () => {
    const checks = withCustomAccepts(ALL_CHECKS, schemas);
    for (const [type, label] of [
      ['api_key_expired', "api_key_expired (its schema's example)"],
      ['suspicious_login', 'suspicious_login (generated from its schema, flat)'],
    ] as const) {
      const plan = checks.find((c) => c.id === `delivery.accepts.${type}`)!.plan({ target, newEventId }, {});
      expect(plan.type).toBe('parallel');
      const [probe] = (plan as { probes: { label: string; payload: unknown }[] }).probes;
      expect(probe!.label).toBe(label);
      const result = validateEvent(probe!.payload, { schemas });
      expect(result).toMatchObject({
        valid: true,
        eventType: type,
        eventId: `${String(n).padStart(32, 'f')}`,
      });
    }
  });

  it('replaces the check of a documented type a schema redefines, in place', async () => {
    const alert = {
      type: 'object',
      title: 'AlertTriggeredV2',
      properties: { event_type: { const: 'alert_triggered' }, severity: { enum: ['low', 'high'] } },
      required: ['event_type', 'severity'],
    };
    const redefined = await loadEventSchemas({ schema: alert, label: 'v2.json' }, { override: true });
    const checks = withCustomAccepts(ALL_CHECKS, redefined);
    expect(checks.map((c) => c.id)).toEqual(ALL_CHECKS.map((c) => c.id));
    const check = checks.find((c) => c.id === 'delivery.accepts.alert_triggered')!;
    expect(check.title).toBe('Accepts "AlertTriggeredV2" (alert_triggered, from v2.json)');
    const plan = check.plan({ target, newEventId }, {}) as { probes: { payload: unknown }[] };
    expect(validateEvent(plan.probes[0]!.payload, { schemas: redefined }).valid).toBe(true);
  });
});
