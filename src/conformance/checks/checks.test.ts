import { describe, expect, it } from 'vitest';
import { CHECK_OPTION_DEFAULTS } from '../check-options.js';
import { ctx, exchange, OK, status } from '../exchanges.test-helpers.js';
import { rejectsMissing } from './auth.rejects-missing.js';
import { acceptsCheck } from './delivery.accepts.js';
import { responseTime } from './delivery.response-time.js';
import { duplicateEventId } from './idempotency.duplicate-event-id.js';
import { certificateTrusted } from './tls.certificate-trusted.js';
import { portAllowed } from './transport.port-allowed.js';
import { privateHostReason, publicAddress } from './transport.public-address.js';

const accepts = acceptsCheck('alert_triggered');

describe('delivery.accepts', () => {
  it('passes on exactly 200', () => {
    expect(accepts.evaluate(ctx([exchange(OK)]), {}).result).toBe('pass');
  });

  it.each([201, 202, 204, 301, 400, 500])(
    'fails on %i, with a cause saying the Console will send the event 4 more times',
    (code) => {
      const outcome = accepts.evaluate(ctx([exchange(status(code))]), {});
      expect(outcome.result).toBe('fail');
      if (outcome.result !== 'fail') return;
      expect(outcome.cause?.id).toBe(`answers-${code}`);
      expect(outcome.cause?.consequence).toContain(`treats ${code} as a failure`);
      expect(outcome.cause?.consequence).toContain('will send this event 4 more times');
      expect(outcome.evidence[0]).toMatchObject({ ok: false, expected: 'exactly 200 within the timeout' });
    },
  );

  it('fails on a 200 whose body says it refused, which the Console would count as delivered', () => {
    const outcome = accepts.evaluate(ctx([exchange(OK, { body: 'Hook rules were not satisfied.' })]), {});
    expect(outcome.result === 'fail' && outcome.cause?.id).toBe('refusal-in-200');
  });

  it('fails on a timeout with the timeout in the evidence', () => {
    const outcome = accepts.evaluate(ctx([exchange({ type: 'timeout' }, { durationMs: 30_000 })]), {});
    expect(outcome.result === 'fail' && outcome.evidence[0]?.received).toContain('timeout');
  });
});

describe('auth.rejects-*', () => {
  it.each<[number, 'pass' | 'fail']>([
    [401, 'pass'],
    [403, 'pass'],
    [404, 'pass'],
    [500, 'pass'],
    [200, 'fail'],
    [204, 'fail'],
  ])('judges %i as %s', (code, result) => {
    expect(rejectsMissing.evaluate(ctx([exchange(status(code), { auth: 'none' })]), {}).result).toBe(result);
  });

  it('notes that 401 or 403 would be clearer when another refusal comes back', () => {
    const outcome = rejectsMissing.evaluate(ctx([exchange(status(404), { auth: 'none' })]), {});
    expect(outcome.result === 'pass' && outcome.summary).toContain('401 or 403 would say why');
  });

  it('skips when no HTTP answer came back', () => {
    expect(rejectsMissing.evaluate(ctx([exchange({ type: 'reset' }, { auth: 'none' })]), {}).result).toBe(
      'skip',
    );
  });

  it('plans nothing and skips with a reason when no credentials are configured', () => {
    const plan = rejectsMissing.plan(
      { target: { ...ctx([]).target, auth: 'none' }, newEventId: () => 'x' },
      {},
    );
    expect(plan).toMatchObject({ type: 'skip', reason: expect.stringContaining('--bearer') });
  });
});

describe('transport checks', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['localhost', 'a loopback name'],
    ['10.1.2.3', 'a private address'],
    ['172.20.0.5', 'a private address'],
    ['192.168.1.10', 'a private address'],
    ['169.254.1.1', 'a link-local address'],
    ['[::1]', 'a loopback address'],
    ['fd12::1', 'a unique local (private) address'],
    ['receiver', expect.stringContaining('single-label')],
    ['hooks.internal', 'a local-network name'],
  ])('calls %s %s', (host, reason) => {
    expect(privateHostReason(host)).toEqual(reason);
  });

  it.each(['hooks.example.com', '203.0.113.25', '172.32.0.1', '2001:db8::1'])(
    'finds nothing wrong with %s',
    (host) => {
      expect(privateHostReason(host)).toBeNull();
    },
  );

  it.each([
    [['10.0.0.5'], 'a name that resolves to 10.0.0.5, a private address'],
    [['203.0.113.9', '192.168.0.7'], 'a name that resolves to 192.168.0.7, a private address'],
    [['::ffff:127.0.0.1'], 'a name that resolves to ::ffff:127.0.0.1, a loopback address'],
    [['FE80::1'], 'a name that resolves to FE80::1, a link-local address'],
  ])('judges a public-looking name by the addresses it resolved to: %j', (addresses, reason) => {
    expect(privateHostReason('hooks.example.com', addresses)).toBe(reason);
  });

  it('passes a name whose addresses are all public, showing them in the evidence', () => {
    const target = { host: 'hooks.example.com', addresses: ['203.0.113.9', '2001:db8::9'] };
    const outcome = publicAddress.evaluate(ctx([], { target }), {});
    expect(outcome.result).toBe('pass');
    if (outcome.result !== 'pass') return;
    expect(outcome.evidence[0]?.received).toBe(
      'host hooks.example.com (resolves to 203.0.113.9, 2001:db8::9)',
    );
  });

  it('fails transport.public-address for a public-looking name that resolves to a private address', () => {
    const outcome = publicAddress.evaluate(
      ctx([], { target: { host: 'hooks.example.com', addresses: ['10.9.8.7'] } }),
      {},
    );
    expect(outcome.result).toBe('fail');
    if (outcome.result !== 'fail') return;
    expect(outcome.summary).toContain('resolves to 10.9.8.7, a private address');
  });

  it('fails transport.public-address with low severity for a loopback URL', () => {
    const outcome = publicAddress.evaluate(ctx([], { target: { host: '127.0.0.1' } }), {});
    expect([publicAddress.severity, outcome.result]).toEqual(['low', 'fail']);
  });

  it('fails transport.port-allowed on port 3000, naming the allowed ports', () => {
    const outcome = portAllowed.evaluate(ctx([], { target: { port: 3000, portAllowed: false } }), {});
    expect(outcome.result === 'fail' && outcome.summary).toContain('80, 8080, 443, 8443');
  });

  it('makes both transport findings warnings on a declared local run, saying what the Console calls', () => {
    const target = { port: 3000, portAllowed: false, host: '127.0.0.1', localRun: true };
    const port = portAllowed.evaluate(ctx([], { target }), {});
    const address = publicAddress.evaluate(ctx([], { target }), {});
    expect([port.result, address.result]).toEqual(['warn', 'warn']);
    expect(port.result === 'warn' && port.cause?.advice).toContain('80, 8080, 443 or 8443');
  });

  it('skips transport.port-allowed with the reason the run gives', () => {
    const outcome = portAllowed.evaluate(ctx([], { target: { portSkipReason: 'ephemeral port' } }), {});
    expect(outcome).toEqual({ result: 'skip', reason: 'ephemeral port' });
  });
});

describe('tls.certificate-trusted', () => {
  it('skips an http destination', () => {
    const plan = certificateTrusted.plan(
      { target: { ...ctx([]).target, protocol: 'http' }, newEventId: () => 'x' },
      {},
    );
    expect(plan.type).toBe('skip');
  });

  it('fails on a self-signed certificate, advising a public CA or "disable SSL verification"', () => {
    const outcome = certificateTrusted.evaluate(ctx([exchange({ type: 'tls', reason: 'self-signed' })]), {});
    expect(outcome.result).toBe('fail');
    expect(outcome.result === 'fail' && outcome.cause?.advice).toContain('disable SSL verification');
  });

  it('warns instead of failing under --insecure, still naming the exact problem', () => {
    const certificate = {
      subject: 'hooks.example.com',
      names: ['hooks.example.com'],
      issuer: 'Local CA',
      validFrom: '2024-01-01T00:00:00.000Z',
      validTo: '2025-01-01T00:00:00.000Z',
      selfSigned: false,
      chainLength: 1,
    };
    const outcome = certificateTrusted.evaluate(
      ctx([exchange({ type: 'tls', reason: 'expired' })], { target: { insecure: true, certificate } }),
      {},
    );
    expect(outcome.result).toBe('warn');
    expect(outcome.result === 'warn' && outcome.summary).toContain('expired on 2025-01-01');
    expect(outcome.result === 'warn' && outcome.cause?.advice).toContain('renew');
  });

  it('passes when any HTTP answer came back over a verified handshake', () => {
    expect(certificateTrusted.evaluate(ctx([exchange(status(404))]), {}).result).toBe('pass');
  });
});

describe('delivery.response-time', () => {
  const run = (durations: number[], timeScale = 1) =>
    responseTime.evaluate(
      ctx([], { all: durations.map((d) => exchange(OK, { durationMs: d })), target: { timeScale } }),
      CHECK_OPTION_DEFAULTS['delivery.response-time'],
    );

  it('passes with p50 and p95 in its metrics when answers are fast', () => {
    const outcome = run([10, 20, 30, 40, 50]);
    expect(outcome).toMatchObject({ result: 'pass', metrics: { p50Ms: 30, p95Ms: 50 } });
  });

  it('fails when p95 reaches the limit', () => {
    expect(run([...Array(18).fill(100), 12_000, 12_000]).result).toBe('fail');
  });

  it('scales the limit with the time scale', () => {
    expect(run([150, 150], 0.01).result).toBe('fail');
    expect(run([50, 50], 0.01).result).toBe('pass');
  });

  it('judges single probes and reports the burst apart', () => {
    const all = [
      exchange(OK, { durationMs: 20 }),
      exchange(OK, { durationMs: 30, phase: 'baseline' }),
      ...Array.from({ length: 10 }, () => exchange(OK, { durationMs: 15_000, phase: 'burst' })),
    ];
    const outcome = responseTime.evaluate(ctx([], { all }), CHECK_OPTION_DEFAULTS['delivery.response-time']);
    expect(outcome).toMatchObject({ result: 'pass', metrics: { p95Ms: 30, burstP95Ms: 15_000, samples: 2 } });
  });

  it('says the limit is scaled, with the Console figure beside it', () => {
    const outcome = run([150, 150], 0.01);
    expect(outcome.result === 'fail' && outcome.evidence[0]?.expected).toContain(
      'p95 under 100ms (time scale 0.01: 10s for the Console)',
    );
  });

  it('counts a timed-out probe at the timeout', () => {
    const all = [exchange({ type: 'timeout' }, { durationMs: 10 })];
    const outcome = responseTime.evaluate(ctx([], { all }), CHECK_OPTION_DEFAULTS['delivery.response-time']);
    expect(outcome).toMatchObject({ result: 'fail', metrics: { p95Ms: 30_000, timeouts: 1 } });
  });
});

describe('idempotency.duplicate-event-id', () => {
  const both = [exchange(OK, { index: 0 }), exchange(OK, { index: 1 })];

  it('passes on two 200s without an observer, saying the effect was not observed', () => {
    const outcome = duplicateEventId.evaluate(ctx(both), {});
    expect(outcome.result === 'pass' && outcome.summary).toContain('not observed');
  });

  it('fails when the observer counts two actions', () => {
    const observation = { type: 'count', eventId: 'e', count: 2 } as const;
    expect(duplicateEventId.evaluate(ctx(both, { observation }), {}).result).toBe('fail');
  });

  it('passes when the observer counts one action', () => {
    const observation = { type: 'count', eventId: 'e', count: 1 } as const;
    expect(duplicateEventId.evaluate(ctx(both, { observation }), {}).result).toBe('pass');
  });

  it('fails when the redelivery does not get 200, advising to answer 200 to a redelivery too', () => {
    const outcome = duplicateEventId.evaluate(ctx([exchange(OK), exchange(status(409), { index: 1 })]), {});
    expect(outcome.result === 'fail' && outcome.summary).toMatch(/^the redelivery: refused .* with 409/);
    expect(outcome.result === 'fail' && outcome.cause?.advice).toContain('answer 200 to a redelivery too');
  });

  it('names the acting twice as its own cause', () => {
    const observation = { type: 'count', eventId: 'e', count: 2 } as const;
    const outcome = duplicateEventId.evaluate(ctx(both, { observation }), {});
    expect(outcome.result === 'fail' && outcome.cause?.id).toBe('not-idempotent');
  });
});
