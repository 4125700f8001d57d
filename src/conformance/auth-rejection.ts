import { refusalCause, refusalWords } from './diagnose.js';
import { describeReceived, evidenceOf } from './evidence.js';
import { statusOf } from './exchange.js';
import { documented } from './payloads.js';
import type { Cause, Check, CheckOutcome, EvalContext, ProbeAuth } from './types.js';

/** A 2xx to a request whose credentials are missing or wrong, with nothing in its body saying no. */
const NOT_ENFORCED: Cause = {
  id: 'auth-not-enforced',
  summary: 'accepted requests whose credentials were missing or wrong',
  advice:
    'compare the credentials on every request with the configured ones and answer 401 (or 403) when they are missing or wrong',
  consequence:
    "a rotated or mistyped token on the Console gets 200 too, so nobody notices it is wrong; and if the receiver acts on such requests, anyone who finds the URL can post events that look like the Console's",
};

/**
 * The judgement shared by auth.rejects-missing and auth.rejects-wrong, decided as follows:
 * - 401 or 403: pass (refused, and the status says why);
 * - 200 whose body says it refused (adnanh/webhook's "Hook rules were not satisfied."): fail,
 *   because the Console counts that 200 as delivered: with a wrong token, events vanish;
 * - any other 2xx: fail (the request was accepted);
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
  const next = 'the Console always sends the configured credentials; this is about a wrong or missing one';
  if (status === undefined) {
    return {
      result: 'skip',
      reason: `no HTTP answer to a request ${what}, so it cannot be judged: ${describeReceived(x)}`,
    };
  }
  if (status >= 200 && status < 300) {
    const words = refusalWords(x);
    const cause = words ? refusalCause(x, ctx.target, words) : NOT_ENFORCED;
    return {
      result: 'fail',
      summary: words
        ? `a request ${what} got ${status}, though its body says it refused: "${words}"`
        : `a request ${what} was accepted (${status})`,
      evidence: [evidenceOf(x, false, expected, cause.consequence)],
      cause,
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
      "A receiver that answers 200 to wrong credentials hides a rotated or mistyped token (the Console counts every event delivered) and may act on anyone's requests; the configured header or Basic credentials must be enforced.",
    // A receiver that refuses the configured credentials too, or errs on every request, says
    // nothing about how it treats wrong ones.
    needs: 'processing',
    plan({ target, newEventId }) {
      if (target.auth === 'none') {
        return {
          type: 'skip',
          reason:
            'no credentials configured (pass --bearer, --header or --basic; library: auth), so there is nothing to enforce; auth.required judges the receiver without them',
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
