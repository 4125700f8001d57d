/**
 * The container image's HEALTHCHECK (`node /app/dist/container/healthcheck.js`). The image runs
 * any `cswm` command; only `cswm receive` serves something to probe. This finds the receive
 * process (PID 1, or a child of an init such as `docker run --init`), works out where it
 * listens from its own arguments, and asks its inbox. Any other command is healthy while it
 * runs: there is nothing to ask, and Docker already knows whether the process lives.
 * Exit 0 healthy, 1 unhealthy, with one line saying why (Docker keeps it in the health log).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pathToFileURL } from 'node:url';

/** Where a `cswm receive` process answers, from its arguments. */
export interface HealthTarget {
  url: string;
  /** The receiver's TLS modes use generated or user certificates: not verified here. */
  https: boolean;
}

const WILDCARD_OR_LOOPBACK = new Set(['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1']);

/** The value of `--name value` or `--name=value` in `args`, the last one winning (as commander does). */
function flagValue(args: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  args.forEach((arg, i) => {
    if (arg === name) value = args[i + 1];
    else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
  });
  return value;
}

/**
 * Given a process's argv (`node /usr/local/bin/cswm receive --port 8443 --tls valid ...`), the
 * inbox URL to probe when it is `cswm receive` on a known port; undefined otherwise (another
 * command, another program, or `--port 0`, whose port only the process knows).
 * The probe asks for the inbox page, not `/_cswm/deliveries`: that one serializes up to 10,000
 * records, every interval, for the life of the container.
 */
export function healthTarget(argv: readonly string[]): HealthTarget | undefined {
  const script = argv[1] ?? '';
  if (!/(^|\/)(cswm|crowdsec-webhook-mock|main\.js)$/.test(script)) return undefined;
  const args = argv.slice(2);
  const command = args.find((arg) => !arg.startsWith('-'));
  if (command !== 'receive') return undefined;
  const port = Number(flagValue(args, '--port') ?? '8080');
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return undefined;
  const host = flagValue(args, '--host') ?? '127.0.0.1';
  const https = flagValue(args, '--tls') !== undefined || flagValue(args, '--cert') !== undefined;
  const address = WILDCARD_OR_LOOPBACK.has(host) ? '127.0.0.1' : host;
  const shown = address.includes(':') ? `[${address}]` : address;
  return { url: `${https ? 'https' : 'http'}://${shown}:${port}/_cswm/`, https };
}

/** Every process's argv this user may read, PID 1 first. */
function processArgvs(): string[][] {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(a) - Number(b));
  const argvs: string[][] = [];
  for (const pid of pids) {
    try {
      argvs.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch {
      // Gone since the listing, or not ours to read.
    }
  }
  return argvs;
}

function probe(target: HealthTarget, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = target.https ? httpsRequest : httpRequest;
    const req = request(target.url, { timeout: timeoutMs, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? undefined : `answered ${res.statusCode}`);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve(error.message));
    req.end();
  });
}

async function main(): Promise<number> {
  const target = processArgvs()
    .map(healthTarget)
    .find((t) => t !== undefined);
  if (!target) {
    process.stdout.write('healthy: no `cswm receive` on a known port here, nothing to probe\n');
    return 0;
  }
  const problem = await probe(target, 2_000);
  if (problem === undefined) {
    process.stdout.write(`healthy: the inbox answers at ${target.url}\n`);
    return 0;
  }
  process.stdout.write(`unhealthy: the inbox at ${target.url} did not answer 200 (${problem})\n`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
