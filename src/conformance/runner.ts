/**
 * runConformance: sends the baseline first (one plain documented event), blocks the checks its
 * failure leaves nothing to judge for, sends the other checks' probes (independent ones in a
 * bounded pool, sequential ones in order, bursts last and alone), then evaluates each check
 * over what was recorded. A receiver that fails is data in the report; only bad options throw,
 * and they throw before anything is sent.
 */

import { inspectCertificate } from '../delivery/certificate.js';
import type { Receiver } from '../receiver/types.js';
import { runPool } from '../util/pool.js';
import { version } from '../version.js';
import { assembleReport, blockedReport, checkReport, probeReport } from './assemble.js';
import { BASELINE_CHECK_ID, baselineAllows, baselineCause, baselineProbe } from './baseline.js';
import { isAccepted } from './diagnose.js';
import { evidenceOf } from './evidence.js';
import { type ConformanceOptions, resolveOptions } from './options.js';
import { ALL_CHECKS, selectChecks } from './registry.js';
import { type CheckReport, type ConformanceReport, REPORT_VERSION } from './report.js';
import { createSender, type Sender } from './send.js';
import { resolveTarget } from './target.js';
import type {
  Cause,
  Check,
  CheckOutcome,
  Exchange,
  Observation,
  Probe,
  ProbePlan,
  TargetInfo,
} from './types.js';

interface Planned {
  check: Check;
  options: object;
  plan: ProbePlan;
  exchanges: Exchange[];
  observation: Observation;
  /** The baseline's cause, when it leaves this check nothing to judge. */
  blockedBy?: Cause;
}

function newEventId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Sends every planned probe; fills each Planned's exchanges and observation. */
async function sendAll(
  planned: readonly Planned[],
  sender: Sender,
  concurrency: number,
  observer: ConformanceOptions['observer'],
): Promise<void> {
  const parallel: (() => Promise<void>)[] = [];
  // Sequences first: each is a chain of waits (payload.large's ascending sizes), so starting
  // them early lets the independent probes share their time instead of queueing behind them.
  const sequences: (() => Promise<void>)[] = [];
  for (const p of planned) {
    const { plan, check } = p;
    if (plan.type === 'parallel') {
      plan.probes.forEach((probe, i) => {
        parallel.push(async () => {
          p.exchanges.push(await sender.send(check.id, i, probe));
        });
      });
    } else if (plan.type === 'sequential') {
      sequences.push(async () => {
        const last = plan.probes.length - 1;
        if (plan.lastFirst && last > 0) {
          const x = await sender.send(check.id, last, plan.probes[last] as Probe);
          p.exchanges.push(x);
          if (isAccepted(x)) return;
        }
        for (const [i, probe] of plan.probes.entries()) {
          if (plan.lastFirst && i === last && last > 0) break;
          const x = await sender.send(check.id, i, probe);
          p.exchanges.push(x);
          if (plan.stopAtFirstFailure && !isAccepted(x)) break;
        }
        const eventId = p.exchanges[0]?.eventId;
        if (plan.observe && observer && eventId) p.observation = await observe(observer, eventId);
      });
    }
  }
  const tasks = [...sequences, ...parallel];
  await runPool(tasks, concurrency);
  for (const p of planned) p.exchanges.sort((a, b) => a.index - b.index);
  for (const p of planned) {
    const { plan, check } = p;
    if (plan.type !== 'burst') continue;
    p.exchanges.push(
      ...(await Promise.all(plan.probes.map((probe, i) => sender.send(check.id, i, probe, 'burst')))),
    );
  }
}

/** The embedded reference receiver acts on an event when it records it as new (not a duplicate). */
function embeddedObserver(receiver: Receiver): (eventId: string) => number {
  return (eventId) => receiver.deliveries().filter((d) => d.eventId === eventId && !d.duplicate).length;
}

async function observe(
  observer: NonNullable<ConformanceOptions['observer']>,
  eventId: string,
): Promise<Observation> {
  try {
    const count = await observer(eventId);
    if (!Number.isInteger(count) || count < 0) {
      return { type: 'error', eventId, message: `the observer returned ${String(count)}, not a count` };
    }
    return { type: 'count', eventId, count };
  } catch (error) {
    return { type: 'error', eventId, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A failure's cause: the check's own, else one made of its summary (never without one). */
function causeOf(check: Check, outcome: CheckOutcome): Cause | undefined {
  if (outcome.result !== 'fail' && outcome.result !== 'warn') return undefined;
  return (
    outcome.cause ?? {
      id: check.id,
      summary: outcome.summary,
      advice: check.rationale,
      consequence: outcome.evidence.find((e) => !e.ok)?.consoleNext ?? '',
    }
  );
}

/** Runs every check's pure evaluation over what was recorded (a plan's skip stands as it is). */
function evaluateAll(
  planned: readonly Planned[],
  target: TargetInfo,
  baseline: Exchange | null,
): { reports: CheckReport[]; causes: Map<string, Cause> } {
  const all = [...(baseline ? [baseline] : []), ...planned.flatMap((p) => p.exchanges)].sort(
    (a, b) => a.startMs - b.startMs,
  );
  const causes = new Map<string, Cause>();
  // Refusals after an accepted baseline are judged knowing the route and credentials work.
  const judged = baseline && isAccepted(baseline) ? { ...target, plainAccepted: true } : target;
  const reports = planned.map((p) => {
    if (p.blockedBy) return blockedReport(p.check, p.blockedBy);
    const outcome: CheckOutcome =
      p.plan.type === 'skip'
        ? { result: 'skip', reason: p.plan.reason }
        : p.check.evaluate(
            { target: judged, exchanges: p.exchanges, all, observation: p.observation, baseline },
            p.options,
          );
    const cause = causeOf(p.check, outcome);
    if (cause && outcome.result === 'fail' && !causes.has(cause.id)) causes.set(cause.id, cause);
    return checkReport(p.check, outcome, p.exchanges, cause);
  });
  return { reports, causes };
}

/** True when some check sends probes or reads the baseline, so the baseline is worth sending. */
function needsBaseline(planned: readonly Planned[]): boolean {
  return planned.some(
    (p) => (p.check.needs ?? 'nothing') !== 'nothing' || (p.plan.type !== 'none' && p.plan.type !== 'skip'),
  );
}

/**
 * Checks a webhook receiver against the Console's behaviour and returns the report.
 *
 * @example
 * const report = await runConformance({ url: 'https://hooks.example.com/cs', auth: { type: 'bearer', token } });
 * report.verdict; // 'ready' | 'not-ready'
 * report.rootCauses[0]?.advice; // the one thing to fix first, when there is one
 */
export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const resolved = resolveOptions(options);
  // Custom types need the generator and the validator: loaded only when a schema is given.
  const all = options.schemas
    ? (await import('./checks/delivery.accepts.custom.js')).withCustomAccepts(ALL_CHECKS, options.schemas)
    : ALL_CHECKS;
  const checks = selectChecks(all, { only: options.only ?? [], skip: options.skip ?? [] });
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const target = await resolveTarget({ ...options, embeddedPort: resolved.embeddedPort });
  try {
    const observer = options.observer ?? (target.receiver ? embeddedObserver(target.receiver) : undefined);
    const timeoutMs = Math.max(1, Math.round(resolved.timeoutMs * resolved.timeScale));
    const certificate =
      target.info.protocol === 'https'
        ? await inspectCertificate(target.info.host, target.info.port, {
            ...(options.ca === undefined ? {} : { ca: options.ca }),
            timeoutMs: Math.min(timeoutMs, 10_000),
          })
        : undefined;
    const info: TargetInfo = {
      ...target.info,
      ...(certificate ? { certificate } : {}),
      localRun: options.allowAnyPort ?? false,
      timeoutMs,
      consoleTimeoutMs: resolved.timeoutMs,
      timeScale: resolved.timeScale,
      hasObserver: observer !== undefined,
    };
    const planned: Planned[] = checks.map((check) => {
      const checkOptions = resolved.checkOptions[check.id] ?? {};
      const plan = check.plan({ target: info, newEventId }, checkOptions);
      return { check, options: checkOptions, plan, exchanges: [], observation: { type: 'none' } };
    });
    const sender = createSender({
      url: target.url,
      ...(target.auth ? { auth: target.auth } : {}),
      insecure: options.insecure ?? false,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      timeoutMs: resolved.timeoutMs,
      timeScale: resolved.timeScale,
      ...(options.headers ? { headers: options.headers } : {}),
    });
    const baseline = needsBaseline(planned)
      ? await sender.send(BASELINE_CHECK_ID, 0, baselineProbe(newEventId()), 'baseline')
      : null;
    const cause = baseline ? baselineCause(baseline, info) : null;
    if (baseline && cause) {
      for (const p of planned) {
        if (p.plan.type !== 'skip' && !baselineAllows(p.check.needs ?? 'nothing', baseline))
          p.blockedBy = cause;
      }
    }
    await sendAll(
      planned.filter((p) => !p.blockedBy),
      sender,
      resolved.concurrency,
      observer,
    );
    const { reports, causes } = evaluateAll(planned, info, baseline);
    return assembleReport(
      {
        reportVersion: REPORT_VERSION,
        tool: { name: 'crowdsec-webhook-mock', version },
        target: {
          url: info.url,
          embedded: info.embedded,
          auth: info.auth,
          insecure: info.insecure,
          timeoutMs: info.timeoutMs,
          consoleTimeoutMs: info.consoleTimeoutMs,
          timeScale: info.timeScale,
          localRun: info.localRun,
          ...(info.certificate ? { certificate: info.certificate } : {}),
        },
        startedAt,
        durationMs: Math.round(performance.now() - t0),
        ...(baseline
          ? {
              baseline: {
                probe: probeReport(baseline, []),
                evidence: evidenceOf(baseline, cause === null, 'exactly 200 within the timeout'),
                accepted: cause === null,
                ...(cause ? { cause: cause.id } : {}),
              },
            }
          : {}),
        checks: reports,
      },
      { baseline: cause, others: causes },
      sender.secrets,
    );
  } finally {
    await target.receiver?.close();
  }
}
