/**
 * The image checks a receiver that runs in another container on a user-defined Docker network,
 * and writes its reports into a folder mounted from the host, owned by the uid it runs as.
 */
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConformanceReport } from '../../src/conformance/report.js';
import {
  CSWM_IMAGE,
  describeWithImage,
  docker,
  dockerOk,
  removeAll,
  startReceiverContainer,
  uniqueName,
} from './docker.js';

/** A uid and gid that are not the test's own when the test runs as root (as CI does). */
function callingUser(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 1000;
  return uid === 0 ? { uid: 4321, gid: 4321 } : { uid, gid: process.getgid?.() ?? uid };
}

describeWithImage('cswm check in the image, against a receiver container on a user-defined network', () => {
  const network = uniqueName('net');
  const receiver = uniqueName('receiver');
  const token = 'container-network-token';
  const reports = mkdtempSync(join(tmpdir(), 'cswm-container-reports-'));
  const user = callingUser();

  beforeAll(async () => {
    if (process.getuid?.() === 0) chownSync(reports, user.uid, user.gid);
    await dockerOk(['network', 'create', network]);
    await startReceiverContainer(
      receiver,
      network,
      'receiver',
      '--require-header',
      `Authorization: Bearer ${token}`,
    );
  }, 120_000);
  afterAll(async () => {
    await removeAll([receiver], [network]);
    rmSync(reports, { recursive: true, force: true });
  }, 60_000);

  it('writes text, JSON, JUnit and HTML reports into the mounted folder, owned by the --user uid', async () => {
    const run = await docker(
      [
        'run',
        '--rm',
        '--network',
        network,
        '--user',
        `${user.uid}:${user.gid}`,
        '-v',
        `${reports}:/reports`,
        CSWM_IMAGE,
        'check',
        '--url',
        'http://receiver:8080/crowdsec',
        '--bearer',
        token,
        '--report',
        'text,json,junit,html',
      ],
      { timeoutMs: 300_000 },
    );
    expect(run.stderr).not.toContain(token);
    expect(run.stdout).not.toContain(token);
    expect(run.code).toBe(0);
    const files = readdirSync(reports).sort();
    expect(files).toEqual([
      'conformance-report.html',
      'conformance-report.json',
      'conformance-report.junit.xml',
      'conformance-report.txt',
    ]);
    for (const file of files) {
      const stat = statSync(join(reports, file));
      expect({ file, uid: stat.uid, gid: stat.gid }).toEqual({ file, uid: user.uid, gid: user.gid });
    }
    const report = JSON.parse(
      readFileSync(join(reports, 'conformance-report.json'), 'utf8'),
    ) as ConformanceReport;
    expect(report.verdict).toBe('ready');
    expect(report.target.url).toBe('http://receiver:8080/crowdsec');
    // The auth checks ran: the receiver requires the token, and wrong or missing ones get 401.
    const auth = report.checks.filter((c) => c.id.startsWith('auth.'));
    // auth.required is skipped: credentials are configured, so the two rejects checks judge them.
    expect(auth.map((c) => [c.id, c.result])).toEqual([
      ['auth.required', 'skip'],
      ['auth.rejects-missing', 'pass'],
      ['auth.rejects-wrong', 'pass'],
    ]);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(
      readFileSync(join(reports, 'conformance-report.junit.xml'), 'utf8'),
    ) as { testsuites: { testsuite: { testcase: unknown } | { testcase: unknown }[] } };
    const testcases = [junit.testsuites.testsuite].flat().flatMap((suite) => [suite.testcase].flat());
    expect(testcases).toHaveLength(report.checks.length);
  }, 300_000);
});
