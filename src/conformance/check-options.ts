/**
 * The checks' public vocabulary: their ids and the groups `only` and `skip` select, and the
 * options of the checks that take any, with their defaults, in one place. `checkOptions` is
 * checked where it enters (runConformance): an unknown check, an unknown option or a value out
 * of range is an input error, never silently ignored.
 */
import { LARGEST_PLAUSIBLE_EVENT_BYTES } from '../delivery/diagnose.js';
import { InvalidOptionError } from '../errors.js';
import type { EventType } from '../events/catalog.js';
import { truncate } from '../util/text.js';

/** The id of a check: stable, never renamed (CI filters and reports key on it). */
export type CheckId =
  | 'transport.port-allowed'
  | 'transport.public-address'
  | 'tls.certificate-trusted'
  | `delivery.accepts.${EventType}`
  | 'delivery.response-time'
  | 'payload.nullable-fields'
  | 'payload.unknown-fields'
  | 'payload.unknown-event-type'
  | 'payload.blocking-safe-ip-forms'
  | 'payload.large'
  | 'auth.required'
  | 'auth.rejects-missing'
  | 'auth.rejects-wrong'
  | 'idempotency.duplicate-event-id'
  | 'load.burst';

/** A group of checks: an area, or all the delivery.accepts checks. */
export type CheckGroup =
  | 'transport'
  | 'tls'
  | 'delivery'
  | 'delivery.accepts'
  | 'payload'
  | 'auth'
  | 'idempotency'
  | 'load';

/**
 * What `only` and `skip` take: a check id or a group. A custom type (`schemas`) adds its own
 * `delivery.accepts.<type>` at run time, so any such id is allowed here and checked when the run
 * starts, like every selector: one that matches no check is ERR_UNKNOWN_CHECK.
 * @example ['payload', 'delivery.accepts.alert_triggered']
 */
export type CheckSelector = CheckId | CheckGroup | `delivery.accepts.${string}`;

/** Options of `load.burst`. */
export interface BurstOptions {
  /** Deliveries sent at once. @default 50 */
  count: number;
}

/** Options of `payload.large`. */
export interface LargeOptions {
  /**
   * The body sizes to send, ascending, in bytes (each am_i_under_attack grown to exactly that
   * size); sending stops at the first one not accepted. The largest must reach `requiredBytes`.
   * @default [32768, 70000, 110000, 500000, 1000000, 1100000]
   */
  sizesBytes: number[];
  /**
   * Every size up to this one must be accepted; larger ones only measure the headroom.
   * @default 1000000
   */
  requiredBytes: number;
}

/** Options of `delivery.response-time`. */
export interface ResponseTimeOptions {
  /**
   * The 95th percentile of single probes must stay under this (before time scaling): well
   * inside the Console's 30 s, so that a slower day does not turn into timeouts and redeliveries.
   * @default 10000
   */
  p95LimitMs: number;
}

/** The options of each check that takes any. */
export interface CheckOptionsById {
  'load.burst': BurstOptions;
  'payload.large': LargeOptions;
  'delivery.response-time': ResponseTimeOptions;
}

/**
 * `checkOptions` of runConformance: options of individual checks by id; what is left out keeps
 * its default (CHECK_OPTION_DEFAULTS).
 * @example { 'load.burst': { count: 20 }, 'delivery.response-time': { p95LimitMs: 2000 } }
 */
export type CheckOptions = { [K in keyof CheckOptionsById]?: Partial<CheckOptionsById[K]> };

/**
 * The defaults of every check option. payload.large's sizes go past the limits receivers ship
 * with: 64 KiB, Express's 100 kb (102,400 bytes), the largest plausible event (the threshold),
 * then just past 1 MiB (nginx's client_max_body_size and Fastify's bodyLimit), to tell a 1 MiB
 * limit from a larger one. README "payload.large" justifies the threshold.
 * @example CHECK_OPTION_DEFAULTS['load.burst'].count // 50
 */
export const CHECK_OPTION_DEFAULTS: {
  readonly [K in keyof CheckOptionsById]: Readonly<CheckOptionsById[K]>;
} = Object.freeze({
  'load.burst': Object.freeze({ count: 50 }),
  'payload.large': Object.freeze({
    sizesBytes: Object.freeze([32_768, 70_000, 110_000, 500_000, 1_000_000, 1_100_000]) as number[],
    requiredBytes: LARGEST_PLAUSIBLE_EVENT_BYTES,
  }),
  'delivery.response-time': Object.freeze({ p95LimitMs: 10_000 }),
});

/** The largest body payload.large may send: the bundled receiver accepts 16 MiB. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

type Check<T> = (value: unknown) => value is T;
const wholeIn =
  (min: number, max: number): Check<number> =>
  (v): v is number =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const ascendingSizes: Check<number[]> = (v): v is number[] =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.every((n, i) => wholeIn(1, MAX_BODY_BYTES)(n) && (i === 0 || n > (v[i - 1] as number)));
const positiveMs: Check<number> = (v): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 86_400_000;

/** Each option's check and, for the error, what it allows. */
const RULES: {
  [K in keyof CheckOptionsById]: { [O in keyof CheckOptionsById[K]]: [Check<unknown>, string] };
} = {
  'load.burst': { count: [wholeIn(1, 10_000), 'a whole number from 1 to 10000'] },
  'payload.large': {
    sizesBytes: [ascendingSizes, `whole numbers of bytes, ascending, at most ${MAX_BODY_BYTES}`],
    requiredBytes: [wholeIn(1, MAX_BODY_BYTES), `a whole number of bytes, at most ${MAX_BODY_BYTES}`],
  },
  'delivery.response-time': { p95LimitMs: [positiveMs, 'a number of ms above 0, at most 86400000'] },
};

const OPTION_CHECKS = Object.keys(RULES) as (keyof CheckOptionsById)[];

/** The options every check runs with: the defaults, with the caller's on top, each checked. */
export function resolveCheckOptions(given: unknown): Record<string, object> {
  const resolved: Record<string, object> = { ...CHECK_OPTION_DEFAULTS };
  if (given === undefined) return resolved;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new InvalidOptionError('checkOptions: expected an object of options by check id');
  }
  for (const [id, options] of Object.entries(given)) {
    if (!Object.hasOwn(RULES, id)) {
      throw new InvalidOptionError(
        `checkOptions: "${id}" takes no options (checks with options: ${OPTION_CHECKS.join(', ')})`,
      );
    }
    const rules = RULES[id as keyof CheckOptionsById] as Record<string, [Check<unknown>, string]>;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new InvalidOptionError(
        `checkOptions['${id}']: expected an object (options: ${Object.keys(rules).join(', ')})`,
      );
    }
    for (const [name, value] of Object.entries(options)) {
      const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
      if (!rule) {
        throw new InvalidOptionError(
          `checkOptions['${id}']: unknown option "${name}" (allowed: ${Object.keys(rules).join(', ')})`,
        );
      }
      if (value !== undefined && !rule[0](value)) {
        throw new InvalidOptionError(
          `checkOptions['${id}'].${name}: ${truncate(String(JSON.stringify(value)), 60)} is not allowed (allowed: ${rule[1]})`,
        );
      }
    }
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    resolved[id] = { ...resolved[id], ...defined };
  }
  // A pass says "accepted everything up to requiredBytes": a size that is never sent cannot pass.
  const large = resolved['payload.large'] as LargeOptions;
  if ((large.sizesBytes.at(-1) ?? 0) < large.requiredBytes) {
    throw new InvalidOptionError(
      `checkOptions['payload.large']: the largest of sizesBytes (${large.sizesBytes.at(-1)}) is under requiredBytes (${large.requiredBytes}); send a size of at least requiredBytes, or lower it`,
    );
  }
  return resolved;
}
