import type { EventSchemas } from '../events/custom/registry.js';
import { generateEvents } from '../events/generator.js';
import type { SendSpec } from './types.js';

/** Scenarios are reproducible: without a seed, events come from this one. */
const DEFAULT_SEED = 1;

/**
 * The events a scenario sends, in order: `count` of the given type, or of each type in the
 * page's order for `all`. Seeded, so a run sends the same event_ids every time.
 */
export function payloadsFor(specs: readonly SendSpec[], schemas?: EventSchemas): unknown[] {
  const out: unknown[] = [];
  for (const spec of specs) {
    const options = {
      count: spec.count,
      seed: spec.seed ?? DEFAULT_SEED,
      ...(spec.wrapped !== undefined ? { wrapped: spec.wrapped } : {}),
      schemas,
    };
    for (const payload of generateEvents(spec.event, options)) out.push(payload);
  }
  return out;
}
