import type { Auth } from '../delivery/types.js';
import { InvalidOptionError } from '../errors.js';
import type { EventSchemas } from '../events/custom/registry.js';
import { type CheckOptions, type CheckSelector, resolveCheckOptions } from './check-options.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /**
   * The receiver to check. Without one, the bundled reference receiver is started on
   * 127.0.0.1:8080 (or an ephemeral port when 8080 is taken), checked, and stopped.
   * @example 'https://hooks.example.com/crowdsec'
   */
  url?: string;
  /** The credentials configured on the Console destination; enables the auth checks. */
  auth?: Auth;
  /** The destination's "disable SSL verification". tls.certificate-trusted verifies anyway. @default false */
  insecure?: boolean;
  /** Extra trusted CA certificates (PEM), standing for public roots in local tests. */
  ca?: string | string[];
  /** Go on with a port the Console will not call (transport.port-allowed then fails). @default false */
  allowAnyPort?: boolean;
  /**
   * Run only these checks: ids or groups (`payload`, `delivery.accepts`).
   * @example ['payload', 'delivery.accepts.alert_triggered']
   */
  only?: CheckSelector[];
  /**
   * Leave out these checks: ids or groups.
   * @example ['load.burst']
   */
  skip?: CheckSelector[];
  /** Multiplies the timeout and the response-time limit (0.01 for fast tests). @default 1 */
  timeScale?: number;
  /** Timeout of one probe before scaling, the Console's. @default 30000 */
  timeoutMs?: number;
  /**
   * Headers of every probe in place of the emitter's (Content-Type and its User-Agent), e.g. a
   * learned sender profile's (`senderProfileOptions(profile).headers`). Auth is added on top.
   */
  headers?: Record<string, string>;
  /**
   * How many times the receiver acted on an event, for idempotency.duplicate-event-id. Without
   * it the check only sees that a redelivery gets 200 and says the effect was not observed.
   * @example (eventId) => db.count('tickets', { eventId })
   */
  observer?: (eventId: string) => number | Promise<number>;
  /**
   * Options of individual checks by id: `load.burst` (`count`), `payload.large` (`sizesBytes`,
   * `requiredBytes`), `delivery.response-time` (`p95LimitMs`); their defaults are
   * CHECK_OPTION_DEFAULTS. Another id or an unknown option is an input error.
   * @example { 'load.burst': { count: 20 } }
   */
  checkOptions?: CheckOptions;
  /** Probes in flight at once, bursts aside. @default 8 */
  concurrency?: number;
  /** Port of the embedded reference receiver. @default 8080 */
  embeddedPort?: number;
  /**
   * Custom event types (from loadEventSchemas): adds `delivery.accepts.<type>` for each (one
   * that redefines a documented type replaces that type's check).
   */
  schemas?: EventSchemas;
}

const CONFORMANCE_DEFAULTS = {
  timeScale: 1,
  timeoutMs: 30_000,
  concurrency: 8,
  embeddedPort: 8080,
} as const;

/** Options checked where they enter the library; inside, they are trusted. */
export interface ResolvedOptions {
  timeScale: number;
  timeoutMs: number;
  concurrency: number;
  embeddedPort: number;
  /** Every check's options by id, defaults filled in. */
  checkOptions: Record<string, object>;
}

export function resolveOptions(options: ConformanceOptions): ResolvedOptions {
  const positive = (name: string, value: number, max: number): number => {
    if (!Number.isFinite(value) || value <= 0 || value > max) {
      throw new InvalidOptionError(`${name}: ${value} is not allowed (allowed: above 0, at most ${max})`);
    }
    return value;
  };
  const whole = (name: string, value: number, min: number, max: number): number => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidOptionError(
        `${name}: ${value} is not allowed (allowed: a whole number from ${min} to ${max})`,
      );
    }
    return value;
  };
  return {
    timeScale: positive('timeScale', options.timeScale ?? CONFORMANCE_DEFAULTS.timeScale, 1000),
    timeoutMs: positive('timeoutMs', options.timeoutMs ?? CONFORMANCE_DEFAULTS.timeoutMs, 86_400_000),
    concurrency: whole('concurrency', options.concurrency ?? CONFORMANCE_DEFAULTS.concurrency, 1, 1000),
    embeddedPort: whole('embeddedPort', options.embeddedPort ?? CONFORMANCE_DEFAULTS.embeddedPort, 0, 65_535),
    checkOptions: resolveCheckOptions(options.checkOptions),
  };
}

/** Credentials that are certainly wrong, of the same kind as the configured ones. */
export function wrongAuth(auth: Auth): Auth {
  const differ = (candidate: string, real: string) => (candidate === real ? `${candidate}-x` : candidate);
  if (auth.type === 'header') return { ...auth, value: differ('cswm-wrong-credential', auth.value) };
  if (auth.type === 'bearer') return { type: 'bearer', token: differ('cswm-wrong-token', auth.token) };
  return { ...auth, password: differ('cswm-wrong-password', auth.password) };
}
