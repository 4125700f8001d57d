import { afterEach, describe, expect, it } from 'vitest';
import { type ConformanceOptions, runConformance } from '../../src/conformance/index.js';
import type { ConformanceReport } from '../../src/conformance/report.js';
import { EVENT_TYPES } from '../../src/events/catalog.js';
import { startReceiver } from '../../src/receiver/index.js';
import { startActsTwice } from '../fixtures/broken-receivers/acts-twice.js';
import { startAnswers201 } from '../fixtures/broken-receivers/answers-201.js';
import { startAnswers204 } from '../fixtures/broken-receivers/answers-204.js';
import { startAnswersLate } from '../fixtures/broken-receivers/answers-late.js';
import { type Fixture, startFixture } from '../fixtures/broken-receivers/base.js';
import { startCrashesOnNull } from '../fixtures/broken-receivers/crashes-on-null.js';
import { startErrorsOnUnknownType } from '../fixtures/broken-receivers/errors-on-unknown-type.js';
import { startIgnoresAuth } from '../fixtures/broken-receivers/ignores-auth.js';
import { startRejectsFlat } from '../fixtures/broken-receivers/rejects-flat-blocking-safe-ip.js';
import { startRejectsUnknownFields } from '../fixtures/broken-receivers/rejects-unknown-fields.js';

// The test receivers listen on 127.0.0.1 and an ephemeral port: the transport checks judge the
// URL, not the receiver's code, so they are left out here (and table-tested on their own).
const LOCAL = { allowAnyPort: true, skip: ['transport'] } satisfies ConformanceOptions;

/** Every check that sends events and expects 200 for them. */
const DELIVERING = [
  ...EVENT_TYPES.map((t) => `delivery.accepts.${t}`),
  'payload.nullable-fields',
  'payload.unknown-fields',
  'payload.unknown-event-type',
  'payload.blocking-safe-ip-forms',
  'payload.large',
  'idempotency.duplicate-event-id',
  'load.burst',
];

const ids = (report: ConformanceReport, result: 'pass' | 'fail' | 'skip') =>
  report.checks
    .filter((c) => c.result === result)
    .map((c) => c.id)
    .sort();

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function check(start: () => Promise<Fixture>, options: ConformanceOptions = {}) {
  fixture = await start();
  const f = fixture;
  return runConformance({ ...LOCAL, url: f.url, observer: (id) => f.actedOn(id), ...options });
}

function expectOnlyFailures(report: ConformanceReport, failing: string[], skipped: string[]) {
  expect(ids(report, 'fail')).toEqual([...failing].sort());
  expect(ids(report, 'skip')).toEqual([...skipped].sort());
  expect(report.counts.passed).toBe(report.checks.length - failing.length - skipped.length);
}

const NO_AUTH_SKIPS = ['tls.certificate-trusted', 'auth.rejects-missing', 'auth.rejects-wrong'];

describe('conformance against receivers that each break one rule', () => {
  it('fails every delivering check, and nothing else, when the receiver answers 204', async () => {
    const report = await check(startAnswers204);
    expectOnlyFailures(report, DELIVERING, NO_AUTH_SKIPS);
    const accepts = report.checks.find((c) => c.id === 'delivery.accepts.alert_triggered')!;
    expect(accepts.summary).toContain('will send this event 4 more times');
    expect(accepts.evidence[0]).toMatchObject({ ok: false, expected: 'exactly 200 within the timeout' });
    expect(report.verdict).toBe('not-ready');
  });

  it('fails every delivering check, and nothing else, when the receiver answers 201', async () => {
    const report = await check(startAnswers201);
    expectOnlyFailures(report, DELIVERING, NO_AUTH_SKIPS);
    expect(
      report.checks.find((c) => c.id === 'load.burst')!.probes.every((p) => p.outcome === 'status-201'),
    ).toBe(true);
  });

  it('fails both auth checks, and nothing else, when the receiver accepts requests without the configured auth', async () => {
    const token = 'canary-secret-token-7f3a';
    const report = await check(
      () => startIgnoresAuth({ requireHeader: { name: 'authorization', value: `Bearer ${token}` } }),
      { auth: { type: 'bearer', token } },
    );
    expectOnlyFailures(report, ['auth.rejects-missing', 'auth.rejects-wrong'], ['tls.certificate-trusted']);
    expect(JSON.stringify(report)).not.toContain(token);
  });

  it('fails payload.unknown-fields, and nothing else, when the receiver answers 400 to unknown properties', async () => {
    const report = await check(startRejectsUnknownFields);
    expectOnlyFailures(report, ['payload.unknown-fields'], NO_AUTH_SKIPS);
  });

  it('fails payload.nullable-fields, and nothing else, when the receiver answers 500 to a null field', async () => {
    const report = await check(startCrashesOnNull);
    expectOnlyFailures(report, ['payload.nullable-fields'], NO_AUTH_SKIPS);
  });

  it('fails the delivering checks and delivery.response-time when the receiver answers after the timeout', async () => {
    const timeScale = 0.02;
    const report = await check(() => startAnswersLate(timeScale), { timeScale, concurrency: 16 });
    expectOnlyFailures(report, [...DELIVERING, 'delivery.response-time'], NO_AUTH_SKIPS);
    const accepts = report.checks.find((c) => c.id === 'delivery.accepts.payment_failed')!;
    expect(accepts.probes[0]?.outcome).toBe('timeout');
  });

  it('fails the blocking_safe_ip checks, and nothing else, when the receiver refuses the flat form', async () => {
    const report = await check(startRejectsFlat);
    expectOnlyFailures(
      report,
      ['delivery.accepts.blocking_safe_ip', 'payload.blocking-safe-ip-forms'],
      NO_AUTH_SKIPS,
    );
  });

  it('fails payload.unknown-event-type, and nothing else, when the receiver answers 500 to an unknown type', async () => {
    const report = await check(startErrorsOnUnknownType);
    expectOnlyFailures(report, ['payload.unknown-event-type'], NO_AUTH_SKIPS);
  });

  it('fails idempotency.duplicate-event-id, and nothing else, when the observer sees the receiver act twice', async () => {
    const report = await check(startActsTwice);
    expectOnlyFailures(report, ['idempotency.duplicate-event-id'], NO_AUTH_SKIPS);
    expect(report.checks.find((c) => c.id === 'idempotency.duplicate-event-id')!.metrics).toEqual({
      acted: 2,
    });
  });
});

describe('conformance against the reference receiver', () => {
  it('passes every check and scores 100 as the embedded default', async () => {
    const report = await runConformance({ embeddedPort: 0 });
    expect(ids(report, 'fail')).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.verdictText).toBe('ready for the Console');
    expect(report.target.embedded).toBe(true);
    // The embedded receiver's own records serve as the observer: it acted once on the duplicate.
    expect(report.checks.find((c) => c.id === 'idempotency.duplicate-event-id')?.metrics).toEqual({
      acted: 1,
    });
  });

  it('falls back to an ephemeral port when the embedded port is taken, skipping the port check with that reason', async () => {
    const blocker = await startFixture();
    try {
      const taken = Number(new URL(blocker.url).port);
      const report = await runConformance({ embeddedPort: taken, only: ['transport.port-allowed', 'load'] });
      expect(report.target.url).not.toContain(`:${taken}/`);
      expect(report.checks[0]).toMatchObject({
        result: 'skip',
        summary: expect.stringContaining(`port ${taken} was taken`),
      });
      expect(report.score).toBe(100);
    } finally {
      await blocker.close();
    }
  });

  it('passes the auth checks with bearer auth configured, and no report carries the token', async () => {
    const token = 'canary-reference-token-19be';
    const receiver = await startReceiver({
      host: '127.0.0.1',
      port: 0,
      auth: { type: 'header', name: 'Authorization', value: `Bearer ${token}` },
    });
    try {
      const report = await runConformance({ ...LOCAL, url: receiver.url, auth: { type: 'bearer', token } });
      expect(ids(report, 'fail')).toEqual([]);
      expect(ids(report, 'skip')).toEqual(['tls.certificate-trusted']);
      expect(report.score).toBe(100);
      expect(JSON.stringify(report)).not.toContain(token);
    } finally {
      await receiver.close();
    }
  });

  it('acts once on a duplicate according to an observer counting deliveries the receiver saw as new', async () => {
    const receiver = await startReceiver({ host: '127.0.0.1', port: 0 });
    try {
      const observer = (eventId: string) =>
        receiver.deliveries().filter((d) => d.eventId === eventId && !d.duplicate).length;
      const report = await runConformance({ ...LOCAL, url: receiver.url, only: ['idempotency'], observer });
      expect(report.checks[0]).toMatchObject({ result: 'pass', metrics: { acted: 1 } });
    } finally {
      await receiver.close();
    }
  });
});
