/**
 * runConformance: plans every selected check, sends the probes (independent ones in a bounded
 * pool, sequential ones in order, bursts last and alone), then evaluates each check over what
 * was recorded. A receiver that fails is data in the report; only bad options throw, and they
 * throw before anything is sent.
 */
import type { Receiver } from '../receiver/types.js';
import { runPool } from '../util/pool.js';
import { version } from '../version.js';
import { assembleReport, checkReport } from './assemble.js';
import { withCustomAccepts } from './checks/delivery.accepts.custom.js';
import { type ConformanceOptions, resolveOptions } from './options.js';
import { ALL_CHECKS, selectChecks } from './registry.js';
import { type CheckReport, type ConformanceReport, REPORT_VERSION } from './report.js';
import { createSender, type Sender } from './send.js';
import { resolveTarget } from './target.js';
import type { Check, Exchange, Observation, ProbePlan, TargetInfo } from './types.js';

interface Planned {
  check: Check;
  options: object;
  plan: ProbePlan;
  exchanges: Exchange[];
  observation: Observation;
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
  const tasks: (() => Promise<void>)[] = [];
  for (const p of planned) {
    const { plan, check } = p;
    if (plan.type === 'parallel') {
      plan.probes.forEach((probe, i) => {
        tasks.push(async () => {
          p.exchanges.push(await sender.send(check.id, i, probe));
        });
      });
    } else if (plan.type === 'sequential') {
      tasks.push(async () => {
        for (const [i, probe] of plan.probes.entries())
          p.exchanges.push(await sender.send(check.id, i, probe));
        const eventId = p.exchanges[0]?.eventId;
        if (plan.observe && observer && eventId) p.observation = await observe(observer, eventId);
      });
    }
  }
  await runPool(tasks, concurrency);
  for (const p of planned) p.exchanges.sort((a, b) => a.index - b.index);
  for (const p of planned) {
    const { plan, check } = p;
    if (plan.type !== 'burst') continue;
    p.exchanges.push(...(await Promise.all(plan.probes.map((probe, i) => sender.send(check.id, i, probe)))));
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

/** Runs every check's pure evaluation over what was recorded (a plan's skip stands as it is). */
function evaluateAll(planned: readonly Planned[], target: TargetInfo): CheckReport[] {
  const all = planned.flatMap((p) => p.exchanges).sort((a, b) => a.startMs - b.startMs);
  return planned.map((p) => {
    const outcome =
      p.plan.type === 'skip'
        ? ({ result: 'skip', reason: p.plan.reason } as const)
        : p.check.evaluate({ target, exchanges: p.exchanges, all, observation: p.observation }, p.options);
    return checkReport(p.check, outcome, p.exchanges);
  });
}

/**
 * Checks a webhook receiver against the Console's behaviour and returns the report.
 *
 * @example
 * const report = await runConformance({ url: 'https://hooks.example.com/cs', auth: { type: 'bearer', token } });
 * report.verdict; // 'ready' | 'not-ready'
 */
export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const resolved = resolveOptions(options);
  const all = withCustomAccepts(ALL_CHECKS, options.schemas);
  const checks = selectChecks(all, { only: options.only ?? [], skip: options.skip ?? [] });
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const target = await resolveTarget({ ...options, embeddedPort: resolved.embeddedPort });
  try {
    const observer = options.observer ?? (target.receiver ? embeddedObserver(target.receiver) : undefined);
    const info: TargetInfo = {
      ...target.info,
      timeoutMs: Math.max(1, Math.round(resolved.timeoutMs * resolved.timeScale)),
      timeScale: resolved.timeScale,
      hasObserver: observer !== undefined,
    };
    const planned: Planned[] = checks.map((check) => {
      const checkOptions = { ...check.defaults, ...(options.checkOptions?.[check.id] ?? {}) };
      const plan = check.plan({ target: info, newEventId }, checkOptions);
      return { check, options: checkOptions, plan, exchanges: [], observation: { type: 'none' } };
    });
    const sender = createSender({
      url: target.url,
      ...(options.auth ? { auth: options.auth } : {}),
      insecure: options.insecure ?? false,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      timeoutMs: resolved.timeoutMs,
      timeScale: resolved.timeScale,
    });
    await sendAll(planned, sender, resolved.concurrency, observer);
    const reports = evaluateAll(planned, info);
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
          timeScale: info.timeScale,
        },
        startedAt,
        durationMs: Math.round(performance.now() - t0),
        checks: reports,
      },
      sender.secrets,
    );
  } finally {
    await target.receiver?.close();
  }
}
