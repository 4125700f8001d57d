import type { ScenarioFile } from './file.generated.js';
import type { FieldPath } from './locate.js';

/**
 * Rules the JSON Schema cannot say readably: shorthands that exclude each other, parameters a
 * fault needs, expectations that contradict each other. Each problem names the field.
 */

type Fail = (path: FieldPath, message: string, atKey?: boolean) => never;

export function checkSemantics(raw: ScenarioFile, fail: Fail): void {
  checkReceiver(raw, fail);
  checkTarget(raw, fail);
  checkExpect(raw, fail);
}

function checkReceiver(raw: ScenarioFile, fail: Fail): void {
  const r = raw.receiver;
  if (!r) return;
  const shorthands = (['respond', 'delay', 'fault'] as const).filter((k) => r[k] !== undefined);
  if (shorthands.length > 1) {
    fail(
      ['receiver', shorthands[1] as string],
      `"${shorthands[0]}" and "${shorthands[1]}" cannot be combined (one shorthand per receiver; list several under "faults")`,
      true,
    );
  }
  if (shorthands.length > 0 && r.faults !== undefined) {
    fail(
      ['receiver', 'faults'],
      `"faults" cannot be combined with "${shorthands[0]}" (put every fault in the list)`,
      true,
    );
  }
  if (r.status !== undefined && r.delay === undefined) {
    fail(['receiver', 'status'], '"status" is the answer after "delay"; add "delay" or use "respond"', true);
  }
  if (r.location !== undefined && r.respond === undefined) {
    fail(['receiver', 'location'], '"location" goes with "respond" (a redirect status)', true);
  }
  if (r.times !== undefined && shorthands.length === 0) {
    fail(['receiver', 'times'], '"times" limits a fault; add "respond", "delay" or "fault"', true);
  }
  for (const [index, rule] of (r.faults ?? []).entries()) {
    if (rule.type === 'status' && !rule.statuses) {
      fail(['receiver', 'faults', index], 'a "status" fault needs "statuses" (e.g. [503, 200])');
    }
    if (rule.type === 'delay' && rule.delay === undefined) {
      fail(['receiver', 'faults', index], 'a "delay" fault needs "delay" (e.g. 31s)');
    }
  }
}

function checkTarget(raw: ScenarioFile, fail: Fail): void {
  if (raw.target?.unreachable && raw.receiver) {
    fail(
      ['target', 'unreachable'],
      'an unreachable target has no receiver in front of it; remove "receiver" or use "target.url"',
      true,
    );
  }
  if (raw.target?.url !== undefined) {
    try {
      new URL(raw.target.url);
    } catch {
      fail(
        ['target', 'url'],
        `"${raw.target.url}" is not a URL (write it like https://hooks.example.com/crowdsec)`,
      );
    }
  }
}

function checkExpect(raw: ScenarioFile, fail: Fail): void {
  const e = raw.expect;
  if (e.outcomes && e.attempts !== undefined && e.outcomes.length !== e.attempts) {
    fail(
      ['expect', 'outcomes'],
      `lists ${e.outcomes.length} outcome(s) but expect.attempts is ${e.attempts}; give one outcome per attempt`,
    );
  }
  const attempts = e.attempts ?? e.outcomes?.length;
  if (Array.isArray(e.waits) && attempts !== undefined && e.waits.length !== Math.max(0, attempts - 1)) {
    fail(
      ['expect', 'waits'],
      `lists ${e.waits.length} wait(s) but ${attempts} attempt(s) have ${Math.max(0, attempts - 1)} waits between them`,
    );
  }
  if (e.waitTolerance !== undefined && !Array.isArray(e.waits)) {
    fail(['expect', 'waitTolerance'], 'applies to an exact "waits" schedule (a list of durations)', true);
  }
  const max = raw.delivery?.maxAttempts ?? 5;
  if (attempts !== undefined && attempts > max) {
    fail(
      ['expect', e.attempts !== undefined ? 'attempts' : 'outcomes'],
      `expects ${attempts} attempts but at most ${max} are made (delivery.maxAttempts)`,
    );
  }
}
