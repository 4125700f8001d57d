import pRetry, { AbortError } from 'p-retry';
import { AbortScope } from './abort-scope.js';
import { type AttemptResult, attemptOnce } from './attempt.js';
import { type EventMeta, eventMetaOf } from './meta.js';
import { type DeliveryPlan, planDelivery } from './plan.js';
import type { AttemptRecord, DeliveryOptions, DeliveryRecord, DeliveryResult } from './types.js';

/** Thrown inside the loop for a failed attempt, so p-retry schedules the next one. */
class FailedAttempt extends Error {
  override name = 'FailedAttempt';
}
/** Thrown inside the loop when the signal stops the delivery. */
class Interrupted extends Error {
  override name = 'Interrupted';
}

/** Per-delivery hooks (the plan is shared; these are not). */
export interface DeliveryHooks {
  signal?: AbortSignal | undefined;
  /** A scope shared by many deliveries on the same signal (sendMany); else one is made here. */
  scope?: AbortScope | undefined;
  onAttempt?: DeliveryOptions['onAttempt'];
}

/**
 * Delivers one event the way the Console does: POST its JSON, and on anything but 200 wait
 * and try again, up to `maxAttempts` in all. Never throws for a failed delivery (that is a
 * result); throws only for bad options, before anything is sent.
 *
 * @example
 * const record = await deliver(event, { url: 'https://hooks.example.com/cs', auth: { type: 'bearer', token } });
 * record.result; // 'delivered' | 'failed' | 'interrupted'
 */
export async function deliver(payload: unknown, options: DeliveryOptions): Promise<DeliveryRecord> {
  return runDelivery(planDelivery(options), JSON.stringify(payload), eventMetaOf(payload), {
    signal: options.signal,
    onAttempt: options.onAttempt,
  });
}

/**
 * The retry loop. p-retry owns it (`retries: maxAttempts - 1`, its own waits off); the waits
 * are ours, through the injectable `sleep`, so fake timers and time scaling reach them. Every
 * failed attempt is classified and recorded (onAttempt) before the wait for the next.
 */
export async function runDelivery(
  plan: DeliveryPlan,
  body: string | Uint8Array,
  meta: EventMeta,
  hooks: DeliveryHooks = {},
): Promise<DeliveryRecord> {
  const { signal, onAttempt } = hooks;
  const scope = hooks.scope ?? new AbortScope(signal);
  const attempts: AttemptRecord[] = [];
  const startedAt = new Date().toISOString();
  const t0 = plan.now();
  let result: DeliveryResult;
  try {
    await pRetry(
      async (attemptNumber) => {
        if (signal?.aborted) throw new AbortError(new Interrupted());
        const startOffsetMs = plan.now() - t0;
        const outcome = await attemptOnce(plan, body, scope);
        if (outcome.aborted) throw new AbortError(new Interrupted());
        const record = toRecord(outcome, attemptNumber, startOffsetMs, plan.delaysMs[attemptNumber - 2] ?? 0);
        attempts.push(record);
        onAttempt?.(record, meta);
        if (outcome.outcome.type !== 'delivered') throw new FailedAttempt(record.label);
      },
      // Every option of p-retry is given, its defaults included: p-retry copies the object and
      // fills in what is missing, and adding properties to that copy changes its shape in V8,
      // which costs more than the rest of the loop; a complete object is copied cheaply.
      {
        retries: plan.maxAttempts - 1,
        minTimeout: 0,
        factor: 1,
        maxTimeout: Number.POSITIVE_INFINITY,
        maxRetryTime: Number.POSITIVE_INFINITY,
        randomize: false,
        shouldRetry: retryAlways,
        shouldConsumeRetry: retryAlways,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (error instanceof FailedAttempt && retriesLeft > 0) {
            await plan.sleep(plan.delaysMs[attemptNumber - 1] ?? 0, signal);
          }
        },
      },
    );
    result = 'delivered';
  } catch (error) {
    if (error instanceof FailedAttempt) result = 'failed';
    else if (error instanceof Interrupted || signal?.aborted) result = 'interrupted';
    else throw error;
  } finally {
    if (!hooks.scope) scope.dispose();
  }
  return {
    eventId: meta.eventId,
    eventType: meta.eventType,
    url: plan.shownUrl,
    result,
    attempts,
    startedAt,
    durationMs: plan.now() - t0,
    requestHeaders: plan.redactedHeaders,
    bodyBytes: Buffer.byteLength(body),
  };
}

function retryAlways(): boolean {
  return true;
}

function toRecord(
  r: AttemptResult,
  attempt: number,
  startOffsetMs: number,
  waitBeforeMs: number,
): AttemptRecord {
  const record: AttemptRecord = {
    attempt,
    startOffsetMs,
    durationMs: r.durationMs,
    waitBeforeMs,
    outcome: r.outcome,
    label: r.label,
  };
  if (r.status !== undefined) record.status = r.status;
  if (r.errorCode !== undefined) record.errorCode = r.errorCode;
  if (r.responseSnippet !== undefined) record.responseSnippet = r.responseSnippet;
  if (r.responseHeaders !== undefined) record.responseHeaders = r.responseHeaders;
  return record;
}
