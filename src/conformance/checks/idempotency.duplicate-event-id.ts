import { consoleNext, describeReceived, evidenceOf, isDelivered } from '../evidence.js';
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
  defaults: {},
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
  evaluate({ exchanges, observation }): CheckOutcome {
    const [first, second] = exchanges;
    if (!first || !second) return { result: 'skip', reason: 'the two deliveries were not both sent' };
    const evidence: Evidence[] = [
      evidenceOf(first, isDelivered(first), '200'),
      evidenceOf(second, isDelivered(second), '200 again'),
    ];
    if (!isDelivered(first) || !isDelivered(second)) {
      const bad = isDelivered(first) ? second : first;
      return {
        result: 'fail',
        summary: `${bad === first ? 'the first delivery' : 'the redelivery'} answered ${describeReceived(bad)}; ${consoleNext(bad)}`,
        evidence,
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
          summary: `the receiver acted ${acted} times on one event; remember details.event_id and skip what you have done`,
          evidence,
          metrics: { acted },
        };
  },
};
