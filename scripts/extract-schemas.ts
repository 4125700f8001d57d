/**
 * Extracts the Console's 15 event schemas, their documented examples and an index from the
 * webhook documentation page (the seed), and writes them under schemas/ unchanged.
 *
 * Usage: npx tsx scripts/extract-schemas.ts [SEED_FILE] [OUT_DIR]
 * Defaults: ../shared/seed/000_1f05c3da0bed9db8.txt and schemas/ (paths from the repository root).
 *
 * The page is plain text: a section name (Threat Hunting, Stack, Admin), then for each event a
 * human title, zero or more description lines, the example JSON, a line "JSON Schema" and the
 * schema JSON. Each JSON block starts with a line "{" and ends with the next line "}" at column 0.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SECTIONS = ['Threat Hunting', 'Stack', 'Admin'] as const;
export type Section = (typeof SECTIONS)[number];

export interface ExtractedEvent {
  type: string;
  schemaTitle: string;
  section: Section;
  title: string;
  /** The first line under the title on the page; '' when the page gives none. */
  description: string;
  form: 'wrapped' | 'flat';
  example: unknown;
  schema: Record<string, unknown>;
}

/** Reads a JSON block that starts at lines[start] ("{") and ends at the next "}" at column 0. */
function readBlock(lines: string[], start: number): { value: unknown; end: number } {
  for (let i = start; i < lines.length; i++) {
    if (lines[i] === '}') {
      return { value: JSON.parse(lines.slice(start, i + 1).join('\n')), end: i };
    }
  }
  throw new Error(`unterminated JSON block starting at line ${start + 1}`);
}

function eventTypeOfSchema(schema: Record<string, unknown>): {
  type: string;
  title: string;
  form: 'wrapped' | 'flat';
} {
  const props = schema.properties as Record<string, Record<string, unknown>>;
  const details = props.details as
    | { properties?: Record<string, { const?: string }>; title?: string }
    | undefined;
  if (details?.properties?.event_type?.const) {
    return { type: details.properties.event_type.const, title: String(details.title), form: 'wrapped' };
  }
  const flat = props.event_type as { const?: string } | undefined;
  if (flat?.const) return { type: flat.const, title: String(schema.title), form: 'flat' };
  throw new Error('schema has no event_type const');
}

/** Parses the page's text into its events, in the page's order. */
export function extractEvents(pageText: string): ExtractedEvent[] {
  const lines = pageText.replace(/\r\n/g, '\n').split('\n');
  const begin = lines.indexOf('Events Category');
  if (begin < 0) throw new Error('the page has no "Events Category" heading');
  const events: ExtractedEvent[] = [];
  let section: Section | null = null;
  let pending: string[] = []; // non-JSON lines since the last block: title, then description
  for (let i = begin + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === 'Troubleshooting') break;
    if ((SECTIONS as readonly string[]).includes(line)) {
      section = line as Section;
      pending = [];
      continue;
    }
    if (line !== '{') {
      if (line.trim() !== '' && line !== 'JSON Schema') pending.push(line);
      continue;
    }
    const example = readBlock(lines, i);
    const marker = lines.slice(example.end + 1).findIndex((l) => l.trim() !== '');
    const schemaHeading = example.end + 1 + marker;
    if (lines[schemaHeading] !== 'JSON Schema' || lines[schemaHeading + 1] !== '{') {
      throw new Error(`expected "JSON Schema" after the example ending at line ${example.end + 1}`);
    }
    const schema = readBlock(lines, schemaHeading + 1);
    const [title, description] = pending;
    if (!section || !title) throw new Error(`example at line ${i + 1} has no section or title`);
    const schemaValue = schema.value as Record<string, unknown>;
    const { type, title: schemaTitle, form } = eventTypeOfSchema(schemaValue);
    events.push({
      type,
      schemaTitle,
      section,
      title,
      description: description ?? '',
      form,
      example: example.value,
      schema: schemaValue,
    });
    pending = [];
    i = schema.end;
  }
  return events;
}

/** The index written to schemas/index.json. */
export function buildIndex(events: ExtractedEvent[], seedName: string): unknown {
  return {
    source: `CrowdSec Console documentation, "Webhook" page (${seedName})`,
    events: events.map((e) => ({
      type: e.type,
      schemaTitle: e.schemaTitle,
      section: e.section,
      title: e.title,
      description: e.description,
      ...(e.description === '' ? { note: 'The page gives no description for this event.' } : {}),
      form: e.form,
      schema: `${e.type}.schema.json`,
      example: `examples/${e.type}.json`,
    })),
  };
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function main(): void {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const seed = resolve(process.argv[2] ?? join(root, '../shared/seed/000_1f05c3da0bed9db8.txt'));
  const out = resolve(process.argv[3] ?? join(root, 'schemas'));
  const events = extractEvents(readFileSync(seed, 'utf8'));
  if (events.length !== 15) throw new Error(`expected 15 events on the page, found ${events.length}`);
  mkdirSync(join(out, 'examples'), { recursive: true });
  for (const e of events) {
    writeFileSync(join(out, `${e.type}.schema.json`), toJsonText(e.schema));
    writeFileSync(join(out, 'examples', `${e.type}.json`), toJsonText(e.example));
  }
  writeFileSync(join(out, 'index.json'), toJsonText(buildIndex(events, seed.split('/').pop() ?? seed)));
  process.stdout.write(
    `wrote ${events.length} schemas, ${events.length} examples and index.json to ${out}\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
