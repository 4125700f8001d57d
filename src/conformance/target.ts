/**
 * Where the probes go: the user's URL (checked before anything is sent), or the embedded
 * reference receiver, started here and stopped by the caller.
 */
import { checkDestination } from '../delivery/ports.js';
import type { Auth } from '../delivery/types.js';
import { CswmError, ErrorCodes } from '../errors.js';
import type { Receiver } from '../receiver/types.js';
import { redactUrl } from '../util/redact.js';
import type { TargetInfo } from './types.js';

export interface ResolvedTarget {
  /** The real URL (credentials inside it kept, for sending). */
  url: string;
  info: Omit<TargetInfo, 'timeoutMs' | 'timeScale' | 'hasObserver'>;
  /** The embedded receiver, to stop after the run. */
  receiver?: Receiver;
}

function isListenFailure(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === ErrorCodes.LISTEN_FAILED || code === 'EADDRINUSE' || code === 'EACCES';
}

/** Starts the reference receiver on `port`, or on an ephemeral port when that one is taken. */
async function startEmbedded(port: number): Promise<{ receiver: Receiver; portSkipReason?: string }> {
  const { startReceiver } = await import('../receiver/server.js');
  try {
    const receiver = await startReceiver({ host: '127.0.0.1', port });
    if (port !== 0) return { receiver };
    return {
      receiver,
      portSkipReason: `the embedded reference receiver runs on ephemeral port ${receiver.port}, as asked; the port check does not apply to it`,
    };
  } catch (error) {
    if (port === 0 || !isListenFailure(error)) throw error;
    const receiver = await startReceiver({ host: '127.0.0.1', port: 0 });
    return {
      receiver,
      portSkipReason: `port ${port} was taken, so the embedded reference receiver runs on ephemeral port ${receiver.port}; the port check does not apply to it`,
    };
  }
}

export async function resolveTarget(options: {
  url?: string;
  auth?: Auth;
  insecure?: boolean;
  allowAnyPort?: boolean;
  embeddedPort: number;
}): Promise<ResolvedTarget> {
  const authType = options.auth?.type ?? 'none';
  const insecure = options.insecure ?? false;
  if (options.url !== undefined) {
    const destination = checkDestination(options.url, { allowAnyPort: options.allowAnyPort ?? false });
    return {
      url: options.url,
      info: {
        url: redactUrl(destination.url),
        protocol: destination.url.protocol === 'https:' ? 'https' : 'http',
        host: destination.url.hostname,
        port: destination.port,
        portAllowed: destination.portAllowed,
        embedded: false,
        auth: authType,
        insecure,
      },
    };
  }
  if (options.auth) {
    throw new CswmError(
      ErrorCodes.INVALID_OPTION,
      'credentials were given without a URL: the embedded reference receiver takes none; pass --url to check your receiver with them',
    );
  }
  const { receiver, portSkipReason } = await startEmbedded(options.embeddedPort);
  const destination = checkDestination(receiver.url, { allowAnyPort: true });
  return {
    url: receiver.url,
    receiver,
    info: {
      url: redactUrl(destination.url),
      protocol: 'http',
      host: destination.url.hostname,
      port: destination.port,
      portAllowed: destination.portAllowed,
      embedded: true,
      auth: 'none',
      insecure,
      ...(portSkipReason ? { portSkipReason } : {}),
    },
  };
}
