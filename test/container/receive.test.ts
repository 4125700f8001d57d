/**
 * `cswm receive` in the image: a host `cswm send` reaches it through a published port, its inbox
 * answers, node itself is PID 1, and `docker stop` ends it cleanly at once.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import {
  CSWM_IMAGE,
  describeWithImage,
  docker,
  dockerOk,
  removeAll,
  uniqueName,
  waitHealthy,
} from './docker.js';

/** GET on the published port, with the Host header the inbox answers to (the receiver's own name and port). */
function getInbox(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: 'localhost:8080' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describeWithImage('cswm receive in the image', () => {
  const container = uniqueName('receive');
  let port = 0;

  beforeAll(async () => {
    await dockerOk([
      'run',
      '-d',
      '--name',
      container,
      '-p',
      '127.0.0.1::8080',
      '--health-interval',
      '1s',
      CSWM_IMAGE,
      'receive',
      '--host',
      '0.0.0.0',
    ]);
    port = Number((await dockerOk(['port', container, '8080/tcp'])).trim().split(':').pop());
    await waitHealthy(container);
  }, 120_000);
  afterAll(() => removeAll([container]), 60_000);

  it('runs node itself as PID 1 (no shell in between)', async () => {
    const script =
      "console.log(require('fs').readFileSync('/proc/1/cmdline', 'utf8').split('\\0').slice(0, 3).join(' '))";
    const pid1 = (await dockerOk(['exec', container, 'node', '-e', script])).trim();
    expect(pid1).toBe('node /usr/local/bin/cswm receive');
  });

  it('records an event a host `cswm send` delivers through the published port', async () => {
    const sent = await runCli(
      [
        'send',
        'alert_triggered',
        '--seed',
        '7',
        '--url',
        `http://127.0.0.1:${port}/hook`,
        '--allow-any-port',
        '--json',
      ],
      { timeoutMs: 60_000 },
    );
    expect(sent.code).toBe(0);
    const inbox = await getInbox(port, '/_cswm/deliveries');
    expect(inbox.status).toBe(200);
    const { deliveries } = JSON.parse(inbox.body) as {
      deliveries: { path: string; eventType: string; valid: boolean }[];
    };
    expect(deliveries.map(({ path, eventType, valid }) => ({ path, eventType, valid }))).toEqual([
      { path: '/hook', eventType: 'alert_triggered', valid: true },
    ]);
    const logs = await docker(['logs', container]);
    expect(logs.stdout).toMatch(/#1 POST \/hook alert_triggered valid -> 200/);
  });

  it('stops on `docker stop` within 2 s (no SIGKILL), exit 0, saying what it recorded', async () => {
    // -t 2: had SIGTERM not ended it within 2 s, Docker would kill it and the exit code be 137.
    const stopped = await docker(['stop', '-t', '2', container], { timeoutMs: 30_000 });
    expect(stopped.code).toBe(0);
    const state = JSON.parse(await dockerOk(['inspect', '--format', '{{json .State}}', container])) as {
      ExitCode: number;
      OOMKilled: boolean;
    };
    expect({ exitCode: state.ExitCode, stopMs: Math.round(stopped.durationMs) }).toMatchObject({
      exitCode: 0,
    });
    const logs = await docker(['logs', container]);
    expect(logs.stderr).toContain('cswm receive: stopped (SIGTERM), 1 deliveries recorded');
  });
});
