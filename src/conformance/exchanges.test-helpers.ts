/**
 * Recorded exchanges made by hand, for the pure tests of checks and reporters (no socket).
 * A `*.test-helpers.ts` file: beside the tests that use it, left out of the build and the package.
 */

import { outcomeLabel } from '../delivery/label.js';
import type { Outcome } from '../delivery/types.js';
import type { EvalContext, Exchange, Observation, ProbeAuth, ProbePhase, TargetInfo } from './types.js';

export const TARGET: TargetInfo = {
  url: 'https://hooks.example.com/crowdsec',
  protocol: 'https',
  host: 'hooks.example.com',
  port: 443,
  portAllowed: true,
  embedded: false,
  auth: 'bearer',
  insecure: false,
  localRun: false,
  timeoutMs: 30_000,
  consoleTimeoutMs: 30_000,
  timeScale: 1,
  hasObserver: false,
};

export function exchange(
  outcome: Outcome,
  overrides: {
    durationMs?: number;
    auth?: ProbeAuth;
    label?: string;
    index?: number;
    body?: string;
    headers?: Record<string, string>;
    bodyBytes?: number;
    phase?: ProbePhase;
    errorCode?: string;
  } = {},
): Exchange {
  const status = outcome.type === 'status' || outcome.type === 'delivered' ? outcome.status : undefined;
  return {
    checkId: 'test.check',
    phase: overrides.phase ?? 'single',
    index: overrides.index ?? 0,
    label: overrides.label ?? 'alert_triggered (documented example)',
    auth: overrides.auth ?? 'configured',
    eventType: 'alert_triggered',
    eventId: 'c6d468d4f1084ebca84165c33f97fbc4',
    form: 'wrapped',
    startMs: 0,
    record: {
      eventId: 'c6d468d4f1084ebca84165c33f97fbc4',
      eventType: 'alert_triggered',
      url: TARGET.url,
      result: outcome.type === 'delivered' ? 'delivered' : 'failed',
      attempts: [
        {
          attempt: 1,
          startOffsetMs: 0,
          durationMs: overrides.durationMs ?? 5,
          waitBeforeMs: 0,
          outcome,
          label: outcomeLabel(outcome),
          ...(status === undefined ? {} : { status }),
          ...(overrides.body === undefined ? {} : { responseSnippet: overrides.body }),
          ...(overrides.headers === undefined ? {} : { responseHeaders: overrides.headers }),
          ...(overrides.errorCode === undefined ? {} : { errorCode: overrides.errorCode }),
        },
      ],
      startedAt: '2025-01-01T00:00:00.000Z',
      durationMs: overrides.durationMs ?? 5,
      requestHeaders: { 'content-type': 'application/json', authorization: 'Bearer [REDACTED]' },
      bodyBytes: overrides.bodyBytes ?? 1234,
    },
  };
}

export const OK: Outcome = { type: 'delivered', status: 200 };
export const status = (code: number): Outcome => (code === 200 ? OK : { type: 'status', status: code });

export function ctx(
  exchanges: Exchange[],
  extra: {
    target?: Partial<TargetInfo>;
    all?: Exchange[];
    observation?: Observation;
    baseline?: Exchange | null;
  } = {},
): EvalContext {
  return {
    target: { ...TARGET, ...extra.target },
    exchanges,
    all: extra.all ?? exchanges,
    observation: extra.observation ?? { type: 'none' },
    baseline: extra.baseline ?? null,
  };
}
