import { describe, expect, it } from 'vitest';
import { CHECK_OPTION_DEFAULTS, type CheckId, resolveCheckOptions } from './check-options.js';
import { CHECKS } from './registry.js';

function codeAndMessage(fn: () => unknown): { code?: string; message?: string } {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  return {};
}

describe('resolveCheckOptions', () => {
  it('gives every check with options its defaults when none are given', () => {
    expect(resolveCheckOptions(undefined)).toEqual(CHECK_OPTION_DEFAULTS);
  });

  it('lays the given options over the defaults, one option at a time', () => {
    const resolved = resolveCheckOptions({
      'payload.large': { requiredBytes: 500_000 },
      'load.burst': { count: 5 },
    });
    expect(resolved['payload.large']).toEqual({
      sizesBytes: CHECK_OPTION_DEFAULTS['payload.large'].sizesBytes,
      requiredBytes: 500_000,
    });
    expect(resolved['load.burst']).toEqual({ count: 5 });
    expect(resolved['delivery.response-time']).toEqual({ p95LimitMs: 10_000 });
  });

  it.each([
    [{ 'load.brust': { count: 5 } }, /"load\.brust" takes no options \(checks with options: load\.burst, /],
    [{ 'payload.unknown-fields': {} }, /"payload\.unknown-fields" takes no options/],
    [{ 'load.burst': { cout: 5 } }, /\['load\.burst'\]: unknown option "cout" \(allowed: count\)/],
    [{ 'load.burst': { count: 0 } }, /\['load\.burst'\]\.count: 0 is not allowed/],
    [
      { 'payload.large': { sizesBytes: [1000, 500] } },
      /sizesBytes: \[1000,500\] is not allowed \(allowed: whole numbers of bytes, ascending/,
    ],
    [{ 'delivery.response-time': { p95LimitMs: -1 } }, /p95LimitMs: -1 is not allowed/],
    [
      { 'payload.large': { sizesBytes: [32768] } },
      /largest of sizesBytes \(32768\) is under requiredBytes \(1000000\)/,
    ],
    [
      { 'payload.large': { requiredBytes: 2_000_000 } },
      /largest of sizesBytes \(1100000\) is under requiredBytes/,
    ],
    [{ 'load.burst': 5 }, /\['load\.burst'\]: expected an object/],
    [[], /expected an object of options by check id/],
  ])('refuses %j with ERR_INVALID_OPTION, naming what is allowed', (given, message) => {
    const refused = codeAndMessage(() => resolveCheckOptions(given));
    expect(refused.code).toBe('ERR_INVALID_OPTION');
    expect(refused.message).toMatch(message);
  });
});

describe('CheckId', () => {
  it('names every check in the registry, in report order', () => {
    // The union itself is a type; this list is held to it both ways (a check missing here, or
    // an id the union does not have, fails the compile or the test).
    const ids = [
      'transport.port-allowed',
      'transport.public-address',
      'tls.certificate-trusted',
      'delivery.accepts.am_i_under_attack',
      'delivery.accepts.alert_triggered',
      'delivery.accepts.security_engine_enrolled',
      'delivery.accepts.security_engine_unenrolled',
      'delivery.accepts.security_engine_long_pending_enroll',
      'delivery.accepts.firewall_integration_offline',
      'delivery.accepts.remediation_component_integration_offline',
      'delivery.accepts.log_processor_no_alerts',
      'delivery.accepts.component_outdated',
      'delivery.accepts.log_processor_offline',
      'delivery.accepts.remediation_component_offline',
      'delivery.accepts.security_engine_no_alerts',
      'delivery.accepts.security_engine_offline',
      'delivery.accepts.blocking_safe_ip',
      'delivery.accepts.payment_failed',
      'delivery.response-time',
      'payload.nullable-fields',
      'payload.unknown-fields',
      'payload.unknown-event-type',
      'payload.blocking-safe-ip-forms',
      'payload.large',
      'auth.required',
      'auth.rejects-missing',
      'auth.rejects-wrong',
      'idempotency.duplicate-event-id',
      'load.burst',
    ] as const satisfies readonly CheckId[];
    const whole: Exclude<CheckId, (typeof ids)[number]> extends never ? true : false = true;
    expect(whole).toBe(true);
    expect(CHECKS.map((c) => c.id)).toEqual(ids);
  });
});
