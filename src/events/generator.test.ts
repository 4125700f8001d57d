import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType } from './catalog.js';
import { exampleEvent, generateEvent, generateEvents, REFERENCE_NOW } from './generator.js';
import { checkRelations } from './relations.test-helpers.js';
import { schemaOf } from './schemas.js';
import { validateEvent } from './validator.js';

const SEEDS = 1000;
const NOW_MS = Date.parse(REFERENCE_NOW);

/** Paths of the nullable fields and of the arrays in a schema (anyOf with null; type array). */
function nullableAndArrayPaths(type: EventType): { nullable: string[]; arrays: string[] } {
  const schema = schemaOf(type) as Record<string, unknown>;
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const nullable: string[] = [];
  const arrays: string[] = [];
  const walk = (node: Record<string, unknown>, path: string) => {
    if (typeof node.$ref === 'string') return walk(defs[node.$ref.split('/').pop()!]!, path);
    const anyOf = node.anyOf as Record<string, unknown>[] | undefined;
    if (anyOf) {
      if (anyOf.some((b) => b.type === 'null')) nullable.push(path);
      for (const b of anyOf) if (b.type !== 'null') walk(b, path);
      return;
    }
    if (node.type === 'array') arrays.push(path);
    for (const [key, child] of Object.entries(
      (node.properties ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(schema, '');
  return { nullable, arrays };
}

function at(payload: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], payload);
}

describe.each(EVENT_TYPES)('generateEvent(%s)', (type) => {
  const events = Array.from({ length: SEEDS }, (_, seed) => generateEvent(type, { seed }));

  it('gives 1,000 seeds 1,000 schema-valid events', () => {
    const invalid = events.filter((e) => !validateEvent(e).valid);
    expect(invalid).toEqual([]);
  });

  it('keeps every realism relation across 1,000 seeds', () => {
    const broken = events.flatMap((e, seed) =>
      checkRelations(type, e, NOW_MS).map((what) => `seed ${seed}: ${what}`),
    );
    expect(broken).toEqual([]);
  });

  it('makes each nullable field sometimes null and sometimes not, each array sometimes empty and sometimes not', () => {
    const { nullable, arrays } = nullableAndArrayPaths(type);
    for (const path of nullable) {
      const values = events.map((e) => at(e, path));
      // Undefined where a nullable parent was null; every path must still be reached by some seed.
      const reachable = values.filter((v) => v !== undefined);
      expect(reachable.length, `${path} is reached for some seed`).toBeGreaterThan(0);
      expect(
        reachable.some((v) => v === null),
        `${path} is null for some seed`,
      ).toBe(true);
      expect(
        reachable.some((v) => v !== null),
        `${path} is set for some seed`,
      ).toBe(true);
    }
    for (const path of arrays) {
      const values = events.map((e) => at(e, path)).filter(Array.isArray);
      expect(
        values.some((v) => v.length === 0),
        `${path} is empty for some seed`,
      ).toBe(true);
      expect(
        values.some((v) => v.length > 0),
        `${path} has items for some seed`,
      ).toBe(true);
    }
  });
});

describe('generateEvent', () => {
  it('gives the same bytes for the same seed', () => {
    const a = JSON.stringify(generateEvent('alert_triggered', { seed: 42 }));
    const b = JSON.stringify(generateEvent('alert_triggered', { seed: 42 }));
    expect(a).toBe(b);
  });

  it('gives different events for different seeds', () => {
    expect(JSON.stringify(generateEvent('alert_triggered', { seed: 1 }))).not.toBe(
      JSON.stringify(generateEvent('alert_triggered', { seed: 2 })),
    );
  });

  it('puts timestamps near the given clock', () => {
    const e = generateEvent('payment_failed', { seed: 1, now: '2030-01-01T00:00:00Z' }) as {
      details: { event_timestamp: string };
    };
    const ms = Date.parse(e.details.event_timestamp);
    expect(ms).toBeLessThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    expect(ms).toBeGreaterThan(Date.parse('2029-12-31T23:00:00Z'));
  });

  it('never emits the os example "Linux", which its own schema rejects', () => {
    for (let seed = 0; seed < 200; seed++) {
      const e = generateEvent('security_engine_enrolled', { seed }) as { details: { os: unknown } };
      expect(e.details.os).not.toBe('Linux');
    }
  });

  it('emits blocking_safe_ip flat by default and in the envelope with wrapped', () => {
    const flat = generateEvent('blocking_safe_ip', { seed: 5 });
    const wrapped = generateEvent('blocking_safe_ip', { seed: 5, wrapped: true });
    expect(validateEvent(flat).form).toBe('flat');
    expect(validateEvent(wrapped)).toMatchObject({ valid: true, form: 'wrapped' });
    expect(wrapped.details).toEqual(flat);
  });

  it('applies a --set override given as PATH=VALUE, parsing VALUE as JSON when it parses', () => {
    const e = generateEvent('alert_triggered', {
      seed: 1,
      set: [
        'details.source.value=1.2.3.4',
        'details.scenario_confidence=99',
        'details.behaviors[0]={"name":"a","label":"b","description":"c"}',
      ],
    }) as { details: { source: { value: string }; scenario_confidence: number; behaviors: unknown[] } };
    expect(e.details.source.value).toBe('1.2.3.4');
    expect(e.details.scenario_confidence).toBe(99);
    expect(e.details.behaviors[0]).toEqual({ name: 'a', label: 'b', description: 'c' });
  });

  it('adds unknown fields through --set, since no schema forbids them', () => {
    const e = generateEvent('alert_triggered', { seed: 1, set: { 'details.alert.remediation': false } });
    expect(e.details).toHaveProperty('alert', { remediation: false });
  });

  it('drops the leading details. of a --set path on the flat blocking_safe_ip', () => {
    const e = generateEvent('blocking_safe_ip', { seed: 1, set: ['details.source.value=9.9.9.9'] });
    expect((e.source as { value: string }).value).toBe('9.9.9.9');
  });

  it('throws an input InvalidEventError naming the schema path when --set breaks the schema', () => {
    const attempt = () =>
      generateEvent('alert_triggered', { seed: 1, set: ['details.source.as_number="many"'] });
    expect(attempt).toThrow(expect.objectContaining({ code: 'ERR_INVALID_EVENT', isInputError: true }));
    expect(attempt).toThrow(/#\/\$defs\/AlertSource\/properties\/as_number/);
  });

  it.each(['', 'details..x', 'details.', '.details', 'a[b]', 'a[0', 'details.__proto__.x'])(
    'rejects the malformed --set path "%s" with ERR_INVALID_SET',
    (path) => {
      expect(() => generateEvent('alert_triggered', { seed: 1, set: [`${path}=1`] })).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_SET' }),
      );
    },
  );

  it('rejects a --set without "=" with ERR_INVALID_SET', () => {
    expect(() => generateEvent('alert_triggered', { seed: 1, set: ['details.scenario'] })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_SET' }),
    );
  });

  it('rejects an unknown type with ERR_UNKNOWN_EVENT_TYPE', () => {
    expect(() => generateEvent('alert_trigered')).toThrow(
      expect.objectContaining({ code: 'ERR_UNKNOWN_EVENT_TYPE' }),
    );
  });
});

describe('generateEvents', () => {
  it("yields count events of each of the 15 types for 'all', in the page's order", () => {
    const events = [...generateEvents('all', { seed: 3, count: 2 })];
    expect(events.map((e) => validateEvent(e).eventType)).toEqual(EVENT_TYPES.flatMap((t) => [t, t]));
  });

  it('gives event i of a type the same bytes alone or among all types', () => {
    const alone = [...generateEvents('component_outdated', { seed: 9, count: 2 })];
    const among = [...generateEvents('all', { seed: 9, count: 2 })].filter(
      (e) => validateEvent(e).eventType === 'component_outdated',
    );
    expect(JSON.stringify(among)).toBe(JSON.stringify(alone));
  });

  it('gives different events within one count', () => {
    const [a, b] = [...generateEvents('alert_triggered', { seed: 3, count: 2 })];
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('builds events lazily as they are iterated', () => {
    const iterator = generateEvents('alert_triggered', { seed: 1, count: 10_000_000 })[Symbol.iterator]();
    expect(validateEvent(iterator.next().value).valid).toBe(true);
  });
});

describe('exampleEvent', () => {
  it.each(EVENT_TYPES)('returns the documented example of %s, which validates', (type) => {
    expect(validateEvent(exampleEvent(type)).valid).toBe(true);
  });

  it('wraps blocking_safe_ip on request', () => {
    expect(validateEvent(exampleEvent('blocking_safe_ip', { wrapped: true }))).toMatchObject({
      valid: true,
      form: 'wrapped',
    });
  });
});

describe('the relation checks used on generated events', () => {
  it('catch watcher totals that do not add up', () => {
    const e = generateEvent('am_i_under_attack', { seed: 1, set: ['details.total_signals=123456'] });
    expect(checkRelations('am_i_under_attack', e, NOW_MS)).toContain(
      'watcher totals add up to total_signals',
    );
  });

  it('catch an attack that stops before it starts', () => {
    const e = generateEvent('alert_triggered', { seed: 1, set: ['details.start_at="2099-01-01T00:00:00Z"'] });
    expect(checkRelations('alert_triggered', e, NOW_MS)).toContain('start_at <= stop_at');
  });

  it('catch a source value that is not an address when the scope is ip', () => {
    const e = generateEvent('alert_triggered', {
      seed: 1,
      set: ['details.source.scope=ip', 'details.source.value=nope'],
    });
    expect(checkRelations('alert_triggered', e, NOW_MS)).toContain(
      'source.value is an IP address when scope is ip',
    );
  });

  it('catch a last_pull with a time zone', () => {
    const e = generateEvent('firewall_integration_offline', {
      seed: 1,
      set: ['details.last_pull="2025-05-01T00:00:00Z"'],
    });
    expect(checkRelations('firewall_integration_offline', e, NOW_MS)).toContain(
      'last_pull is in the zone-less documented style',
    );
  });
});
