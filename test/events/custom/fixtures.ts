import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The test's "API Key Expired" schema (an envelope schema, draft 2020-12, written like payment_failed). */
export const API_KEY_EXPIRED = fileURLToPath(
  new URL('../../fixtures/schemas/api_key_expired.schema.json', import.meta.url),
);

/** Writes `files` (name -> JSON value or raw text) into a fresh temporary directory; returns it. */
export function schemaDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cswm-schemas-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** A details-only schema (no envelope) in draft-07, with no event_type: needs a type from outside. */
export const LICENSE_QUOTA_DRAFT7 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'LicenseQuotaReached',
  type: 'object',
  definitions: {
    Quota: {
      type: 'object',
      properties: { used: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1 } },
      required: ['used', 'limit'],
    },
  },
  properties: {
    event_id: { type: 'string' },
    organization_id: { type: 'string' },
    event_timestamp: { type: 'string', format: 'date-time' },
    quota: { $ref: '#/definitions/Quota' },
    window: { type: 'array', items: [{ type: 'string', format: 'date-time' }], additionalItems: false },
  },
  required: ['event_id', 'organization_id', 'event_timestamp', 'quota', 'window'],
};

/** A flat schema (no envelope, like blocking_safe_ip) whose fields realism knows by name and format. */
export const SUSPICIOUS_LOGIN_FLAT = {
  'x-cswm-form': 'flat',
  title: 'SuspiciousLogin',
  type: 'object',
  properties: {
    event_id: { type: 'string' },
    organization_id: { type: 'string' },
    event_timestamp: { type: 'string', format: 'date-time' },
    event_type: { const: 'suspicious_login', type: 'string' },
    source_ip: { type: 'string', format: 'ipv4' },
    country: { anyOf: [{ type: 'string', minLength: 2, maxLength: 2 }, { type: 'null' }] },
    city: { type: 'string' },
    as_number: { type: 'integer' },
    as_name: { type: 'string' },
    scenario: { type: 'string' },
    hostname: { type: 'string' },
    seen_at: { type: 'string' },
    tags: { type: 'array', items: { type: 'string', enum: ['vpn', 'tor', 'cloud'] } },
    region: { type: 'string', enum: ['eu', 'us'] },
    ip: { type: 'string', pattern: '^10\\.' },
  },
  required: [
    'event_id',
    'organization_id',
    'event_timestamp',
    'event_type',
    'source_ip',
    'country',
    'city',
    'as_number',
    'as_name',
    'scenario',
    'hostname',
    'seen_at',
    'tags',
    'region',
    'ip',
  ],
};
