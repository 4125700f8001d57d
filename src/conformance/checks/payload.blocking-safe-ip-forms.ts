import { allAccepted } from '../evidence.js';
import { documented } from '../payloads.js';
import type { Check } from '../types.js';

/**
 * payload.blocking-safe-ip-forms: the page documents blocking_safe_ip flat (no envelope), unlike
 * the 14 others; nobody outside knows which form the Console really sends, so both must pass.
 */
export const blockingSafeIpForms: Check = {
  id: 'payload.blocking-safe-ip-forms',
  title: 'Accepts blocking_safe_ip both flat (as documented) and wrapped',
  severity: 'medium',
  rationale:
    'The page shows blocking_safe_ip without the {metadata, details} envelope the other events have; a receiver must not depend on either form.',
  needs: 'acceptance',
  plan: ({ newEventId }) => ({
    type: 'parallel',
    probes: [
      {
        label: 'blocking_safe_ip, flat (as documented)',
        payload: documented('blocking_safe_ip', newEventId()),
      },
      {
        label: 'blocking_safe_ip, wrapped in {metadata, details}',
        payload: documented('blocking_safe_ip', newEventId(), { wrapped: true }),
      },
    ],
  }),
  evaluate: ({ exchanges, target }) =>
    allAccepted(
      exchanges,
      target,
      {
        pass: 'both forms got 200',
        fail: (n) =>
          n === 2
            ? 'neither form of blocking_safe_ip was accepted'
            : 'one form of blocking_safe_ip was not accepted',
      },
      {
        expected: '200 for either form',
        hint: {
          what: 'one form of blocking_safe_ip',
          fix: 'read its fields from `details` when present, else from the top level',
        },
      },
    ),
};
