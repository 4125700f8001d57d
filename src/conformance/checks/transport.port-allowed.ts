import { ALLOWED_PORTS } from '../../delivery/ports.js';
import { transportFinding } from '../evidence.js';
import type { Check } from '../types.js';

/**
 * transport.port-allowed: the Console calls only ports 80, 8080, 443 and 8443. A run that
 * declared itself local (--allow-any-port) gets a warning instead of a failure.
 */
export const portAllowed: Check = {
  id: 'transport.port-allowed',
  title: 'The URL uses a port the Console calls',
  severity: 'critical',
  rationale: `The Console sends webhooks only to ports ${ALLOWED_PORTS.join(', ')}; any other port gets nothing, ever.`,
  plan: () => ({ type: 'none' }),
  evaluate({ target }) {
    if (target.portSkipReason) return { result: 'skip', reason: target.portSkipReason };
    const evidence = {
      probe: 'destination URL',
      ok: target.portAllowed,
      sent: `destination ${target.url}`,
      received: `port ${target.port}`,
      expected: `one of ${ALLOWED_PORTS.join(', ')}`,
      consoleNext: target.portAllowed
        ? 'the Console can call this port'
        : `the Console will not call port ${target.port}: no event will ever reach this receiver`,
    };
    if (target.portAllowed)
      return { result: 'pass', summary: `port ${target.port} is allowed`, evidence: [evidence] };
    const cause = {
      id: 'port-not-allowed',
      summary: `port ${target.port} is not one the Console calls (allowed: ${ALLOWED_PORTS.join(', ')})`,
      advice: `put the receiver (or a proxy in front of it) on ${ALLOWED_PORTS.slice(0, -1).join(', ')} or ${ALLOWED_PORTS.at(-1)} before configuring the Console destination`,
      consequence: `the Console will only call ports ${ALLOWED_PORTS.join(', ')}: it would never reach this one`,
    };
    return transportFinding(cause, evidence, target.localRun);
  },
};
