import { evidenceOf } from '../evidence.js';
import { statusOf } from '../exchange.js';
import type { Check } from '../types.js';

/**
 * auth.required: with no credentials configured, the baseline went without any; a receiver
 * that accepted it takes events from anyone. Medium: it does not block the verdict (the
 * Console works without credentials), but a run without them never scores 100.
 */
export const authRequired: Check = {
  id: 'auth.required',
  title: 'Requires credentials',
  severity: 'medium',
  rationale:
    'The Console can send a header of your choice or Basic credentials with every event; a receiver that enforces none takes events from anyone who finds its URL.',
  needs: 'auth-verdict',
  plan({ target }) {
    return target.auth === 'none'
      ? { type: 'none' }
      : {
          type: 'skip',
          reason:
            'credentials are configured: auth.rejects-missing and auth.rejects-wrong judge how they are enforced',
        };
  },
  evaluate({ baseline }) {
    if (!baseline) return { result: 'skip', reason: 'no baseline delivery was sent' };
    const status = statusOf(baseline);
    const expected = '401 or 403 to a request without credentials';
    if (status === 401 || status === 403) {
      return {
        result: 'pass',
        summary: `a delivery without credentials was refused with ${status}: the receiver requires them`,
        evidence: [evidenceOf(baseline, true, expected)],
      };
    }
    const cause = {
      id: 'auth-not-required',
      summary: `accepted a delivery without any credentials (${status})`,
      advice:
        'configure credentials on the Console destination (a header such as Authorization: Bearer <token>, or Basic), make the receiver answer 401 without them, and run cswm check with --bearer, --header or --basic',
      consequence:
        "the Console sends credentials only when the destination has them; without them, anyone who finds the URL can post events that look like the Console's",
    };
    return {
      result: 'fail',
      summary: cause.summary,
      evidence: [evidenceOf(baseline, false, expected, cause.consequence)],
      cause,
    };
  },
};
