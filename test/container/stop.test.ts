/**
 * `docker stop` in the middle of work: SIGTERM reaches node (PID 1), and each command ends
 * within 2 s. `docker stop -t 2` proves it by the exit code: past 2 s Docker sends SIGKILL and
 * the code would be 137. `cswm send` leaves a complete journal; `cswm check` leaves no half-written report.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitUntil } from '../helpers/wait.js';
import {
  CSWM_IMAGE,
  deliveriesSeen,
  describeWithImage,
  docker,
  dockerOk,
  removeAll,
  startReceiverContainer,
  uniqueName,
} from './docker.js';

interface JournalLine {
  type: 'attempt' | 'delivery' | 'summary';
  seq?: number;
  result?: 'delivered' | 'failed' | 'interrupted';
  sent?: number;
  delivered?: number;
  failed?: number;
  interrupted?: number;
}

async function exitCode(container: string): Promise<number> {
  return Number((await dockerOk(['inspect', '--format', '{{.State.ExitCode}}', container])).trim());
}

/** A folder the image's own user (uid 1000) can write to, whoever runs the test. */
function writableDir(parent: string, name: string): string {
  const path = join(parent, name);
  mkdirSync(path);
  chmodSync(path, 0o777);
  return path;
}

describeWithImage('docker stop in the middle of a command', () => {
  const network = uniqueName('stop-net');
  const slow = uniqueName('slow-receiver');
  const hanging = uniqueName('hanging-receiver');
  const sender = uniqueName('send');
  const checker = uniqueName('check');
  const dir = mkdtempSync(join(tmpdir(), 'cswm-container-stop-'));

  beforeAll(async () => {
    await dockerOk(['network', 'create', network]);
    await Promise.all([
      startReceiverContainer(slow, network, 'slow', '--delay', '100ms'),
      startReceiverContainer(hanging, network, 'hanging', '--fault', 'hang'),
    ]);
  }, 120_000);
  afterAll(async () => {
    await removeAll([sender, checker, slow, hanging], [network]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('ends a long `cswm send --journal` within 2 s, exit 1, with a complete journal', async () => {
    const out = writableDir(dir, 'send');
    await dockerOk([
      'run',
      '-d',
      '--name',
      sender,
      '--network',
      network,
      '-v',
      `${out}:/reports`,
      CSWM_IMAGE,
      'send',
      'alert_triggered',
      '--count',
      '5000',
      '--concurrency',
      '4',
      '--url',
      'http://slow:8080/',
      '--journal',
      'journal.ndjson',
    ]);
    const journal = join(out, 'journal.ndjson');
    const deliveryLines = () =>
      existsSync(journal)
        ? readFileSync(journal, 'utf8')
            .split('\n')
            .filter((l) => l.includes('"type":"delivery"')).length
        : 0;
    await waitUntil('the journal to record 5 deliveries', () => deliveryLines() >= 5, {
      timeoutMs: 60_000,
      everyMs: 100,
      seen: () => `${deliveryLines()} deliveries`,
    });

    const stopped = await docker(['stop', '-t', '2', sender], { timeoutMs: 30_000 });
    expect(stopped.code).toBe(0);
    expect(await exitCode(sender)).toBe(1);

    const lines = readFileSync(journal, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as JournalLine);
    const summary = lines.at(-1)!;
    expect(summary.type).toBe('summary');
    expect(summary.sent).toBe(5000);
    expect(summary.delivered! + summary.failed! + summary.interrupted!).toBe(5000);
    expect(summary.interrupted).toBeGreaterThan(0);
    const deliveries = lines.filter((l) => l.type === 'delivery');
    expect(deliveries.filter((l) => l.result === 'delivered')).toHaveLength(summary.delivered!);
    expect(new Set(deliveries.map((l) => l.seq)).size).toBe(deliveries.length);
    const logs = await docker(['logs', sender]);
    expect(logs.stdout).toContain('interrupted: no new attempt was started after the signal');
  }, 120_000);

  it('ends `cswm check` waiting on a hanging receiver within 2 s, exit 143, writing no report', async () => {
    const out = writableDir(dir, 'check');
    await dockerOk([
      'run',
      '-d',
      '--name',
      checker,
      '--network',
      network,
      '-v',
      `${out}:/reports`,
      CSWM_IMAGE,
      'check',
      '--url',
      'http://hanging:8080/',
      '--report',
      'json,junit,html',
    ]);
    await waitUntil('the hanging receiver to hold a probe', async () => (await deliveriesSeen(hanging)) > 0, {
      timeoutMs: 60_000,
      everyMs: 100,
    });

    const stopped = await docker(['stop', '-t', '2', checker], { timeoutMs: 30_000 });
    expect(stopped.code).toBe(0);
    expect(await exitCode(checker)).toBe(143);
    expect(readdirSync(out)).toEqual([]);
    const logs = await docker(['logs', checker]);
    expect(logs.stderr).toBe('cswm: stopped by SIGTERM\n');
  }, 120_000);
});
