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

const ACCEPTS = EVENT_TYPES.map((t) => `delivery.accepts.${t}`);

/** The checks that need an accepted baseline: blocked when it is not accepted. */
const NEED_ACCEPTANCE = [
  'payload.nullable-fields',
  'payload.unknown-fields',
  'payload.unknown-event-type',
  'payload.blocking-safe-ip-forms',
  'payload.large',
  'idempotency.duplicate-event-id',
  'load.burst',
];

type Result = ConformanceReport['checks'][number]['result'];
const ids = (report: ConformanceReport, result: Result) =>
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

function expectJudgement(
  report: ConformanceReport,
  expected: { failed: string[]; blocked?: string[]; skipped: string[] },
) {
  const blocked = expected.blocked ?? [];
  expect(ids(report, 'fail')).toEqual([...expected.failed].sort());
  expect(ids(report, 'blocked')).toEqual([...blocked].sort());
  expect(ids(report, 'skip')).toEqual([...expected.skipped].sort());
  expect(report.counts.passed).toBe(
    report.checks.length - expected.failed.length - blocked.length - expected.skipped.length,
  );
}

/** Without credentials: the auth.rejects checks have nothing to enforce, and no certificate on http. */
const NO_AUTH_SKIPS = ['tls.certificate-trusted', 'auth.rejects-missing', 'auth.rejects-wrong'];

describe('conformance against receivers that each break one rule', () => {
  it('names one root cause when the receiver answers 204: the 15 accepts checks fail, the checks needing an accepted delivery are blocked', async () => {
    const report = await check(startAnswers204);
    // auth.required too is not judged: a 204 is the baseline's own failure, not an acceptance.
    expectJudgement(report, {
      failed: ACCEPTS,
      blocked: [...NEED_ACCEPTANCE, 'auth.required'],
      skipped: NO_AUTH_SKIPS,
    });
    expect(report.rootCauses).toHaveLength(1);
    expect(report.rootCauses[0]).toMatchObject({
      id: 'answers-204',
      baseline: true,
      summary: 'answered 204 instead of 200, to every event type',
      failed: 15,
      blocked: NEED_ACCEPTANCE.length + 1,
    });
    expect(report.rootCauses[0]?.advice).toContain('answer exactly 200');
    const blocked = report.checks.find((c) => c.id === 'payload.large')!;
    expect(blocked).toMatchObject({ blockedBy: 'answers-204', probes: [] });
    expect(blocked.summary).toBe('not judged: answered 204 instead of 200');
    // No advice that the evidence does not support.
    const said = JSON.stringify([report.rootCauses, report.checks.map((c) => [c.summary, c.advice])]);
    expect(said).not.toMatch(/body-size limit|ignore properties|unknown propert|null and|null field/);
    expect(report.verdict).toBe('not-ready');
  });

  it('names one root cause when the receiver answers 201, and sends no probe for the blocked checks', async () => {
    const report = await check(startAnswers201);
    expectJudgement(report, {
      failed: ACCEPTS,
      blocked: [...NEED_ACCEPTANCE, 'auth.required'],
      skipped: NO_AUTH_SKIPS,
    });
    expect(report.rootCauses.map((r) => r.id)).toEqual(['answers-201']);
    expect(report.counts.probes).toBe(1 + ACCEPTS.length);
  });

  it('fails both auth checks with one cause, and nothing else, when the receiver accepts requests without the configured auth', async () => {
    const token = 'canary-secret-token-7f3a';
    const report = await check(
      () => startIgnoresAuth({ requireHeader: { name: 'authorization', value: `Bearer ${token}` } }),
      { auth: { type: 'bearer', token } },
    );
    expectJudgement(report, {
      failed: ['auth.rejects-missing', 'auth.rejects-wrong'],
      skipped: ['tls.certificate-trusted', 'auth.required'],
    });
    expect(report.rootCauses).toMatchObject([{ id: 'auth-not-enforced', failed: 2 }]);
    expect(report.rootCauses[0]?.consequence).toContain('rotated or mistyped token');
    expect(JSON.stringify(report)).not.toContain(token);
  });

  it('fails payload.unknown-fields, and auth.required, when the receiver answers 400 to unknown properties', async () => {
    const report = await check(startRejectsUnknownFields);
    expectJudgement(report, { failed: ['payload.unknown-fields', 'auth.required'], skipped: NO_AUTH_SKIPS });
    expect(report.checks.find((c) => c.id === 'payload.unknown-fields')?.advice).toContain(
      'ignore properties you do not know',
    );
  });

  it('fails payload.nullable-fields, and auth.required, when the receiver answers 500 to a null field', async () => {
    const report = await check(startCrashesOnNull);
    expectJudgement(report, { failed: ['payload.nullable-fields', 'auth.required'], skipped: NO_AUTH_SKIPS });
    expect(report.checks.find((c) => c.id === 'payload.nullable-fields')?.advice).toContain('null');
  });

  it('names the timeout once when the receiver answers after it, blocking what a slow answer leaves unjudged', async () => {
    const timeScale = 0.02;
    const report = await check(() => startAnswersLate(timeScale), { timeScale, concurrency: 16 });
    expectJudgement(report, {
      failed: ACCEPTS,
      blocked: [...NEED_ACCEPTANCE, 'delivery.response-time', 'auth.required'],
      skipped: NO_AUTH_SKIPS,
    });
    expect(report.rootCauses[0]).toMatchObject({ id: 'timeout', baseline: true });
    expect(report.rootCauses[0]?.summary).toContain('time scale 0.02: the Console waits 30s');
    const accepts = report.checks.find((c) => c.id === 'delivery.accepts.payment_failed')!;
    expect(accepts.probes[0]?.outcome).toBe('timeout');
  });

  it('fails the blocking_safe_ip checks, and auth.required, when the receiver refuses the flat form', async () => {
    const report = await check(startRejectsFlat);
    expectJudgement(report, {
      failed: ['delivery.accepts.blocking_safe_ip', 'payload.blocking-safe-ip-forms', 'auth.required'],
      skipped: NO_AUTH_SKIPS,
    });
  });

  it('fails payload.unknown-event-type, and auth.required, when the receiver answers 500 to an unknown type', async () => {
    const report = await check(startErrorsOnUnknownType);
    expectJudgement(report, {
      failed: ['payload.unknown-event-type', 'auth.required'],
      skipped: NO_AUTH_SKIPS,
    });
  });

  it('fails idempotency.duplicate-event-id, and auth.required, when the observer sees the receiver act twice', async () => {
    const report = await check(startActsTwice);
    expectJudgement(report, {
      failed: ['idempotency.duplicate-event-id', 'auth.required'],
      skipped: NO_AUTH_SKIPS,
    });
    expect(report.checks.find((c) => c.id === 'idempotency.duplicate-event-id')!.metrics).toEqual({
      acted: 2,
    });
  });
});

describe('conformance against the reference receiver', () => {
  it('passes every check and scores 100 as the embedded default', async () => {
    const report = await runConformance({ embeddedPort: 0 });
    expect(ids(report, 'fail')).toEqual([]);
    expect(report.rootCauses).toEqual([]);
    expect(report.baseline).toMatchObject({ accepted: true });
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
      expect(ids(report, 'skip')).toEqual(['auth.required', 'tls.certificate-trusted']);
      expect(report.score).toBe(100);
      expect(JSON.stringify(report)).not.toContain(token);
    } finally {
      await receiver.close();
    }
  });

  it('takes user:pass written in the URL as the Basic credentials the auth checks vary', async () => {
    const password = 'canary-url-password-0d4e';
    const receiver = await startReceiver({
      host: '127.0.0.1',
      port: 0,
      auth: { type: 'basic', username: 'cs', password },
    });
    try {
      const url = receiver.url.replace('http://', `http://cs:${password}@`);
      const report = await runConformance({ ...LOCAL, url, only: ['auth'] });
      expect(report.target.auth).toBe('basic');
      expect(report.checks.map((c) => [c.id, c.result])).toEqual([
        ['auth.required', 'skip'],
        ['auth.rejects-missing', 'pass'],
        ['auth.rejects-wrong', 'pass'],
      ]);
      expect(JSON.stringify(report)).not.toContain(password);
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
