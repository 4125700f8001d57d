/**
 * Scenario results as text for people: a timeline per scenario (attempt n at +t: outcome),
 * pass or fail with each failing expectation, and a summary. Strings only: the CLI prints.
 */
import { formatDurationMs } from '../util/duration.js';
import { type Paint, plain } from '../util/style.js';
import type { ScenarioResult, ScenarioRunSummary } from './types.js';

/** Deliveries shown attempt by attempt; past this, only the first and the counts. */
const TIMELINE_LIMIT = 3;

function at(ms: number, timeScale: number): string {
  const rounded = Math.round(ms);
  const shown = `+${formatDurationMs(rounded)}`;
  return timeScale === 1 ? shown : `${shown} (${formatDurationMs(rounded / timeScale)} unscaled)`;
}

/** `askedTimeScale`: the run's time scale, to say when a scenario ran at a larger one. */
export function formatResult(r: ScenarioResult, paint: Paint = plain, askedTimeScale = r.timeScale): string {
  const lines: string[] = [];
  const verdict = r.passed ? paint('green', 'PASS') : paint('red', 'FAIL');
  lines.push(`${verdict} ${paint('bold', r.id)}  ${r.title}`);
  lines.push(`  ${paint('gray', r.setup)}`);
  if (r.reachedTarget === false) {
    lines.push(
      `  ${paint('yellow', 'did not reach your receiver')}: the outcome was decided before it, so it says nothing about it`,
    );
  }
  if (r.timeScale !== askedTimeScale) {
    lines.push(
      `  ${paint('gray', `ran at time scale ${r.timeScale}, the smallest at which its timing margin means something`)}`,
    );
  }
  if (r.error) lines.push(`  refused before any attempt: ${r.error.code}: ${r.error.message}`);
  const shown = r.deliveries.length > TIMELINE_LIMIT ? r.deliveries.slice(0, 1) : r.deliveries;
  for (const d of shown) {
    if (r.deliveries.length > 1) lines.push(`  ${d.eventType ?? 'event'} ${d.eventId ?? ''}: ${d.result}`);
    for (const a of d.attempts) {
      const color = a.label === 'delivered' ? 'green' : 'yellow';
      lines.push(`    attempt ${a.attempt} at ${at(a.startOffsetMs, r.timeScale)}: ${paint(color, a.label)}`);
    }
  }
  if (r.deliveries.length > TIMELINE_LIMIT) {
    const count = (k: string) => r.deliveries.filter((d) => d.result === k).length;
    const attempts = r.deliveries.reduce((n, d) => n + d.attempts.length, 0);
    lines.push(
      `  ... ${r.deliveries.length} deliveries in all: ${count('delivered')} delivered, ${count('failed')} failed, ${attempts} attempts`,
    );
  }
  if (r.received) {
    const rc = r.received;
    lines.push(
      `  the receiver recorded ${rc.deliveries} deliver${rc.deliveries === 1 ? 'y' : 'ies'}, ${rc.duplicates} duplicate${rc.duplicates === 1 ? '' : 's'}`,
    );
  }
  for (const e of r.expectations.filter((x) => !x.passed)) {
    lines.push(`  ${paint('red', 'expected')} ${e.kind}: ${e.message}`);
  }
  lines.push(`  ${paint('gray', `took ${formatDurationMs(r.durationMs)}`)}`);
  return `${lines.join('\n')}\n\n`;
}

/** Why no scenario ran: the target did not accept the preflight delivery. */
function formatPreflight(s: ScenarioRunSummary, paint: Paint): string | undefined {
  const check = s.preflight;
  if (!check || check.accepted) return undefined;
  const cause = check.cause;
  const why = cause ? `${cause.summary}` : check.outcome;
  const lines = [
    `${paint('red', 'no scenario ran')}: your receiver did not accept the preflight delivery (one documented alert_triggered): ${why}`,
  ];
  if (cause) lines.push(`  fix: ${cause.advice}`);
  return `${lines.join('\n')}\n`;
}

export function formatSummary(s: ScenarioRunSummary, paint: Paint = plain): string {
  const stopped = formatPreflight(s, paint);
  if (stopped) return stopped;
  const scale = s.timeScale;
  const failedIds = s.results.filter((r) => !r.passed).map((r) => r.id);
  const head = `${s.total} scenario${s.total === 1 ? '' : 's'}: ${paint('green', `${s.passed} passed`)}, ${
    s.failed > 0 ? paint('red', `${s.failed} failed`) : '0 failed'
  }`;
  const timing = `in ${formatDurationMs(s.durationMs)}${scale === 1 ? '' : ` at time scale ${scale}`}`;
  const which = failedIds.length > 0 ? `\nfailed: ${failedIds.join(', ')}` : '';
  const before = s.results.filter((r) => r.reachedTarget === false).map((r) => r.id);
  const unreached =
    before.length > 0
      ? `\n${before.length} did not reach your receiver (decided before it, so they say nothing about it): ${before.join(', ')}`
      : '';
  return `${head} ${timing}${which}${unreached}\n`;
}
