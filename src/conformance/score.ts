/**
 * The score and the verdict, as pure arithmetic: each check that ran weighs by its severity
 * (critical 10, high 5, medium 2, low 1); a blocked check weighs but earns nothing (it could
 * not be judged, so it is not claimed); skips and warnings weigh nothing (a warning is a
 * finding the run declared acceptable). The verdict needs every critical and high check to
 * pass, none blocked; a run where nothing ran is never "ready".
 */
import type { Severity } from './types.js';

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = Object.freeze({
  critical: 10,
  high: 5,
  medium: 2,
  low: 1,
});

/** Severities whose failure blocks the verdict. */
const BLOCKING_SEVERITIES: readonly Severity[] = ['critical', 'high'];

export type CheckResultType = 'pass' | 'fail' | 'warn' | 'blocked' | 'skip';

export interface Score {
  /** 0 to 100, rounded down, so a single failure never shows as 100. */
  score: number;
  /** Weight of the passing checks. */
  earned: number;
  /** Weight of every check that was judged or blocked (pass, fail or blocked). */
  possible: number;
  /** True only when every critical and high check passed and at least one check ran. */
  ready: boolean;
  /** Ids of the failed or blocked critical and high checks (what stands between this receiver and "ready"). */
  blocking: string[];
}

export function computeScore(
  results: readonly { id: string; severity: Severity; result: CheckResultType }[],
): Score {
  let earned = 0;
  let possible = 0;
  const blocking: string[] = [];
  for (const r of results) {
    if (r.result === 'skip' || r.result === 'warn') continue;
    const weight = SEVERITY_WEIGHTS[r.severity];
    possible += weight;
    if (r.result === 'pass') earned += weight;
    else if (BLOCKING_SEVERITIES.includes(r.severity)) blocking.push(r.id);
  }
  const score = possible === 0 ? 0 : Math.floor((100 * earned) / possible);
  return { score, earned, possible, ready: possible > 0 && blocking.length === 0, blocking };
}

/** The verdict in words. */
export function verdictText(ready: boolean): string {
  return ready ? 'ready for the Console' : 'not ready for the Console';
}
