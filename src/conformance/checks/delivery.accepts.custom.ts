import { type EventSchemas, internalsOf } from '../../events/custom/registry.js';
import { generateEvent } from '../../events/generator.js';
import { detailsOf } from '../../events/payload.js';
import { validateEvent } from '../../events/validator.js';
import type { Check } from '../types.js';
import { acceptsCheck, judgeAccepted } from './delivery.accepts.js';

/**
 * delivery.accepts.<type> for the custom types of `schemas` (`cswm check --schema FILE`): the
 * schema's own example when it gives one, else a seeded generated event, sent once with a fresh
 * event_id; judged exactly as the documented types' (the evaluation is theirs, reused).
 */
function customAcceptsCheck(schemas: EventSchemas, index: number): Check {
  const info = schemas.entries[index]!;
  const documented = acceptsCheck('payment_failed');
  return {
    ...documented,
    id: `delivery.accepts.${info.type}`,
    evaluate: ({ exchanges, target }) =>
      judgeAccepted(exchanges, target, {
        what: `the ${info.type} event (from ${info.file})`,
        fix: `accept the ${info.type} event as its schema describes it`,
      }),
    title: `Accepts "${info.title}" (${info.type}, from ${info.file})`,
    plan: ({ newEventId }) => {
      const example = internalsOf(schemas).example(info.type);
      const payload = example ?? generateEvent(info.type, { schemas, seed: 1 });
      const details = detailsOf(payload);
      const generatedId = details?.event_id;
      // A fresh id, so the probe is not a redelivery of another; kept when the schema's
      // event_id would not allow it (a pattern of its own).
      if (details && typeof generatedId === 'string') {
        details.event_id = newEventId();
        if (!validateEvent(payload, { schemas }).valid) details.event_id = generatedId;
      }
      const how = example ? "its schema's example" : 'generated from its schema';
      return {
        type: 'parallel',
        probes: [{ label: `${info.type} (${how}${info.form === 'flat' ? ', flat' : ''})`, payload }],
      };
    },
  };
}

/**
 * The checks with one delivery.accepts check per custom type, right after the documented types'
 * (a type that redefines a documented one replaces that one's check, in place).
 */
export function withCustomAccepts(
  checks: readonly Check[],
  schemas: EventSchemas | undefined,
): readonly Check[] {
  if (!schemas || schemas.types.length === 0) return checks;
  const custom = schemas.entries.map((_, i) => customAcceptsCheck(schemas, i));
  const replaced = checks.map((c) => custom.find((x) => x.id === c.id) ?? c);
  const added = custom.filter((x) => !checks.some((c) => c.id === x.id));
  const last = replaced.map((c) => c.id.startsWith('delivery.accepts.')).lastIndexOf(true);
  return [...replaced.slice(0, last + 1), ...added, ...replaced.slice(last + 1)];
}
