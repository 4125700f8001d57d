/**
 * The image as built: how it is configured, and bad input behaving as on the command line
 * (exit 2, one line on stderr, nothing on stdout, nothing sent to the receiver it names).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { version } from '../../src/version.js';
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

interface ImageConfig {
  User: string;
  Entrypoint: string[];
  Cmd: string[];
  WorkingDir: string;
  Env: string[];
  ExposedPorts: Record<string, object>;
  Healthcheck?: { Test: string[] };
  Labels: Record<string, string>;
}

describeWithImage('the container image', () => {
  let config: ImageConfig;
  beforeAll(async () => {
    config = JSON.parse(await dockerOk(['image', 'inspect', '--format', '{{json .Config}}', CSWM_IMAGE]));
  });

  it('runs cswm as a non-root user by number, from /reports, exposing 8080 with a health check', () => {
    expect(config.User).toBe('1000:1000');
    expect(config.Entrypoint).toEqual(['cswm']);
    expect(config.Cmd).toEqual(['receive', '--host', '0.0.0.0']);
    expect(config.WorkingDir).toBe('/reports');
    expect(config.Env).toContain('CSWM_REPORT_DIR=/reports');
    expect(Object.keys(config.ExposedPorts)).toEqual(['8080/tcp']);
    expect(config.Healthcheck?.Test).toEqual(['CMD', 'node', '/app/dist/container/healthcheck.js']);
    expect(config.Labels['org.opencontainers.image.base.name']).toMatch(/\S/);
  });

  it('prints the package version', async () => {
    const run = await docker(['run', '--rm', CSWM_IMAGE, '--version']);
    expect({ code: run.code, stdout: run.stdout.trim() }).toEqual({ code: 0, stdout: version });
  });

  it('bundles the scenarios and schemas', async () => {
    const run = await docker(['run', '--rm', CSWM_IMAGE, 'scenario', 'list', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { scenarios: unknown[] }).scenarios).toHaveLength(28);
    const generated = await docker(['run', '--rm', CSWM_IMAGE, 'generate', 'all', '--seed', '3']);
    expect(generated.stdout.trim().split('\n')).toHaveLength(15);
  });
});

describeWithImage('bad input to the image', () => {
  const network = uniqueName('bad-input-net');
  const receiver = uniqueName('bad-input-receiver');

  beforeAll(async () => {
    await dockerOk(['network', 'create', network]);
    await startReceiverContainer(receiver, network, 'receiver');
  }, 120_000);
  afterAll(() => removeAll([receiver], [network]), 60_000);

  const cases: [string, string[], RegExp][] = [
    [
      'an unknown flag',
      ['send', 'alert_triggered', '--url', 'http://receiver:8080/', '--bogus'],
      /unknown option '--bogus'/,
    ],
    [
      'an unknown report format',
      ['check', '--url', 'http://receiver:8080/', '--report', 'pdf'],
      /"pdf" is not a report format/,
    ],
    [
      'a port the Console refuses',
      ['send', 'alert_triggered', '--url', 'http://receiver:3000/'],
      /port 3000 is not allowed/,
    ],
    [
      'an unknown event type',
      ['send', 'alert_triggerd', '--url', 'http://receiver:8080/'],
      /unknown event type "alert_triggerd"/,
    ],
    ['an unknown command', ['sned'], /unknown command 'sned'/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 on ${what} with one line on stderr, and sends nothing`, async () => {
      const run = await docker(['run', '--rm', '--network', network, CSWM_IMAGE, ...args]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^cswm: [^\n]+\n$/);
      expect(run.stderr).toMatch(message);
      expect(await deliveriesSeen(receiver)).toBe(0);
    });
  }
});
