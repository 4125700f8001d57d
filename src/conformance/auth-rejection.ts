import { describeReceived, evidenceOf, statusOf } from './evidence.js';
import { documented } from './payloads.js';
import type { Check, CheckOutcome, EvalContext, ProbeAuth } from './types.js';

/**
 * The judgement shared by auth.rejects-missing and auth.rejects-wrong, decided as follows:
 * - 401 or 403: pass (refused, and the status says why);
 * - any 2xx: fail (the request was accepted: anyone who finds the URL can post fake alerts);
 * - any other status (404, 400, 500, a redirect): pass, noted: the request was not accepted,
 *   though 401/403 would tell an operator why;
 * - no HTTP answer (timeout, reset, ...): skip, since nothing shows whether the receiver would
 *   have accepted it.
 */
function judgeRejection(ctx: EvalContext, what: string): CheckOutcome {
  const x = ctx.exchanges[0];
  if (!x) return { result: 'skip', reason: 'no probe was sent' };
  const status = statusOf(x);
  const expected = '401 or 403 (never 200)';
  const next = 'the Console always sends the configured credentials; this is about everyone else';
  if (status === undefined) {
    return {
      result: 'skip',
      reason: `no HTTP answer to a request ${what}, so it cannot be judged: ${describeReceived(x)}`,
    };
  }
  if (status >= 200 && status < 300) {
    return {
      result: 'fail',
      summary: `a request ${what} was accepted (${status}): anyone who finds the URL can post events; check the credentials and answer 401`,
      evidence: [evidenceOf(x, false, expected, next)],
    };
  }
  const clear = status === 401 || status === 403;
  return {
    result: 'pass',
    summary: clear
      ? `a request ${what} was refused with ${status}`
      : `a request ${what} was refused with ${status} (401 or 403 would say why)`,
    evidence: [evidenceOf(x, true, expected, next)],
  };
}

/** A check that a request with the given credentials mode is refused. */
export function rejectsCheck(mode: Exclude<ProbeAuth, 'configured'>): Check {
  const what = mode === 'none' ? 'without credentials' : 'with wrong credentials';
  return {
    id: mode === 'none' ? 'auth.rejects-missing' : 'auth.rejects-wrong',
    title: `Refuses requests ${what}`,
    severity: 'high',
    rationale:
      'The webhook URL is the only thing between the internet and whatever the receiver does with alerts; the configured header or Basic credentials must be enforced.',
    defaults: {},
    plan({ target, newEventId }) {
      if (target.auth === 'none') {
        return {
          type: 'skip',
          reason:
            'no credentials configured (pass --bearer, --header or --basic; library: auth) so there is nothing to enforce',
        };
      }
      return {
        type: 'parallel',
        probes: [
          {
            label: `alert_triggered ${what}`,
            payload: documented('alert_triggered', newEventId()),
            auth: mode,
          },
        ],
      };
    },
    evaluate: (ctx) => judgeRejection(ctx, what),
  };
}
