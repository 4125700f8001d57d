/**
 * Observations and derive contexts for the profile's table tests: what the receiver would have
 * seen of a sender, written by hand so the expected profile is exact.
 */
import type { DeriveContext, Observation } from './derive.js';

export const ctx = (over: Partial<DeriveContext> = {}): DeriveContext => ({
  timeScale: 1,
  nowMs: 1_000_000,
  updatedAt: '2025-06-01T12:00:00.000Z',
  version: '0.0.0',
  maxConcurrentConnections: 1,
  maxConcurrentRequests: 1,
  ...over,
});

const HEADERS: [string, string][] = [
  ['Host', 'x'],
  ['Content-Type', 'application/json'],
  ['User-Agent', 'test-sender/1'],
];

/** An observation: arrived at `at`, answered (or given up on) `tookMs` later. */
export function obs(
  key: string | null,
  probe: Observation['probe'],
  at: number,
  answer: string,
  tookMs = 5,
  over: Partial<Observation> = {},
): Observation {
  return {
    key,
    probe,
    eventType: 'alert_triggered',
    method: 'POST',
    httpVersion: '1.1',
    headers: HEADERS,
    body: {
      form: 'wrapped',
      keys: ['metadata', 'details'],
      detailsKeys: ['event_id'],
      compact: true,
      sameAsJsonStringify: true,
      trailingNewline: false,
    },
    arrivedMs: at,
    endedMs: at + tookMs,
    abandoned: answer === 'hang',
    answer,
    ...over,
  };
}
