/**
 * What a sender's headers say, as pure facts over the deliveries seen: the ones it always sends
 * with the same value (what `--profile` sends), the ones that change, the ones that carried
 * credentials (names only; values arrive here redacted and are never kept).
 */
import { REDACTED } from '../util/redact.js';

/** Set by the transport for each request: never part of what a profile asks to send. */
const TRANSPORT = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'proxy-connection',
]);

export interface HeaderFacts {
  headers: Record<string, string>;
  headerNames: string[];
  varyingHeaders: string[];
  credentialHeaders: string[];
  userAgent: string | null;
}

/**
 * Classifies the headers of the deliveries seen (each a list of [name as written, value]
 * pairs in the order sent, credentials already redacted).
 *
 * @example headerFacts([[['User-Agent', 'Go-http-client/1.1'], ['Host', 'x']]]).headers // { 'user-agent': 'Go-http-client/1.1' }
 */
export function headerFacts(deliveries: readonly (readonly (readonly [string, string])[])[]): HeaderFacts {
  const names: string[] = [];
  const seenNames = new Set<string>();
  const values = new Map<string, Set<string>>();
  const present = new Map<string, number>();
  const credentials = new Set<string>();
  for (const headers of deliveries) {
    const here = new Set<string>();
    for (const [name, value] of headers) {
      const lower = name.toLowerCase();
      if (!seenNames.has(lower)) {
        seenNames.add(lower);
        names.push(name);
      }
      if (value.includes(REDACTED)) credentials.add(lower);
      if (here.has(lower)) continue;
      here.add(lower);
      present.set(lower, (present.get(lower) ?? 0) + 1);
      const set = values.get(lower);
      if (set) set.add(value);
      else values.set(lower, new Set([value]));
    }
  }
  const headers: Record<string, string> = {};
  const varying: string[] = [];
  for (const [lower, set] of values) {
    const constant = set.size === 1 && present.get(lower) === deliveries.length;
    if (!constant) {
      if (!TRANSPORT.has(lower)) varying.push(lower);
      continue;
    }
    if (TRANSPORT.has(lower) || credentials.has(lower)) continue;
    headers[lower] = [...set][0] as string;
  }
  const agents = values.get('user-agent');
  return {
    headers,
    headerNames: names,
    varyingHeaders: varying.filter((n) => !credentials.has(n)),
    credentialHeaders: [...credentials],
    userAgent: agents ? ([...agents][0] as string) : null,
  };
}
