import { diagnose, isAccepted } from '../diagnose.js';
import { evidenceOf } from '../evidence.js';
import { documented } from '../payloads.js';
import type { Check, CheckOutcome, Evidence } from '../types.js';

const NOT_OBSERVED =
  'the effect was not observed (give runConformance an `observer` to check that the receiver acted once)';

/**
 * idempotency.duplicate-event-id: the same event sent twice. The Console redelivers whenever an
 * answer is lost or late, so the second copy must get 200 again, and, when the user gives an
 * observer, must not be acted on a second time. details.event_id is the only key the Console
 * documents.
 */
export const duplicateEventId: Check = {
  id: 'idempotency.duplicate-event-id',
  title: 'A redelivered event (same event_id) gets 200 and takes effect once',
  severity: 'high',
  rationale:
    'The Console sends an event again whenever an answer is lost or late, so receivers see duplicates; acting twice means two tickets or two chat messages.',
  needs: 'acceptance',
  plan({ newEventId }) {
    const payload = documented('alert_triggered', newEventId());
    return {
      type: 'sequential',
      observe: true,
      probes: [
        { label: 'alert_triggered, first delivery', payload },
        { label: 'the same alert_triggered again (same event_id)', payload },
      ],
    };
  },
  evaluate({ exchanges, observation, target }): CheckOutcome {
    const [first, second] = exchanges;
    if (!first || !second) return { result: 'skip', reason: 'the two deliveries were not both sent' };
    const evidence: Evidence[] = [
      evidenceOf(first, isAccepted(first), '200'),
      evidenceOf(second, isAccepted(second), '200 again'),
    ];
    if (!isAccepted(first) || !isAccepted(second)) {
      const bad = isAccepted(first) ? second : first;
      const cause = diagnose(bad, target, {
        what:
          bad === first
            ? 'the first delivery of an event'
            : 'the redelivery of an event it had accepted (same event_id)',
        fix: 'answer 200 to a redelivery too, and skip the work already done for that event_id',
      });
      return {
        result: 'fail',
        summary: `${bad === first ? 'the first delivery' : 'the redelivery'}: ${cause.summary}`,
        evidence,
        cause,
      };
    }
    if (observation.type === 'none') {
      return { result: 'pass', summary: `both deliveries got 200; ${NOT_OBSERVED}`, evidence };
    }
    if (observation.type === 'error') {
      return {
        result: 'skip',
        reason: `the observer failed, so the effect is unknown: ${observation.message}`,
      };
    }
    const acted = observation.count;
    evidence.push({
      probe: 'observer',
      ok: acted === 1,
      sent: `observer("${observation.eventId}")`,
      received: `acted ${acted} time${acted === 1 ? '' : 's'}`,
      expected: 'acted exactly once',
      consoleNext: 'the Console will redeliver whenever an answer is lost or late',
    });
    return acted === 1
      ? {
          result: 'pass',
          summary: 'both deliveries got 200 and the receiver acted once',
          evidence,
          metrics: { acted },
        }
      : {
          result: 'fail',
          summary: `the receiver acted ${acted} times on one event`,
          evidence,
          metrics: { acted },
          cause: {
            id: 'not-idempotent',
            summary: `acted ${acted} times on one event delivered twice (same event_id)`,
            advice:
              'remember each details.event_id you have acted on and skip the work for one seen before (still answering 200)',
            consequence:
              'the Console redelivers whenever an answer is lost or late: every such event becomes two tickets or two messages',
          },
        };
  },
};
