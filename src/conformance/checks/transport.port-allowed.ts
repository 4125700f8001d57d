import { ALLOWED_PORTS } from '../../delivery/ports.js';
import type { Check } from '../types.js';

/** transport.port-allowed: the Console calls only ports 80, 8080, 443 and 8443. */
export const portAllowed: Check = {
  id: 'transport.port-allowed',
  title: 'The URL uses a port the Console calls',
  severity: 'critical',
  rationale: `The Console sends webhooks only to ports ${ALLOWED_PORTS.join(', ')}; any other port gets nothing, ever.`,
  defaults: {},
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
    return target.portAllowed
      ? { result: 'pass', summary: `port ${target.port} is allowed`, evidence: [evidence] }
      : {
          result: 'fail',
          summary: `port ${target.port} is not one the Console calls (allowed: ${ALLOWED_PORTS.join(', ')}); put the receiver (or a proxy) on one of them`,
          evidence: [evidence],
        };
  },
};
