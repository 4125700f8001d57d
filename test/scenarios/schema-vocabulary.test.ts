import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderScenarioTypes, SCENARIO_OUTPUT } from '../../scripts/generate-types.js';
import { OUTCOME_LABEL_FORMS } from '../../src/delivery/label.js';
import { TLS_MODES } from '../../src/receiver/certs.js';
import { FAULT_TYPES, NAMED_FAULTS } from '../../src/receiver/faults.js';
import { scenarioSchema } from '../../src/scenarios/schema.js';

type Def = { enum?: string[]; pattern?: string; properties?: Record<string, Def> };
const defs = scenarioSchema().$defs as Record<string, Def>;

describe('schemas/scenario.schema.json and the code that runs scenarios', () => {
  it('gives src/scenarios/file.generated.ts as scripts/generate-types.ts makes it today', async () => {
    expect(readFileSync(SCENARIO_OUTPUT, 'utf8')).toBe(await renderScenarioTypes());
  });

  it('lists the faults of receiver/faults.ts, and those chosen by name alone', () => {
    expect(defs.faultType?.enum).toEqual(FAULT_TYPES);
    expect(defs.shortFault?.enum).toEqual(NAMED_FAULTS);
  });

  it('lists the TLS modes of the receiver', () => {
    expect(defs.receiver?.properties?.tls?.enum).toEqual(TLS_MODES);
  });

  it('accepts exactly the outcome labels delivery/label.ts gives', () => {
    const schemaPattern = new RegExp(defs.outcome?.pattern ?? '(?!)');
    const fromForms = new RegExp(
      `^(${OUTCOME_LABEL_FORMS.map((f) =>
        f
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace('<code>', '[1-5][0-9][0-9]')
          .replace('<CODE>', '[A-Z0-9_]+'),
      ).join('|')})$`,
    );
    const examples = OUTCOME_LABEL_FORMS.map((f) =>
      f.replace('<code>', '503').replace('<CODE>', 'EHOSTUNREACH'),
    );
    const nearMisses = [
      'tls-bogus',
      'status-99',
      'status-600',
      'network-',
      'network-lower',
      'Delivered',
      'timeouts',
    ];
    for (const label of [...examples, ...nearMisses]) {
      expect({ label, accepted: schemaPattern.test(label) }).toEqual({
        label,
        accepted: fromForms.test(label),
      });
    }
    expect(examples.every((l) => schemaPattern.test(l))).toBe(true);
  });
});
