import { EVENT_TYPES } from '../events/catalog.js';
import type { RecordedDelivery } from '../receiver/types.js';
import type { ExpectationResult, Expectations, ReceivedSummary } from './types.js';

/** What the receiver recorded, in brief: counts, duplicates (by event_id) and types seen. */
export function summarizeReceived(records: readonly RecordedDelivery[]): ReceivedSummary {
  const ids = new Set<string>();
  const duplicateIds = new Set<string>();
  const types = new Set<string>();
  let duplicates = 0;
  let invalid = 0;
  for (const r of records) {
    if (r.duplicate) duplicates++;
    if (!r.valid) invalid++;
    if (r.eventType) types.add(r.eventType);
    if (r.eventId) {
      if (ids.has(r.eventId)) duplicateIds.add(r.eventId);
      ids.add(r.eventId);
    }
  }
  return {
    deliveries: records.length,
    duplicates,
    uniqueEvents: ids.size,
    duplicateEventIds: [...duplicateIds],
    eventTypes: [...types],
    invalid,
  };
}

type Received = NonNullable<Expectations['received']>;

export function evaluateReceived(expected: Received, received: ReceivedSummary | null): ExpectationResult[] {
  const out: ExpectationResult[] = [];
  if (received === null) {
    for (const key of Object.keys(expected)) {
      out.push({
        kind: `received.${key}` as ExpectationResult['kind'],
        passed: false,
        expected: expected[key as keyof Received],
        actual: null,
        message: 'no bundled receiver ran, so nothing was recorded to check',
      });
    }
    return out;
  }
  const count = (
    key: 'deliveries' | 'duplicates' | 'uniqueEvents',
    noun: string,
    want: number | undefined,
    extra = '',
  ) => {
    if (want === undefined) return;
    const got = received[key];
    out.push({
      kind: `received.${key}`,
      passed: got === want,
      expected: want,
      actual: got,
      message: `expected the receiver to record ${want} ${noun}, it recorded ${got}${extra}`,
    });
  };
  count('deliveries', 'deliveries', expected.deliveries);
  const ids = received.duplicateEventIds;
  count(
    'duplicates',
    'duplicates (same event_id again)',
    expected.duplicates,
    ids.length ? ` (${ids.slice(0, 3).join(', ')})` : '',
  );
  count('uniqueEvents', 'distinct event_ids', expected.uniqueEvents);
  if (expected.eventTypes !== undefined) out.push(eventTypes(expected.eventTypes, received));
  if (expected.valid !== undefined) {
    const allValid = received.invalid === 0;
    out.push({
      kind: 'received.valid',
      passed: allValid === expected.valid,
      expected: expected.valid,
      actual: allValid,
      message: allValid
        ? `every recorded delivery matched its schema`
        : `${received.invalid} recorded deliver${received.invalid === 1 ? 'y' : 'ies'} did not match its schema`,
    });
  }
  return out;
}

function eventTypes(want: 'all' | string[], received: ReceivedSummary): ExpectationResult {
  const wanted = want === 'all' ? [...EVENT_TYPES] : want;
  const seen = new Set(received.eventTypes);
  const missing = wanted.filter((t) => !seen.has(t));
  return {
    kind: 'received.eventTypes',
    passed: missing.length === 0,
    expected: want,
    actual: received.eventTypes,
    message:
      missing.length === 0
        ? `the receiver saw ${want === 'all' ? `all ${wanted.length} event types` : wanted.join(', ')}`
        : `the receiver never saw ${missing.join(', ')}`,
  };
}
