/**
 * The pure half of the checker container: the `cswm check` arguments made from library
 * options, and the report read back from what the checker printed. No Docker here.
 */

import type { ConformanceOptions } from '../conformance/options.js';
import { type ConformanceReport, REPORT_VERSION } from '../conformance/report.js';
import type { Auth } from '../delivery/types.js';
import { CswmError, ErrorCodes, InvalidOptionError } from '../errors.js';

/**
 * The conformance options the checker container takes (those the command line has).
 * @example
 * ```ts
 * const check: CheckerCheckOptions = { auth: { type: 'bearer', token: 's3cret' }, skip: ['load'], timeScale: 0.1 };
 * ```
 */
export type CheckerCheckOptions = Pick<
  ConformanceOptions,
  'auth' | 'insecure' | 'only' | 'skip' | 'timeScale' | 'timeoutMs'
>;

/** What a finished checker container left: its exit code and its two output streams. */
export interface CheckerRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function authArgs(auth: Auth | undefined): string[] {
  if (auth === undefined) return [];
  if (auth.type === 'bearer') return ['--bearer', auth.token];
  if (auth.type === 'basic') return ['--basic', `${auth.username}:${auth.password}`];
  return ['--header', `${auth.name}: ${auth.value}`];
}

function selectorArgs(flag: '--only' | '--skip', ids: readonly string[] | undefined): string[] {
  if (ids === undefined || ids.length === 0) return [];
  const bad = ids.find((id) => typeof id !== 'string' || id.trim() === '' || id.includes(','));
  if (bad !== undefined) {
    throw new InvalidOptionError(
      `${flag.slice(2)}: "${String(bad)}" is not a check id or prefix (e.g. "payload", "delivery.accepts.alert_triggered")`,
    );
  }
  return [flag, ids.join(',')];
}

/**
 * `cswm check` arguments for the receiver at `url`: JSON on stdout, any port allowed (the port
 * check is judged afterwards on the port the user will expose). Throws ERR_INVALID_OPTION for
 * an option out of range, before any container starts.
 */
export function checkerArgs(url: string, options: CheckerCheckOptions): string[] {
  const args = ['check', '--url', url, '--allow-any-port', '--json', ...authArgs(options.auth)];
  if (options.insecure) args.push('--insecure');
  args.push(...selectorArgs('--only', options.only), ...selectorArgs('--skip', options.skip));
  const { timeScale, timeoutMs } = options;
  if (timeScale !== undefined) {
    if (!Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 1000) {
      throw new InvalidOptionError(`timeScale: ${timeScale} is not allowed (allowed: above 0, at most 1000)`);
    }
    args.push('--time-scale', String(timeScale));
  }
  if (timeoutMs !== undefined) {
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 86_400_000) {
      throw new InvalidOptionError(
        `timeoutMs: ${timeoutMs} is not allowed (allowed: a whole number of ms from 1 to 86400000)`,
      );
    }
    args.push('--timeout', `${timeoutMs}ms`);
  }
  return args;
}

function firstNonEmptyLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
}

/**
 * The report a checker printed. Exit 0 (ready) and 1 (not ready) carry a report; anything else
 * is the checker's own failure, told in its one line (exit 2: an option it refused).
 */
export function reportFromChecker(run: CheckerRun, image: string): ConformanceReport {
  let report: ConformanceReport | undefined;
  if (run.exitCode === 0 || run.exitCode === 1) {
    try {
      report = JSON.parse(run.stdout) as ConformanceReport;
    } catch {
      report = undefined;
    }
  }
  if (report === undefined || typeof report !== 'object' || !Array.isArray(report.checks)) {
    const line = firstNonEmptyLine(run.stderr) ?? firstNonEmptyLine(run.stdout) ?? '(no output)';
    throw new CswmError(
      ErrorCodes.CONTAINER,
      `the checker container (${image}) exited ${run.exitCode}: ${line}`,
      {
        isInputError: run.exitCode === 2,
      },
    );
  }
  if (report.reportVersion !== REPORT_VERSION) {
    throw new CswmError(
      ErrorCodes.CONTAINER,
      `the checker image ${image} writes report version ${String(report.reportVersion)}, this library reads version ${REPORT_VERSION}: use an image of the same crowdsec-webhook-mock version`,
    );
  }
  return report;
}
