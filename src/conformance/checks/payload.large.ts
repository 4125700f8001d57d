import { allDelivered } from '../evidence.js';
import { largeEvent } from '../payloads.js';
import type { Check } from '../types.js';

export interface LargeOptions {
  /** Anomaly segments in the large am_i_under_attack. @default 500 */
  segments: number;
  /** Watcher reports in it. @default 300 */
  watchers: number;
}

export const LARGE_DEFAULTS: LargeOptions = { segments: 500, watchers: 300 };

/** payload.large: a long attack seen by a big fleet, still schema-valid. */
export const large: Check<LargeOptions> = {
  id: 'payload.large',
  title: 'Accepts a large valid event',
  severity: 'medium',
  rationale:
    'A long attack seen by many security engines makes a large body; a tight body-size limit or a fixed buffer would refuse it every time.',
  defaults: LARGE_DEFAULTS,
  plan: ({ newEventId }, options) => ({
    type: 'parallel',
    probes: [
      {
        label: `am_i_under_attack with ${options.segments} anomaly segments and ${options.watchers} watchers`,
        payload: largeEvent(newEventId(), options),
      },
    ],
  }),
  evaluate: ({ exchanges }) =>
    allDelivered(
      exchanges,
      {
        pass: 'the large event got 200',
        fail: () => 'the large event was refused; raise the body-size limit of the receiver',
      },
      '200',
    ),
};
