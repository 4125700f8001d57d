import { isIP } from 'node:net';
import { transportFinding } from '../evidence.js';
import type { Check } from '../types.js';

/**
 * Why a host cannot be reached from the internet, or null when it may be. Pure: the name as
 * written, then the `addresses` it was looked up to (if any); one private address is enough,
 * since the Console may be given that one.
 */
export function privateHostReason(host: string, addresses: readonly string[] = []): string | null {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(h);
  if (family !== 0) return addressReason(h);
  if (h === 'localhost' || h.endsWith('.localhost')) return 'a loopback name';
  if (/\.(local|internal|lan|home\.arpa|intranet|corp)$/.test(h)) return 'a local-network name';
  if (!h.includes('.'))
    return 'a single-label name (only resolvable on a local network or in a container network)';
  for (const address of addresses) {
    const reason = addressReason(address.toLowerCase());
    if (reason) return `a name that resolves to ${address}, ${reason}`;
  }
  return null;
}

function addressReason(ip: string): string | null {
  const family = isIP(ip);
  if (family === 4) return ipv4Reason(ip);
  if (family === 6) return ipv6Reason(ip);
  return null;
}

function ipv4Reason(ip: string): string | null {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  if (a === 127) return 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address';
  if (a === 0) return 'an unspecified address';
  return null;
}

function ipv6Reason(ip: string): string | null {
  if (ip === '::1') return 'a loopback address';
  if (ip === '::') return 'an unspecified address';
  if (/^f[cd]/.test(ip)) return 'a unique local (private) address';
  if (/^fe[89ab]/.test(ip)) return 'a link-local address';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  return mapped?.[1] ? ipv4Reason(mapped[1]) : null;
}

/**
 * transport.public-address (a warning, low severity): the real Console sends from the
 * internet, so a loopback or private host works here but never from the Console. The host is
 * judged as written, then by the addresses it resolved to when the run started (from this
 * machine: split-horizon DNS can still answer the Console differently). A run that declared
 * itself local (--allow-any-port) gets a warning instead of a failure.
 */
export const publicAddress: Check = {
  id: 'transport.public-address',
  title: 'The host is reachable from the internet',
  severity: 'low',
  rationale:
    'The Console calls from the internet: loopback, private and local-network hosts cannot be reached.',
  plan: () => ({ type: 'none' }),
  evaluate({ target }) {
    if (target.embedded) {
      return { result: 'skip', reason: 'the embedded reference receiver runs on this machine by design' };
    }
    const reason = privateHostReason(target.host, target.addresses);
    const resolved = target.addresses ? ` (resolves to ${target.addresses.join(', ')})` : '';
    const evidence = {
      probe: 'destination URL',
      ok: reason === null,
      sent: `destination ${target.url}`,
      received: reason ? `host ${target.host} is ${reason}` : `host ${target.host}${resolved}`,
      expected: 'a public host name or address',
      consoleNext: reason
        ? 'the real Console cannot reach this host; fine for local tests, not for the Console destination'
        : 'the Console can look this host up from the internet',
    };
    if (!reason) return { result: 'pass', summary: `host ${target.host} looks public`, evidence: [evidence] };
    const cause = {
      id: 'private-address',
      summary: `host ${target.host} is ${reason}`,
      advice:
        'expose the receiver on a public host name (a reverse proxy or a tunnel) before configuring the Console destination',
      consequence: 'the real Console calls from the internet and cannot reach this host',
    };
    return transportFinding(
      cause,
      evidence,
      target.localRun,
      `${cause.summary}: the real Console cannot reach it`,
    );
  },
};
