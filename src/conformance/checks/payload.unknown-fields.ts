import { allAccepted } from '../evidence.js';
import { documented, UNKNOWN_FIELD, WRAPPED_TYPES, withUnknownFields } from '../payloads.js';
import type { Check } from '../types.js';

/**
 * payload.unknown-fields: each enveloped type with an extra property at every level. No schema
 * forbids extra properties, so the Console may add one any day.
 */
export const unknownFields: Check = {
  id: 'payload.unknown-fields',
  title: 'Accepts events with extra, unknown properties',
  severity: 'high',
  rationale:
    'The schemas do not forbid extra properties: when the Console adds a field, a strict receiver starts refusing every event.',
  needs: 'acceptance',
  plan: ({ newEventId }) => ({
    type: 'parallel',
    probes: WRAPPED_TYPES.map((type) => ({
      label: `${type} with "${UNKNOWN_FIELD}" at every level`,
      payload: withUnknownFields(documented(type, newEventId())),
    })),
  }),
  evaluate: ({ exchanges, target }) =>
    allAccepted(
      exchanges,
      target,
      {
        pass: `all ${exchanges.length} events with unknown properties got 200`,
        fail: (n, total) => `${n} of ${total} events with an unknown property were not accepted`,
      },
      {
        expected: '200: unknown properties are to be ignored',
        hint: {
          what: `events with an unknown property ("${UNKNOWN_FIELD}")`,
          fix: 'ignore properties you do not know instead of refusing the event (no schema forbids them)',
        },
      },
    ),
};
