/**
 * Each zoo receiver judged by runConformance, held to its expected judgement
 * (judgement.cases.ts): root causes, check results, verdict, and the words of the report.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  type ConformanceReport,
  renderJson,
  renderJunit,
  renderText,
  runConformance,
} from '../../src/index.js';
import {
  CASES,
  type JudgementCase,
  SCALED_SAYS,
  type StartedReceiver,
  TIME_SCALE,
  type Words,
} from './judgement.cases.js';

type JudgedReport = ConformanceReport;
type JudgedCheck = ConformanceReport['checks'][number];

const words = (w: Words | ((r: StartedReceiver) => Words) | undefined, r: StartedReceiver): Words =>
  typeof w === 'function' ? w(r) : (w ?? []);

const found = (text: string, word: string | RegExp) =>
  typeof word === 'string' ? text.includes(word) : word.test(text);

async function judge(row: JudgementCase, receiver: StartedReceiver): Promise<JudgedReport> {
  const report = await runConformance({
    url: receiver.url,
    allowAnyPort: true,
    timeScale: TIME_SCALE,
    ...row.options?.(receiver),
  });
  return report as JudgedReport;
}

/**
 * The JSON report without each check's title and rationale: those are the same for every
 * receiver, while `neverSays` is about what the report concluded from this one.
 */
function adviceJson(report: JudgedReport): string {
  const copy = JSON.parse(renderJson(report)) as { checks: Record<string, unknown>[] };
  for (const check of copy.checks) {
    delete check.title;
    delete check.rationale;
  }
  return JSON.stringify(copy);
}

/** JUnit testcases by check id: a blocked check is skipped with its cause, a warning never fails. */
function expectJunit(report: JudgedReport, checks: JudgedCheck[]): void {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (n) => ['testsuite', 'testcase'].includes(n),
  });
  const suites = parser.parse(renderJunit(report)).testsuites.testsuite as {
    testcase: Record<string, unknown>[];
  }[];
  const cases = new Map(suites.flatMap((s) => s.testcase).map((c) => [String(c.name).split(':')[0], c]));
  for (const check of checks.filter((c) => c.result === 'blocked' || c.result === 'warn')) {
    const testcase = cases.get(check.id);
    expect(testcase, `JUnit has ${check.id}`).toBeDefined();
    expect(testcase, `JUnit does not fail ${check.id} (${check.result})`).not.toHaveProperty('failure');
    if (check.result === 'blocked') {
      const message = String((testcase?.skipped as { message?: string } | undefined)?.message);
      expect(message, `JUnit skips ${check.id} naming its cause`).toContain('not judged');
    }
  }
}

function expectJudgement(row: JudgementCase, receiver: StartedReceiver, report: JudgedReport): void {
  const checks = report.checks as JudgedCheck[];
  const results = Object.fromEntries(checks.map((c) => [c.id, c.result]));
  const causeIds = report.rootCauses.map((c) => c.id);

  expect(causeIds, 'root causes, in order').toEqual(row.rootCauses);
  expect(report.verdict, 'verdict').toBe(row.verdict);

  // Each listed check has its result; every other one passes, warns or skips.
  for (const [id, expected] of Object.entries(row.results)) {
    expect(results, `check ${id} is in the report`).toHaveProperty([id]);
    expect([expected].flat(), `result of ${id}`).toContain(results[id]);
  }
  const unlisted = checks.filter(
    (c) => !(c.id in row.results) && !['pass', 'warn', 'skip'].includes(c.result),
  );
  expect(
    unlisted.map((c) => `${c.id}: ${c.result}`),
    'checks failed or blocked beyond the row',
  ).toEqual([]);

  // A blocked check names its cause, which lists it, and says it was not judged.
  for (const check of checks.filter((c) => c.result === 'blocked')) {
    const cause = report.rootCauses.find((c) => c.id === check.blockedBy);
    expect(cause, `${check.id} is blocked by one of ${causeIds.join(', ')}`).toBeDefined();
    expect(cause?.checks, `${check.blockedBy} lists ${check.id}`).toContain(check.id);
    expect(check.summary.startsWith('not judged: '), `${check.id}: ${check.summary}`).toBe(true);
  }

  // The cause's own line carries the fix.
  const causeText = report.rootCauses.map((c) => `${c.summary}\n${c.advice}`).join('\n');
  for (const word of words(row.causeSays, receiver)) {
    expect(found(causeText, word), `the root cause says ${word}:\n${causeText}`).toBe(true);
  }

  const text = renderText(report);
  const json = adviceJson(report);
  const scaled = (row.options?.(receiver).timeScale ?? TIME_SCALE) !== 1;
  for (const word of [...(scaled ? SCALED_SAYS : []), ...words(row.says, receiver)]) {
    expect(found(text, word), `the text report says ${word}`).toBe(true);
  }
  for (const word of [...(row.neverSays ?? []), ...(row.secrets ?? [])]) {
    expect(found(text, word), `the text report never says ${word}`).toBe(false);
    expect(found(json, word), `the JSON report never says ${word}`).toBe(false);
  }

  expectJunit(report, checks);

  // A run without credentials never shows 100 (issue 12, item 3).
  if (!row.options?.(receiver).auth) expect(report.score, 'score without credentials').toBeLessThan(100);

  for (const [id, bounds] of Object.entries(row.metrics ?? {})) {
    const metrics = checks.find((c) => c.id === id)?.metrics ?? {};
    for (const [name, bound] of Object.entries(bounds)) {
      const value = metrics[name];
      const where = `${id} metrics.${name} (${JSON.stringify(metrics)})`;
      if (bound.absent) expect(value, where).toBeUndefined();
      else expect(value, where).toBeTypeOf('number');
      if (bound.equals !== undefined) expect(value, where).toBe(bound.equals);
      if (bound.min !== undefined) expect(value, where).toBeGreaterThanOrEqual(bound.min);
      if (bound.max !== undefined) expect(value, where).toBeLessThanOrEqual(bound.max);
    }
  }
}

describe('the receiver zoo judged as an expert would (issue 12)', () => {
  for (const row of CASES) {
    it(row.name, async () => {
      const receiver = await row.start();
      try {
        expectJudgement(row, receiver, await judge(row, receiver));
      } catch (error) {
        // What the receiver printed explains most surprises (a 500, a refused body).
        throw Object.assign(error as Error, {
          message: `${(error as Error).message}\n--- ${receiver.name} printed:\n${receiver.logs().slice(-4000)}`,
        });
      } finally {
        await receiver.stop();
      }
    });
  }
});
