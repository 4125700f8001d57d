import { describe, expect, it } from 'vitest';
import { USER_AGENT } from '../delivery/headers.js';
import { describeDifferences } from './differences.js';
import type { BodyForm, SenderProfile } from './types.js';

const FORM: BodyForm = {
  form: 'wrapped',
  keys: ['metadata', 'details'],
  detailsKeys: ['event_id', 'organization_id', 'event_timestamp', 'event_type'],
  compact: true,
  sameAsJsonStringify: true,
  trailingNewline: false,
  count: 1,
};

/** A profile of a sender that behaves exactly like the emitter. */
function emitterLike(over: Partial<SenderProfile> = {}): SenderProfile {
  return {
    profileVersion: 1,
    tool: { name: 'crowdsec-webhook-mock', version: '0.0.0' },
    updatedAt: '2025-06-01T12:00:00.000Z',
    timeScale: 1,
    deliveries: 5,
    events: 1,
    waitsMs: { summary: [1000, 2000, 4000, 8000], jitter: null, perEvent: [] },
    maxAttempts: 5,
    timeoutMs: 30_000,
    timeoutSamplesMs: [30_000],
    timeoutLongerThanMs: null,
    userAgent: USER_AGENT,
    headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
    headerNames: ['content-type', 'user-agent', 'Host'],
    varyingHeaders: [],
    credentialHeaders: [],
    form: 'wrapped; compact JSON',
    bodyForms: { alert_triggered: FORM },
    redirects: { followed: false, method: null },
    maxConcurrentConnections: 1,
    maxConcurrentRequests: 1,
    httpVersions: ['1.1'],
    differences: [],
    ...over,
  };
}

describe('describeDifferences', () => {
  it('finds none for a sender that behaves like the emitter (within 5 %)', () => {
    const close = emitterLike({
      waitsMs: { summary: [1040, 1960, 4100, 7900], jitter: 0.01, perEvent: [] },
      timeoutMs: 31_000,
    });
    expect(describeDifferences(close)).toEqual([]);
  });

  it.each([
    [
      'waits',
      { waitsMs: { summary: [2000, 4000, 8000, 16000], jitter: null, perEvent: [] } },
      'waits 2s, 4s, 8s, 16s between attempts (the emitter: 1s, 2s, 4s, 8s)',
    ],
    [
      'jitter',
      { waitsMs: { summary: [1000, 2000, 4000, 8000], jitter: 0.1, perEvent: [] } },
      'its waits vary by up to ±10 % (the emitter: no jitter)',
    ],
    [
      'attempts',
      { maxAttempts: 3 },
      'makes 3 attempts in all for an event answered failures (the emitter: 5)',
    ],
    ['timeout', { timeoutMs: 10_000 }, 'gives up on an unanswered request after 10s (the emitter: 30s)'],
    [
      'a longer patience',
      { timeoutMs: null, timeoutLongerThanMs: 300_000 },
      'still waited for an answer after 5m00s (the emitter gives up after 30s)',
    ],
    [
      'user agent',
      { userAgent: 'Go-http-client/1.1' },
      `User-Agent "Go-http-client/1.1" (the emitter: ${USER_AGENT})`,
    ],
    [
      'an extra header',
      {
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, 'accept-encoding': 'gzip' },
      },
      'sends accept-encoding: gzip (the emitter does not)',
    ],
    [
      'no content type',
      { headers: { 'user-agent': USER_AGENT } },
      'sends no Content-Type (the emitter: application/json)',
    ],
    [
      'a changing header',
      { varyingHeaders: ['x-request-id'] },
      'sends headers whose value changes between requests: x-request-id (the emitter sends none)',
    ],
    [
      'wrapped blocking_safe_ip',
      { bodyForms: { blocking_safe_ip: { ...FORM, detailsKeys: [] } } },
      'sends blocking_safe_ip wrapped in {metadata, details} (the emitter: flat, as documented)',
    ],
    [
      'details first',
      { bodyForms: { alert_triggered: { ...FORM, keys: ['details', 'metadata'] } } },
      'writes alert_triggered with its top-level keys in the order details, metadata (the emitter: metadata, details)',
    ],
    [
      'field order',
      { bodyForms: { alert_triggered: { ...FORM, detailsKeys: ['event_type', 'event_id'] } } },
      "writes alert_triggered's fields in another order than the emitter (first: event_type, event_id; the emitter, as documented: event_id, event_type)",
    ],
    [
      'whitespace',
      { bodyForms: { alert_triggered: { ...FORM, compact: false, sameAsJsonStringify: false } } },
      'writes JSON with whitespace between tokens (the emitter: compact)',
    ],
    [
      'escapes',
      { bodyForms: { alert_triggered: { ...FORM, sameAsJsonStringify: false } } },
      'escapes characters differently from JSON.stringify (e.g. \\u003c for <), which the emitter does not',
    ],
    [
      'trailing newline',
      { bodyForms: { alert_triggered: { ...FORM, trailingNewline: true } } },
      'ends bodies with a newline (the emitter does not)',
    ],
    [
      'redirects',
      { redirects: { followed: true, method: 'GET' } },
      'follows redirects (with GET; the emitter does not: a 3xx is a failed attempt)',
    ],
    ['HTTP/1.0', { httpVersions: ['1.0'] }, 'speaks HTTP/1.0 (the emitter: HTTP/1.1)'],
    [
      'many connections',
      { maxConcurrentConnections: 40 },
      'opened up to 40 connections at once (the emitter: 10 by default, --concurrency)',
    ],
  ] as [string, Partial<SenderProfile>, string][])('says when it differs in %s', (_name, over, sentence) => {
    expect(describeDifferences(emitterLike(over))).toEqual([sentence]);
  });
});
