/**
 * The schema files and examples equal the documentation page's, compared as data. The page is
 * parsed here independently of scripts/extract-schemas.ts: by scanning balanced braces rather
 * than by lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SEED = new URL('../../../shared/seed/000_1f05c3da0bed9db8.txt', import.meta.url);
const SCHEMAS = new URL('../../schemas/', import.meta.url);
const present = existsSync(SEED);
if (!present)
  console.log('seed.test: skipped, ../shared/seed is absent (the page is only in the development workspace)');

/** Every top-level JSON object in the text, with the text before it. */
function jsonObjects(text: string): { before: string; value: Record<string, unknown> }[] {
  const out: { before: string; value: Record<string, unknown> }[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"' && depth > 0) inString = true;
    else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        out.push({ before: text.slice(last, start), value: JSON.parse(text.slice(start, i + 1)) });
        last = i + 1;
      }
    }
  }
  return out;
}

function typeOfSchema(schema: Record<string, unknown>): string {
  const props = schema.properties as Record<
    string,
    { properties?: Record<string, { const?: string }>; const?: string }
  >;
  return props.details?.properties?.event_type?.const ?? props.event_type?.const ?? '';
}

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, SCHEMAS), 'utf8'));
}

describe.skipIf(!present)('the schemas/ folder against the Webhook documentation page', () => {
  const objects = present ? jsonObjects(readFileSync(SEED, 'utf8')) : [];
  const pairs = Array.from({ length: objects.length / 2 }, (_, i) => ({
    heading: objects[2 * i]!.before,
    example: objects[2 * i]!.value,
    schema: objects[2 * i + 1]!.value,
  }));
  const index = (present ? readJson('index.json') : { events: [] }) as {
    events: { type: string; section: string; title: string; description: string }[];
  };

  it('finds 15 example/schema pairs on the page', () => {
    expect(pairs).toHaveLength(15);
    for (const p of pairs) expect(typeOfSchema(p.schema)).not.toBe('');
  });

  it('lists the types in schemas/index.json in the page order', () => {
    expect(index.events.map((e) => e.type)).toEqual(pairs.map((p) => typeOfSchema(p.schema)));
  });

  it('holds every schema exactly as the page documents it', () => {
    for (const p of pairs) expect(readJson(`${typeOfSchema(p.schema)}.schema.json`)).toEqual(p.schema);
  });

  it('holds every example exactly as the page documents it', () => {
    for (const p of pairs) expect(readJson(`examples/${typeOfSchema(p.schema)}.json`)).toEqual(p.example);
  });

  it("takes each event's title, one-line description and section from the page", () => {
    let section = '';
    for (const [i, p] of pairs.entries()) {
      const lines = p.heading
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && l !== 'JSON Schema');
      for (const l of lines) if (['Threat Hunting', 'Stack', 'Admin'].includes(l)) section = l;
      const afterSection = lines.slice(
        lines.findLastIndex((l) => ['Threat Hunting', 'Stack', 'Admin'].includes(l)) + 1,
      );
      const entry = index.events[i]!;
      expect(entry.section).toBe(section);
      expect(entry.title).toBe(afterSection[0]);
      expect(entry.description).toBe(afterSection[1] ?? '');
    }
  });

  it('keeps blocking_safe_ip flat, as documented', () => {
    const schema = readJson('blocking_safe_ip.schema.json') as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(schema.properties).not.toHaveProperty('details');
    expect(schema.required).not.toContain('event_id');
  });
});
