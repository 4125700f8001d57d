import type { BurstOptions } from '../check-options.js';
import { allAccepted } from '../evidence.js';
import { documented } from '../payloads.js';
import type { Check } from '../types.js';

/** load.burst: an attack raises many alerts at once; every one must get 200. */
export const burst: Check<BurstOptions> = {
  id: 'load.burst',
  title: 'A burst of concurrent deliveries all get 200',
  severity: 'medium',
  rationale:
    'A real attack raises many alerts at once; a receiver that refuses or drops some under load turns each into 4 more attempts, which adds to the load.',
  needs: 'acceptance',
  plan: ({ newEventId }, options) => ({
    type: 'burst',
    probes: Array.from({ length: options.count }, (_, i) => ({
      label: `alert_triggered #${i + 1} of ${options.count}`,
      payload: documented('alert_triggered', newEventId()),
    })),
  }),
  evaluate: ({ exchanges, target }) =>
    allAccepted(
      exchanges,
      target,
      {
        pass: `all ${exchanges.length} concurrent deliveries got 200`,
        fail: (n, total) => `${n} of ${total} concurrent deliveries were not answered 200`,
      },
      {
        hint: {
          what: 'concurrent deliveries',
          fix: 'let concurrent requests through (workers, connection limits, rate limits) and answer each with 200',
        },
      },
    ),
};
