import { diagnose } from '../diagnose.js';
import { describeReceived, evidenceOf } from '../evidence.js';
import { outcomeOf } from '../exchange.js';
import { documented } from '../payloads.js';
import type { Check } from '../types.js';

/**
 * tls.certificate-trusted: one probe with verification on (even under --insecure, since the
 * question is what the Console sees by default). A `--ca` file stands for the public roots.
 * With --insecure (the destination's "disable SSL verification") a bad certificate is a
 * warning that still names its problem: the run declared it.
 */
export const certificateTrusted: Check = {
  id: 'tls.certificate-trusted',
  title: 'The TLS certificate is trusted, valid and names the host',
  severity: 'high',
  rationale:
    'With an untrusted, expired or mismatched certificate every delivery fails its handshake unless the destination has "disable SSL verification" on.',
  plan({ target, newEventId }) {
    if (target.protocol !== 'https') {
      return { type: 'skip', reason: 'http destination: there is no certificate to check' };
    }
    return {
      type: 'parallel',
      probes: [
        {
          label: 'alert_triggered with TLS verification on',
          payload: documented('alert_triggered', newEventId()),
          verifyTls: true,
        },
      ],
    };
  },
  evaluate({ exchanges, target }) {
    const x = exchanges[0];
    if (!x) return { result: 'skip', reason: 'no probe was sent' };
    const outcome = outcomeOf(x);
    const expected = 'a completed handshake with a trusted, valid certificate for this host';
    if (outcome.type === 'tls') {
      const cause = diagnose(x, target);
      const evidence = [evidenceOf(x, false, expected, cause.consequence)];
      return target.insecure
        ? {
            result: 'warn',
            summary: `${cause.summary}; accepted because the destination disables SSL verification (--insecure)`,
            evidence,
            cause: {
              ...cause,
              consequence:
                'with "disable SSL verification" on, the Console delivers anyway; anyone between the Console and the receiver could read or alter the events',
            },
          }
        : { result: 'fail', summary: cause.summary, evidence, cause };
    }
    if (outcome.type === 'delivered' || outcome.type === 'status' || outcome.type === 'protocol') {
      return {
        result: 'pass',
        summary: 'the handshake completed with verification on',
        evidence: [evidenceOf(x, true, expected, 'the Console completes the TLS handshake')],
      };
    }
    return {
      result: 'skip',
      reason: `no TLS handshake completed, so the certificate could not be judged: ${describeReceived(x)}`,
    };
  },
};
