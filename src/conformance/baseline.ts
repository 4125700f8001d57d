/**
 * The run's baseline: one plain documented alert_triggered with the configured credentials and
 * TLS settings, sent before anything else. When it is not accepted, its cause is the run's
 * first root cause, and the checks that cannot be judged without what it lacked are blocked
 * (not sent, not failed, earning nothing) instead of repeating that cause in their own words.
 */
import { diagnose, isAccepted, refusalWords } from './diagnose.js';
import { statusOf } from './exchange.js';
import { documented } from './payloads.js';
import type { BaselineNeed, Cause, Exchange, Probe, TargetInfo } from './types.js';

export const BASELINE_CHECK_ID = 'baseline';

export function baselineProbe(eventId: string): Probe {
  return {
    label: 'baseline: alert_triggered (documented example)',
    payload: documented('alert_triggered', eventId),
  };
}

/** The baseline's cause, or null when the Console would count it delivered and nothing says otherwise. */
export function baselineCause(baseline: Exchange, target: TargetInfo): Cause | null {
  return isAccepted(baseline) ? null : diagnose(baseline, target);
}

/** True when the baseline gives a check with this need something to judge. */
export function baselineAllows(need: BaselineNeed, baseline: Exchange): boolean {
  if (need === 'nothing' || isAccepted(baseline)) return true;
  if (need === 'acceptance' || refusalWords(baseline) !== undefined) return false;
  const status = statusOf(baseline);
  if (status === undefined) return false;
  if (need === 'auth-verdict') return status === 401 || status === 403;
  return status >= 200 && status < 400;
}
