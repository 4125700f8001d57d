/**
 * Fault rules as pure policy: which rule applies to a request, and what it asks for on this
 * attempt. No sockets here: handler.ts asks for the decision and actions.ts carries it out.
 */

import { BoundedMap } from '../util/bounded-map.js';
import { formatDurationMs } from '../util/duration.js';
import { formatBytes } from '../util/format-bytes.js';
import { DEFAULT_MAX_EVENT_IDS } from './recorder.js';
import type { Fault, FaultRule, FaultType } from './types.js';

/** The receiver's default: what a correct receiver answers. */
export const REFERENCE_STATUS = 200;

/**
 * Size of a `huge-body` answer when none is given: far past what any sender should read (the
 * delivery engine reads 64 KiB and drops the connection), so the fault shows whether it does.
 */
export const DEFAULT_HUGE_BODY_BYTES = 1024 ** 3;

/** Every fault, in the order the docs list them: the one list the flags, files and reports use. */
const FAULTS: { [T in FaultType]: { named: boolean } } = {
  status: { named: false },
  delay: { named: false },
  hang: { named: true },
  reset: { named: true },
  malformed: { named: true },
  'huge-body': { named: true },
  'drop-response': { named: true },
};

export const FAULT_TYPES = Object.keys(FAULTS) as FaultType[];

/** The faults chosen by name alone (`--fault NAME`, a scenario's `fault: NAME`). */
export type NamedFault = Exclude<FaultType, 'status' | 'delay'>;

export const NAMED_FAULTS = FAULT_TYPES.filter((t) => FAULTS[t].named) as NamedFault[];

/** The fault a name stands for, its parameters at their defaults. */
export function namedFault(name: NamedFault): Fault {
  return name === 'huge-body' ? { type: name, bytes: DEFAULT_HUGE_BODY_BYTES } : { type: name };
}

/** True when `name` is a fault chosen by name alone. */
export function isNamedFault(name: string): name is NamedFault {
  return (NAMED_FAULTS as string[]).includes(name);
}

/** Where a `302`-style status sequence points when the fault names no `location`. */
export const DEFAULT_REDIRECT_PATH = '/cswm-redirect-target';

const EXPLAIN: { [K in Fault['type']]: (fault: Extract<Fault, { type: K }>) => string } = {
  status: (f) => {
    const list = joinStatuses(f.statuses);
    const where = f.statuses.some(isRedirect)
      ? ` (redirecting to ${f.location ?? DEFAULT_REDIRECT_PATH})`
      : '';
    if (f.statuses.length === 1) return `answers ${list} to every attempt${where}`;
    return `answers ${list} to each event's attempts in order${where}`;
  },
  delay: (f) => `waits ${formatDurationMs(f.delayMs)}, then answers ${f.status ?? REFERENCE_STATUS}`,
  hang: () => 'reads the request and never answers, until the client gives up',
  reset: () => 'reads the request, then resets the connection without answering',
  malformed: () => 'reads the request, then writes bytes that are not HTTP and closes the connection',
  'huge-body': (f) => `answers 200 with a ${formatBytes(f.bytes)} body, streamed`,
  'drop-response': () =>
    'processes the delivery, then drops the connection before answering, so the sender delivers it again',
};

/**
 * One sentence saying what a fault does, for reports and the command line.
 *
 * @example explainFault({ type: 'status', statuses: [503, 503, 200] })
 * // "answers 503, 503, then 200 to each event's attempts in order"
 */
export function explainFault(fault: Fault): string {
  const explain = EXPLAIN[fault.type] as (f: Fault) => string;
  return explain(fault);
}

/** A rule in one sentence: the fault plus where and how often it applies. */
export function explainRule(rule: FaultRule): string {
  const scope: string[] = [];
  if (rule.path !== undefined) scope.push(`to ${rule.path}`);
  if (rule.eventType !== undefined) scope.push(`of type ${rule.eventType}`);
  const which =
    rule.times !== undefined
      ? ` for the first ${rule.times} request${rule.times === 1 ? '' : 's'}${scope.length ? ` ${scope.join(' ')}` : ''}, then answers 200`
      : scope.length
        ? ` for requests ${scope.join(' ')}`
        : '';
  return `${explainFault(rule.fault)}${which}`;
}

/** Live state of one rule: how many requests it took, and attempts per event_id. */
export interface RuleState {
  rule: FaultRule;
  matched: number;
  /** Bounded like the duplicate index: a forgotten event starts its status sequence again. */
  attemptsByEvent: BoundedMap<string, number>;
}

/** @param maxEventIds how many events' attempt counts each rule remembers. */
export function newRuleStates(rules: readonly FaultRule[], maxEventIds = DEFAULT_MAX_EVENT_IDS): RuleState[] {
  return rules.map((rule) => ({ rule, matched: 0, attemptsByEvent: new BoundedMap(maxEventIds) }));
}

/** What the app must do with a request. `fault: null` means the reference behaviour. */
export interface Decision {
  fault: Fault | null;
  /** For `status` faults: the status chosen for this attempt. */
  status?: number;
}

export interface RequestFacts {
  path: string;
  eventType: string | null;
  eventId: string | null;
}

/** True when a rule's scope covers the request (ignores `times`). */
function ruleMatches(rule: FaultRule, req: RequestFacts): boolean {
  if (rule.path !== undefined && rule.path !== req.path) return false;
  if (rule.eventType !== undefined && rule.eventType !== req.eventType) return false;
  return true;
}

/**
 * Picks the first rule that covers the request and still has `times` left, and advances its
 * counters. A status sequence is indexed by the attempt number of the same event_id (the
 * Console's retries of one event), or by request order when the request carries no event_id;
 * the last status repeats.
 */
export function decide(states: readonly RuleState[], req: RequestFacts): Decision {
  for (const state of states) {
    if (!ruleMatches(state.rule, req)) continue;
    if (state.rule.times !== undefined && state.matched >= state.rule.times) continue;
    state.matched += 1;
    const fault = state.rule.fault;
    if (fault.type !== 'status') return { fault };
    let attempt = state.matched;
    if (req.eventId !== null) {
      attempt = (state.attemptsByEvent.get(req.eventId) ?? 0) + 1;
      state.attemptsByEvent.set(req.eventId, attempt);
    }
    const index = Math.min(attempt, fault.statuses.length) - 1;
    return { fault, status: fault.statuses[index] ?? REFERENCE_STATUS };
  }
  return { fault: null };
}

export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

function joinStatuses(statuses: readonly number[]): string {
  if (statuses.length <= 1) return statuses.join('');
  return `${statuses.slice(0, -1).join(', ')}, then ${statuses.at(-1)}`;
}
