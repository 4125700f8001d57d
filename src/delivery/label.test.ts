import { describe, expect, it } from 'vitest';
import { explainOutcome } from './explain.js';
import { outcomeLabel } from './label.js';
import type { Outcome } from './types.js';

const table: [Outcome, string][] = [
  [{ type: 'delivered', status: 200 }, 'delivered'],
  [{ type: 'status', status: 503 }, 'status-503'],
  [{ type: 'timeout' }, 'timeout'],
  [{ type: 'dns' }, 'dns'],
  [{ type: 'refused' }, 'refused'],
  [{ type: 'reset' }, 'reset'],
  [{ type: 'tls', reason: 'self-signed' }, 'tls-self-signed'],
  [{ type: 'tls', reason: 'expired' }, 'tls-expired'],
  [{ type: 'tls', reason: 'hostname-mismatch' }, 'tls-hostname-mismatch'],
  [{ type: 'tls', reason: 'unknown-ca' }, 'tls-unknown-ca'],
  [{ type: 'protocol' }, 'protocol'],
  [{ type: 'network', code: 'EHOSTUNREACH' }, 'network-EHOSTUNREACH'],
];

describe('outcomeLabel', () => {
  it.each(table)('labels %j as %s', (outcome, label) => {
    expect(outcomeLabel(outcome)).toBe(label);
  });
});

describe('explainOutcome', () => {
  it('says a 204 is a failure and how many more times the event is sent', () => {
    expect(explainOutcome({ type: 'status', status: 204 }, { attempt: 2, maxAttempts: 5 })).toBe(
      'the Console treats 204 as a failure (only 200 counts as delivered) and will send this event 3 more times',
    );
  });

  it('says redirects are not followed', () => {
    expect(explainOutcome({ type: 'status', status: 302 }, { attempt: 1, maxAttempts: 5 })).toMatch(
      /does not follow redirects.*4 more times/,
    );
  });

  it('says the Console gives up after the last attempt', () => {
    expect(explainOutcome({ type: 'timeout' }, { attempt: 5, maxAttempts: 5 })).toMatch(
      /attempt 5 of 5.*gives up/,
    );
  });

  it('says nothing more is sent once delivered', () => {
    expect(explainOutcome({ type: 'delivered', status: 200 }, { attempt: 3, maxAttempts: 5 })).toMatch(
      /sends nothing more/,
    );
  });

  it.each(table)('gives one sentence for %j', (outcome) => {
    const sentence = explainOutcome(outcome, { attempt: 4, maxAttempts: 5 });
    expect(sentence).not.toContain('\n');
    expect(sentence.length).toBeGreaterThan(20);
  });

  it('uses the singular for one more time', () => {
    expect(explainOutcome({ type: 'dns' }, { attempt: 4, maxAttempts: 5 })).toMatch(/1 more time$/);
  });
});
