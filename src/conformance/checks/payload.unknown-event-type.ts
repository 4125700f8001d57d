import { allAccepted } from '../evidence.js';
import { FUTURE_EVENT_TYPE, futureEvent } from '../payloads.js';
import type { Check } from '../types.js';

/**
 * payload.unknown-event-type: an event_type no schema documents. Any answer but 200 fails:
 * the Console would send it 5 times in all, for nothing.
 */
export const unknownEventType: Check = {
  id: 'payload.unknown-event-type',
  title: 'Does not answer a future event type with an error',
  severity: 'medium',
  rationale:
    'The Console adds event types over time; refusing one makes the Console retry it 4 times, and an error-answering receiver looks down to its operators.',
  needs: 'acceptance',
  plan: ({ newEventId }) => ({
    type: 'parallel',
    probes: [
      { label: `event_type "${FUTURE_EVENT_TYPE}" (undocumented)`, payload: futureEvent(newEventId()) },
    ],
  }),
  evaluate: ({ exchanges, target }) =>
    allAccepted(
      exchanges,
      target,
      { pass: 'an unknown event type got 200', fail: () => 'an unknown event type was not accepted' },
      {
        expected: '200 (accept and ignore what you do not handle)',
        hint: {
          what: `an event of an unknown type ("${FUTURE_EVENT_TYPE}")`,
          fix: 'answer 200 and ignore (or log) event types you do not handle',
        },
      },
    ),
};
