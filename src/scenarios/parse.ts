import { LineCounter, parseDocument } from 'yaml';
import type { Auth } from '../delivery/types.js';
import { InvalidScenarioError } from '../errors.js';
import { toReceiverAuth } from '../receiver/auth.js';
import { namedFault, REFERENCE_STATUS } from '../receiver/faults.js';
import type { Fault, FaultRule } from '../receiver/types.js';
import { parseDurationMs } from '../util/duration.js';
import type { ScenarioFile } from './file.generated.js';
import { type FieldPath, positionOf, scenarioError } from './locate.js';
import { schemaProblems } from './schema.js';
import { checkSemantics } from './semantics.js';
import type { DeliveryPolicy, Expectations, ReceiverSpec, Scenario, SendSpec, TargetSpec } from './types.js';

/**
 * Parses and checks a scenario file's text. Every problem (bad YAML, a field the schema does
 * not allow, an unknown fault or event type, expectations that contradict each other) throws an
 * InvalidScenarioError whose message starts with `file:line:column: field:`.
 *
 * `trusted` skips the JSON Schema check (the bundled files, checked by the tests); the other
 * checks still apply.
 *
 * @example parseScenario(readFileSync('scenarios/retry-then-success.yaml', 'utf8'), 'scenarios/retry-then-success.yaml')
 */
export function parseScenario(
  text: string,
  file = '<scenario>',
  options: { trusted?: boolean; eventTypes?: readonly string[] } = {},
): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0] ?? { line: 1, col: 1 };
    const reason = yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'bad YAML';
    throw new InvalidScenarioError(`${file}:${pos.line}:${pos.col}: not valid YAML: ${reason}`, {
      file,
      line: pos.line,
      column: pos.col,
    });
  }
  let data: unknown;
  try {
    // yaml throws plain errors here, for an alias whose anchor is missing and for an alias bomb
    // (its maxAliasCount guard): both are a bad file, not a crash.
    data = doc.toJS();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'bad YAML';
    throw new InvalidScenarioError(
      `${file}:1:1: not valid YAML: ${reason}`,
      { file, line: 1, column: 1 },
      {
        cause: error,
      },
    );
  }
  const fail = (path: FieldPath, message: string, atKey = false): never => {
    throw scenarioError(file, positionOf(doc, lineCounter, path, { key: atKey }), path, message);
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail([], 'a scenario file is a YAML mapping (version, id, title, description, send, expect, ...)');
  }
  // The bundled files are checked against the schema by the test suite; compiling the schema
  // (a few hundred ms) is only paid for files that come from outside.
  const problems = (options.trusted ? [] : schemaProblems(data)).filter(
    (p) => !isGivenType(p.path, data, options.eventTypes),
  );
  const first = problems[0];
  if (first) {
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : '';
    fail(first.path, `${first.message}${more}`, first.atKey);
  }
  const raw = data as ScenarioFile;
  checkSemantics(raw, fail);
  return normalize(raw, file);
}

/**
 * A custom event type (the run was given its schema) where the file names an event type: in
 * `send`, a fault's `eventType` or `expect.received.eventTypes`. Not an unknown type, then.
 */
function isGivenType(path: FieldPath, data: unknown, eventTypes: readonly string[] = []): boolean {
  const last = path.at(-1);
  const named = last === 'event' || last === 'eventType' || path.at(-2) === 'eventTypes';
  let value: unknown = data;
  for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
  return named && typeof value === 'string' && eventTypes.includes(value);
}

function normalize(raw: ScenarioFile, file: string): Scenario {
  const scenario: Scenario = {
    version: 1,
    id: raw.id,
    title: raw.title.trim(),
    description: raw.description.trim().replace(/\s+/g, ' '),
    tags: raw.tags ?? [],
    file,
    send: raw.send.map(
      (s): SendSpec => ({ event: s.event, count: s.count ?? 1, seed: s.seed, wrapped: s.wrapped }),
    ),
    delivery: policy(raw.delivery),
    expect: expectations(raw.expect),
  };
  if (raw.minTimeScale !== undefined) scenario.minTimeScale = raw.minTimeScale;
  if (raw.receiver) scenario.receiver = receiverSpec(raw.receiver);
  if (raw.target) scenario.target = targetSpec(raw.target);
  return scenario;
}

function receiverSpec(raw: NonNullable<ScenarioFile['receiver']>): ReceiverSpec {
  const faults: FaultRule[] = [];
  const times = raw.times === undefined ? {} : { times: raw.times };
  if (raw.respond) {
    const fault: Fault = { type: 'status', statuses: raw.respond };
    if (raw.location !== undefined) fault.location = raw.location;
    faults.push({ fault, ...times });
  } else if (raw.delay !== undefined) {
    faults.push({
      fault: { type: 'delay', delayMs: parseDurationMs(raw.delay), status: raw.status ?? REFERENCE_STATUS },
      ...times,
    });
  } else if (raw.fault !== undefined) {
    faults.push({ fault: namedFault(raw.fault), ...times });
  }
  for (const rule of raw.faults ?? []) faults.push(faultRule(rule));
  const spec: ReceiverSpec = { faults };
  if (raw.tls) spec.tls = raw.tls;
  if (raw.auth) spec.auth = toReceiverAuth(deliveryAuth(raw.auth));
  return spec;
}

type RawRule = NonNullable<NonNullable<ScenarioFile['receiver']>['faults']>[number];

const RULE_FAULTS: { [T in Fault['type']]: (r: RawRule) => Fault } = {
  status: (r) => ({
    type: 'status',
    statuses: r.statuses ?? [REFERENCE_STATUS],
    ...(r.location ? { location: r.location } : {}),
  }),
  delay: (r) => ({
    type: 'delay',
    delayMs: parseDurationMs(r.delay ?? '0ms'),
    status: r.status ?? REFERENCE_STATUS,
  }),
  hang: () => namedFault('hang'),
  reset: () => namedFault('reset'),
  malformed: () => namedFault('malformed'),
  'huge-body': (r) =>
    r.bytes === undefined ? namedFault('huge-body') : { type: 'huge-body', bytes: r.bytes },
  'drop-response': () => namedFault('drop-response'),
};

function faultRule(raw: RawRule): FaultRule {
  const rule: FaultRule = { fault: RULE_FAULTS[raw.type](raw) };
  if (raw.times !== undefined) rule.times = raw.times;
  if (raw.eventType !== undefined) rule.eventType = raw.eventType;
  if (raw.path !== undefined) rule.path = raw.path;
  return rule;
}

type RawAuth = NonNullable<NonNullable<ScenarioFile['delivery']>['auth']>;

function deliveryAuth(raw: RawAuth): Auth {
  if (raw.basic) return { type: 'basic', username: raw.basic.username, password: raw.basic.password };
  if (raw.header) return { type: 'header', name: raw.header.name, value: raw.header.value };
  return { type: 'bearer', token: raw.bearer ?? '' };
}

function targetSpec(raw: NonNullable<ScenarioFile['target']>): TargetSpec {
  if (raw.unreachable) return { type: 'unreachable', reason: raw.unreachable };
  return { type: 'url', url: raw.url ?? '' };
}

function policy(raw: ScenarioFile['delivery']): DeliveryPolicy {
  const out: DeliveryPolicy = { allowAnyPort: raw?.allowAnyPort ?? true };
  if (!raw) return out;
  if (raw.maxAttempts !== undefined) out.maxAttempts = raw.maxAttempts;
  if (raw.timeout !== undefined) out.timeoutMs = parseDurationMs(raw.timeout);
  if (raw.backoff) out.delaysMs = raw.backoff.map((d) => parseDurationMs(d));
  if (raw.auth) out.auth = deliveryAuth(raw.auth);
  if (raw.insecure !== undefined) out.insecure = raw.insecure;
  if (raw.concurrency !== undefined) out.concurrency = raw.concurrency;
  if (raw.scaleTimeout !== undefined) out.scaleTimeout = raw.scaleTimeout;
  return out;
}

function expectations(raw: ScenarioFile['expect']): Expectations {
  const { waits, waitTolerance, duration, ...rest } = raw;
  const out: Expectations = { ...rest };
  if (waits !== undefined) out.waits = waits === 'growing' ? 'growing' : waits.map((d) => parseDurationMs(d));
  if (waitTolerance !== undefined) {
    out.waitTolerance = waitTolerance.endsWith('%')
      ? { fraction: Number(waitTolerance.slice(0, -1)) / 100 }
      : { ms: parseDurationMs(waitTolerance) };
  }
  if (duration) {
    out.duration = {};
    if (duration.min !== undefined) out.duration.minMs = parseDurationMs(duration.min);
    if (duration.max !== undefined) out.duration.maxMs = parseDurationMs(duration.max);
  }
  return out;
}
