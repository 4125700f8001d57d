/**
 * The schema registry: reads the Console's schemas and documented examples from the package's
 * schemas/ folder (never from the documentation page), once each. The folder sits two levels
 * above this file both in src/events and in dist/events.
 */
import { readFileSync } from 'node:fs';
import type { EventType } from './catalog.js';

export type JsonSchema = Record<string, unknown>;

const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);
const schemaCache = new Map<EventType, JsonSchema>();
const exampleText = new Map<EventType, string>();

function readJson(relative: string): string {
  return readFileSync(new URL(relative, SCHEMA_DIR), 'utf8');
}

/** The documented schema of `type`, exactly as on the page (shared, frozen: do not mutate). */
export function schemaOf(type: EventType): JsonSchema {
  let schema = schemaCache.get(type);
  if (!schema) {
    schema = deepFreeze(JSON.parse(readJson(`${type}.schema.json`)) as JsonSchema);
    schemaCache.set(type, schema);
  }
  return schema;
}

/** A fresh copy of the page's example of `type` (the flat form for blocking_safe_ip). */
export function documentedExample(type: EventType): Record<string, unknown> {
  let text = exampleText.get(type);
  if (text === undefined) {
    text = readJson(`examples/${type}.json`);
    exampleText.set(type, text);
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/** The `metadata` part of the envelope schema, as the 14 wrapped schemas document it. */
export function envelopeMetadataSchema(): JsonSchema {
  const properties = schemaOf('payment_failed').properties as Record<string, JsonSchema>;
  return properties.metadata!;
}

/**
 * The schema of a blocking_safe_ip in the envelope. The page documents it flat only; the
 * wrapped form is the flat schema as `details` under the same `metadata` as the other 14. The
 * flat schema's `$defs` move to the root so that its `#/$defs/...` references still resolve.
 */
export function wrappedBlockingSafeIpSchema(): JsonSchema {
  const { $defs, ...flat } = schemaOf('blocking_safe_ip');
  return {
    $defs,
    type: 'object',
    properties: { metadata: envelopeMetadataSchema(), details: flat },
    required: ['metadata', 'details'],
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
