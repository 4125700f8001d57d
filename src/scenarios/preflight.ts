/**
 * Before scenarios run against the user's receiver: one plain documented alert_triggered, sent
 * once with the user's credentials and TLS settings. A receiver that does not accept it would
 * fail every scenario for that one reason (a missing token makes 17 scenarios read "expected
 * delivered, got status-401"), so the run stops with that reason instead.
 */
import { inspectCertificate } from '../delivery/certificate.js';
import { DEFAULTS } from '../delivery/defaults.js';
import { deliver } from '../delivery/deliver.js';
import { type Cause, diagnose, isAccepted, type Subject } from '../delivery/diagnose.js';
import { checkDestination } from '../delivery/ports.js';
import { documentedExample } from '../events/schemas.js';
import type { PreflightResult, ScenarioTarget } from './types.js';

/** The least timeout of the preflight: a tiny time scale must not judge a healthy receiver on one stall. */
const MIN_PREFLIGHT_TIMEOUT_MS = 2000;

export async function preflight(
  target: ScenarioTarget,
  timeScale: number,
  signal?: AbortSignal,
): Promise<PreflightResult> {
  const payload = documentedExample('alert_triggered');
  (payload.details as Record<string, unknown>).event_id = crypto.randomUUID().replaceAll('-', '');
  const timeoutMs = Math.max(DEFAULTS.timeoutMs * timeScale, MIN_PREFLIGHT_TIMEOUT_MS);
  const record = await deliver(payload, {
    url: target.url,
    ...(target.auth ? { auth: target.auth } : {}),
    insecure: target.insecure ?? false,
    ...(target.ca === undefined ? {} : { ca: target.ca }),
    maxAttempts: 1,
    timeoutMs,
    allowAnyPort: true,
    ...(signal ? { signal } : {}),
  });
  const attempt = record.attempts[0];
  if (!attempt) return { accepted: false, outcome: 'not-sent' };
  const subject: Subject = { attempt, bodyBytes: record.bodyBytes, credentials: 'configured' };
  if (isAccepted(subject)) return { accepted: true, outcome: attempt.label };
  const { url, port } = checkDestination(target.url, { allowAnyPort: true });
  const certificate =
    attempt.outcome.type === 'tls'
      ? await inspectCertificate(url.hostname, port, {
          ...(target.ca === undefined ? {} : { ca: target.ca }),
          timeoutMs: MIN_PREFLIGHT_TIMEOUT_MS,
        })
      : undefined;
  const cause: Cause = diagnose(subject, {
    host: url.hostname,
    port,
    auth: target.auth?.type ?? 'none',
    timeoutMs,
    consoleTimeoutMs: DEFAULTS.timeoutMs,
    timeScale: timeoutMs / DEFAULTS.timeoutMs,
    ...(certificate ? { certificate } : {}),
  });
  return { accepted: false, outcome: attempt.label, cause };
}
