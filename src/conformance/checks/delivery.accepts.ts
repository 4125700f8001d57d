import { catalogEntry, EVENT_TYPES, type EventType } from '../../events/catalog.js';
import { diagnose, type Hint, isAccepted } from '../diagnose.js';
import { describeReceived, evidenceOf } from '../evidence.js';
import { documented } from '../payloads.js';
import type { Check, CheckOutcome, Exchange, TargetInfo } from '../types.js';

/**
 * delivery.accepts.<event_type>: the page's example of each type, sent once, must get exactly
 * 200 within the timeout. blocking_safe_ip goes flat, as documented (its wrapped form is
 * payload.blocking-safe-ip-forms). The 15 checks share this one file: they differ by type only.
 * They are judged whatever the baseline showed: they are the failures the Console would see.
 */
export function acceptsCheck(type: EventType): Check {
  const entry = catalogEntry(type);
  return {
    id: `delivery.accepts.${type}`,
    title: `Accepts "${entry.title}" (${type})`,
    severity: 'critical',
    rationale:
      'Only 200 counts as delivered: any other answer, a 201 or 204 included, makes the Console send the event again, up to 5 times, then drop it.',
    plan: ({ newEventId }) => ({
      type: 'parallel',
      probes: [
        {
          label: `${type} (documented example${entry.form === 'flat' ? ', flat' : ''})`,
          payload: documented(type, newEventId()),
        },
      ],
    }),
    evaluate: ({ exchanges, target }) =>
      judgeAccepted(exchanges, target, {
        what: `the documented ${type} example`,
        fix: `accept the ${type} event as the page documents it`,
      }),
  };
}

/** The verdict of an accepts check: its one probe got exactly 200; `hint` names the event sent. */
export function judgeAccepted(exchanges: readonly Exchange[], target: TargetInfo, hint: Hint): CheckOutcome {
  const x = exchanges[0];
  if (!x) return { result: 'skip', reason: 'no probe was sent' };
  const expected = 'exactly 200 within the timeout';
  if (isAccepted(x)) {
    return {
      result: 'pass',
      summary: `answered ${describeReceived(x, { body: false })}`,
      evidence: [evidenceOf(x, true, expected)],
    };
  }
  const cause = diagnose(x, target, hint);
  return { result: 'fail', summary: cause.summary, evidence: [evidenceOf(x, false, expected)], cause };
}

/** One check per documented type, in the page's order. */
export const ACCEPTS_CHECKS: readonly Check[] = EVENT_TYPES.map(acceptsCheck);
