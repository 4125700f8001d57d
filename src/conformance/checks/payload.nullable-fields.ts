import { allAccepted } from '../evidence.js';
import { documented, nullified, WRAPPED_TYPES } from '../payloads.js';
import type { Check, Probe } from '../types.js';

function shortList(paths: readonly string[]): string {
  return paths.length <= 4
    ? paths.join(', ')
    : `${paths.slice(0, 4).join(', ')} and ${paths.length - 4} more`;
}

/**
 * payload.nullable-fields: every type whose schema allows nulls or empty lists, sent with all
 * of them null or empty at once. The 14 enveloped types; blocking_safe_ip's nullable fields are
 * alert_triggered's, and its form has its own check, so a form problem is not blamed here.
 */
export const nullableFields: Check = {
  id: 'payload.nullable-fields',
  title: 'Accepts events whose nullable fields are null and lists empty',
  severity: 'high',
  rationale:
    'The schemas allow null (alert uuid and message, report_data, os, ...) and empty lists; a receiver that crashes on them loses those events after 5 attempts.',
  needs: 'acceptance',
  plan({ newEventId }) {
    const probes: Probe[] = [];
    for (const type of WRAPPED_TYPES) {
      const { payload, paths } = nullified(type, documented(type, newEventId()));
      if (paths.length > 0) probes.push({ label: `${type} with ${shortList(paths)} null/empty`, payload });
    }
    return { type: 'parallel', probes };
  },
  evaluate: ({ exchanges, target }) =>
    allAccepted(
      exchanges,
      target,
      {
        pass: `all ${exchanges.length} events with null fields and empty lists got 200`,
        fail: (n, total) => `${n} of ${total} events with null fields or empty lists were not accepted`,
      },
      {
        expected: '200: null and [] are valid values in these schemas',
        hint: {
          what: 'events whose nullable fields are null and lists empty',
          fix: 'treat null and [] as the valid values the schemas say they are (alert uuid and message, os, report_data, ...)',
        },
      },
    ),
};
