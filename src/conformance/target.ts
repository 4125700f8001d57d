/**
 * Where the probes go: the user's URL (checked before anything is sent), or the embedded
 * reference receiver, started here and stopped by the caller.
 */
import { randomBytes } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { splitUrlCredentials } from '../delivery/headers.js';
import { checkDestination } from '../delivery/ports.js';
import type { Auth } from '../delivery/types.js';
import { ErrorCodes } from '../errors.js';
import { toReceiverAuth } from '../receiver/auth.js';
import type { Receiver, ReceiverAuth } from '../receiver/types.js';
import { redactUrl } from '../util/redact.js';
import type { TargetInfo } from './types.js';

export interface ResolvedTarget {
  /** The URL to send to (without user:pass@, which becomes `auth`). */
  url: string;
  info: Omit<
    TargetInfo,
    'timeoutMs' | 'consoleTimeoutMs' | 'timeScale' | 'hasObserver' | 'localRun' | 'certificate'
  >;
  /** The credentials to send: the caller's, or for the embedded receiver a token made for the run. */
  auth?: Auth;
  /** The embedded receiver, to stop after the run. */
  receiver?: Receiver;
}

function isListenFailure(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === ErrorCodes.LISTEN_FAILED || code === 'EADDRINUSE' || code === 'EACCES';
}

/** Starts the reference receiver on `port`, or on an ephemeral port when that one is taken. */
async function startEmbedded(
  port: number,
  auth: ReceiverAuth | undefined,
): Promise<{ receiver: Receiver; portSkipReason?: string }> {
  const { startReceiver } = await import('../receiver/server.js');
  const base = { host: '127.0.0.1', ...(auth ? { auth } : {}) };
  try {
    const receiver = await startReceiver({ ...base, port });
    if (port !== 0) return { receiver };
    return {
      receiver,
      portSkipReason: `the embedded reference receiver runs on ephemeral port ${receiver.port}, as asked; the port check does not apply to it`,
    };
  } catch (error) {
    if (port === 0 || !isListenFailure(error)) throw error;
    const receiver = await startReceiver({ ...base, port: 0 });
    return {
      receiver,
      portSkipReason: `port ${port} was taken, so the embedded reference receiver runs on ephemeral port ${receiver.port}; the port check does not apply to it`,
    };
  }
}

/** Looks a host name up: every address, in the resolver's order. */
export type HostLookup = (host: string) => Promise<string[]>;

/** How long the start of a run waits for the host's addresses before going on without them. */
const LOOKUP_MS = 5_000;

const systemLookup: HostLookup = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The addresses of `host` (a name; literals need no lookup), or undefined when it does not
 * resolve in time: the delivery checks then report the DNS failure with their evidence.
 */
async function addressesOf(host: string, lookup: HostLookup): Promise<string[] | undefined> {
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, LOOKUP_MS, undefined);
  });
  try {
    const found = await Promise.race([lookup(host).catch(() => undefined), late]);
    return found && found.length > 0 ? found : undefined;
  } finally {
    clearTimeout(timer);
  }
}

export async function resolveTarget(options: {
  url?: string;
  auth?: Auth;
  insecure?: boolean;
  allowAnyPort?: boolean;
  embeddedPort: number;
  /** For tests: the lookup behind transport.public-address (the system resolver by default). */
  lookup?: HostLookup;
}): Promise<ResolvedTarget> {
  const insecure = options.insecure ?? false;
  if (options.url !== undefined) {
    const destination = checkDestination(options.url, { allowAnyPort: options.allowAnyPort ?? false });
    // user:pass@ in the URL is Basic auth, as the delivery engine sends it: taken out here, so
    // that the auth checks know credentials are configured and can leave them off or change them.
    const { url, auth } = splitUrlCredentials(destination.url, options.auth);
    const addresses = await addressesOf(url.hostname, options.lookup ?? systemLookup);
    return {
      url: url.href,
      ...(auth ? { auth } : {}),
      info: {
        url: redactUrl(url),
        protocol: url.protocol === 'https:' ? 'https' : 'http',
        host: url.hostname,
        port: destination.port,
        portAllowed: destination.portAllowed,
        embedded: false,
        ...(addresses ? { addresses } : {}),
        auth: auth?.type ?? 'none',
        insecure,
      },
    };
  }
  // The embedded receiver demonstrates every check: it requires credentials, the caller's or a
  // bearer token made for this run (never shown), so the auth checks run too.
  const auth: Auth = options.auth ?? { type: 'bearer', token: randomBytes(24).toString('hex') };
  const { receiver, portSkipReason } = await startEmbedded(options.embeddedPort, toReceiverAuth(auth));
  const destination = checkDestination(receiver.url, { allowAnyPort: true });
  return {
    url: receiver.url,
    auth,
    receiver,
    info: {
      url: redactUrl(destination.url),
      protocol: 'http',
      host: destination.url.hostname,
      port: destination.port,
      portAllowed: destination.portAllowed,
      embedded: true,
      auth: auth.type,
      insecure,
      ...(portSkipReason ? { portSkipReason } : {}),
    },
  };
}
