import { formatSizeExactly } from '../../util/format-bytes.js';
import type { LargeOptions } from '../check-options.js';
import { bodyLimitCause, diagnose, isAccepted } from '../diagnose.js';
import { evidenceOf } from '../evidence.js';
import { outcomeOf, statusOf } from '../exchange.js';
import { largeEventOfSize } from '../payloads.js';
import type { Check, CheckOutcome, Exchange, TargetInfo } from '../types.js';

function judge(exchanges: readonly Exchange[], required: number, target: TargetInfo): CheckOutcome {
  const sorted = [...exchanges].sort((a, b) => a.record.bodyBytes - b.record.bodyBytes);
  const accepted = sorted.filter(isAccepted);
  const refused = sorted.find((x) => !isAccepted(x));
  const largest = accepted.at(-1)?.record.bodyBytes;
  const metrics: Record<string, number> = { requiredBytes: required };
  if (largest !== undefined) metrics.largestAcceptedBytes = largest;
  if (refused) {
    metrics.firstRefusedBytes = refused.record.bodyBytes;
    const status = statusOf(refused);
    if (status !== undefined) metrics.firstRefusedStatus = status;
  }
  const evidence = sorted.map((x) =>
    evidenceOf(
      x,
      isAccepted(x) || x.record.bodyBytes > required,
      x.record.bodyBytes > required
        ? '200 (beyond the largest plausible event: measured, not required)'
        : '200',
    ),
  );
  const upTo = largest === undefined ? 'no size' : `every size up to ${formatSizeExactly(largest)}`;
  if (!refused) {
    const summary =
      sorted.length === 1 && largest !== undefined
        ? `accepted an event of ${formatSizeExactly(largest)}, the largest sent: no body-size limit up to it`
        : `accepted ${upTo} (the largest sent)`;
    return { result: 'pass', summary, evidence, metrics };
  }
  const refusedWords = `${formatSizeExactly(refused.record.bodyBytes)}${statusOf(refused) === undefined ? '' : ` with ${statusOf(refused)}`}`;
  if (refused.record.bodyBytes > required) {
    return {
      result: 'pass',
      summary: `accepted ${upTo}; refused ${refusedWords}, larger than any plausible event (${formatSizeExactly(required)})`,
      evidence,
      metrics,
    };
  }
  // A 413, or a connection dropped mid-body after smaller ones went through, is a size limit.
  const sizeLimit =
    statusOf(refused) === 413 || (outcomeOf(refused).type === 'reset' && largest !== undefined);
  const cause = sizeLimit
    ? bodyLimitCause(refused, {
        refusedBytes: refused.record.bodyBytes,
        ...(largest === undefined ? {} : { acceptedBytes: largest }),
      })
    : diagnose(refused, target, {
        what: `an event of ${formatSizeExactly(refused.record.bodyBytes)}`,
        fix: `accept events up to ${formatSizeExactly(required)} at least (no fixed-size buffer or body limit under it)`,
      });
  return {
    result: 'fail',
    summary: `largest accepted: ${largest === undefined ? 'none' : formatSizeExactly(largest)}; refused ${refusedWords}, under the ${formatSizeExactly(required)} an event may reach`,
    evidence,
    metrics,
    cause,
  };
}

/**
 * payload.large: schema-valid am_i_under_attack events (a long attack seen by a large fleet):
 * the largest size first; when it is refused, the sizes from the smallest up, one after the
 * other until the first refusal. The report gives the largest accepted and the first refused,
 * with its status.
 */
export const large: Check<LargeOptions> = {
  id: 'payload.large',
  title: 'Accepts large valid events, up to the largest the Console plausibly sends',
  severity: 'high',
  rationale:
    'A long attack seen by many security engines makes a large body; a body-size limit under it refuses that notification on all 5 attempts, so it is lost.',
  needs: 'acceptance',
  plan: ({ newEventId }, options) => ({
    type: 'sequential',
    // The largest first: when it is accepted, so are the smaller ones, and one probe is enough.
    // Else the walk up from the smallest finds the limit.
    lastFirst: true,
    stopAtFirstFailure: true,
    probes: [...options.sizesBytes]
      .sort((a, b) => a - b)
      .map((bytes) => ({
        label: `am_i_under_attack of ${formatSizeExactly(bytes)}`,
        // Built when sent: one large body in memory at a time, none after the first refusal.
        payload: () => largeEventOfSize(newEventId(), bytes),
      })),
  }),
  evaluate: ({ exchanges, target }, options) =>
    exchanges.length === 0
      ? { result: 'skip', reason: 'no probe was sent' }
      : judge(exchanges, options.requiredBytes, target),
};
