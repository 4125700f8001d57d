import { describe, expect, it } from 'vitest';
import { REPORT_VERSION } from '../conformance/report.js';
import { demux } from './container-checker.js';
import { type CheckerCheckOptions, checkerArgs, reportFromChecker } from './container-checker-args.js';

const URL = 'http://receiver:8080/hook';

describe('checkerArgs', () => {
  it('asks for JSON, allows any port, and passes each option as its flag', () => {
    expect(
      checkerArgs(URL, {
        auth: { type: 'header', name: 'X-Token', value: 'abc' },
        insecure: true,
        only: ['payload', 'delivery.accepts'],
        skip: ['load'],
        timeScale: 0.1,
        timeoutMs: 2500,
      }),
    ).toEqual([
      'check',
      '--url',
      URL,
      '--allow-any-port',
      '--json',
      '--header',
      'X-Token: abc',
      '--insecure',
      '--only',
      'payload,delivery.accepts',
      '--skip',
      'load',
      '--time-scale',
      '0.1',
      '--timeout',
      '2500ms',
    ]);
  });

  it.each([
    [{ type: 'bearer', token: 't0k' } as const, ['--bearer', 't0k']],
    [{ type: 'basic', username: 'u', password: 'p:w' } as const, ['--basic', 'u:p:w']],
  ])('passes %j auth as its flag', (auth, flags) => {
    expect(checkerArgs(URL, { auth }).slice(5)).toEqual(flags);
  });

  it.each([
    [{ timeScale: 0 }],
    [{ timeScale: Number.NaN }],
    [{ timeoutMs: 1.5 }],
    [{ timeoutMs: 0 }],
    [{ only: ['a,b'] }],
    [{ skip: [''] }],
  ] as [CheckerCheckOptions][])('refuses %j with ERR_INVALID_OPTION', (options) => {
    expect(() => checkerArgs(URL, options)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }));
  });
});

describe('reportFromChecker', () => {
  const report = { reportVersion: REPORT_VERSION, checks: [], verdict: 'not-ready' };

  it('reads the report of a checker that exited 1 (not ready)', () => {
    expect(reportFromChecker({ exitCode: 1, stdout: JSON.stringify(report), stderr: '' }, 'img')).toEqual(
      report,
    );
  });

  it('turns exit 2 into an input error carrying the checker line', () => {
    const run = { exitCode: 2, stdout: '', stderr: 'cswm: unknown check "nope"\n' };
    expect(() => reportFromChecker(run, 'img')).toThrow(
      expect.objectContaining({
        code: 'ERR_CONTAINER',
        isInputError: true,
        message: 'the checker container (img) exited 2: cswm: unknown check "nope"',
      }),
    );
  });

  it('refuses a report of another version, naming both', () => {
    const other = REPORT_VERSION + 1;
    const run = { exitCode: 0, stdout: JSON.stringify({ ...report, reportVersion: other }), stderr: '' };
    expect(() => reportFromChecker(run, 'img')).toThrow(
      `report version ${other}, this library reads version ${REPORT_VERSION}`,
    );
  });

  it('says when the checker was killed without output', () => {
    expect(() => reportFromChecker({ exitCode: 137, stdout: '', stderr: '' }, 'img')).toThrow(
      expect.objectContaining({ code: 'ERR_CONTAINER', isInputError: false }),
    );
  });
});

describe('demux', () => {
  it("joins the payloads of Docker's framed log chunks", () => {
    const frame = (text: string) => {
      const body = Buffer.from(text);
      const head = Buffer.alloc(8);
      head[0] = 1;
      head.writeUInt32BE(body.length, 4);
      return Buffer.concat([head, body]);
    };
    expect(demux(Buffer.concat([frame('{"a":'), frame('1}\n')]))).toBe('{"a":1}\n');
  });
});
