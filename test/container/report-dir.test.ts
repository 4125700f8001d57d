/**
 * CSWM_REPORT_DIR, which the image sets to /reports: `cswm check` writes its report files there
 * when no --out is given, and a text-only run writes nothing. No Docker needed.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { runCli } from '../helpers/cli.js';

describe('cswm check with CSWM_REPORT_DIR', () => {
  let receiver: Receiver;
  const dir = mkdtempSync(join(tmpdir(), 'cswm-report-dir-'));
  beforeAll(async () => {
    receiver = await startReceiver({ port: 0 });
  });
  afterAll(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (out: string, ...flags: string[]) =>
    runCli(
      [
        'check',
        '--url',
        receiver.url,
        '--allow-any-port',
        '--only',
        'delivery.accepts.alert_triggered',
        ...flags,
      ],
      {
        env: { CSWM_REPORT_DIR: out },
      },
    );

  it('writes the report files there when --report asks for files and --out is not given', async () => {
    const out = join(dir, 'files');
    const run = await check(out, '--report', 'json,junit');
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['conformance-report.json', 'conformance-report.junit.xml']);
  });

  it('lets --out win over it', async () => {
    const out = join(dir, 'unused');
    const chosen = join(dir, 'chosen');
    await check(out, '--report', 'json', '--out', chosen);
    expect(readdirSync(chosen)).toEqual(['conformance-report.json']);
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });

  it('writes nothing for a text-only run', async () => {
    const out = join(dir, 'text');
    const run = await check(out);
    expect(run.stdout).toMatch(/delivery\.accepts\.alert_triggered/);
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });
});
