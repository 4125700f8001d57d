import { describe, expect, it } from 'vitest';
import { healthTarget } from './healthcheck.js';

const cswm = (...args: string[]) => ['node', '/usr/local/bin/cswm', ...args];

describe('healthTarget', () => {
  it.each([
    [cswm('receive', '--host', '0.0.0.0'), 'http://127.0.0.1:8080/_cswm/'],
    [
      cswm('receive', '--host', '0.0.0.0', '--port', '8443', '--tls', 'valid'),
      'https://127.0.0.1:8443/_cswm/',
    ],
    [cswm('receive', '--port=3000', '--host=::'), 'http://127.0.0.1:3000/_cswm/'],
    [cswm('--debug', 'receive', '--cert', 'c.pem', '--key', 'k.pem'), 'https://127.0.0.1:8080/_cswm/'],
    [cswm('receive', '--host', '10.1.2.3', '--port', '80'), 'http://10.1.2.3:80/_cswm/'],
    [['node', '/app/dist/cli/main.js', 'receive', '--host', 'fd00::5'], 'http://[fd00::5]:8080/_cswm/'],
    [cswm('receive', '--port', '80', '--port', '8080'), 'http://127.0.0.1:8080/_cswm/'],
  ])('probes the inbox of %j at %s', (argv, url) => {
    expect(healthTarget(argv)?.url).toBe(url);
  });

  it.each([
    [cswm('check', '--url', 'http://receiver:8080/')],
    [cswm('send', 'alert_triggered', '--url', 'http://receive:8080/')],
    [cswm('receive', '--port', '0')],
    [['node', '/app/dist/container/healthcheck.js']],
    [['/sbin/docker-init', '--', 'cswm', 'receive']],
    [[]],
  ])('has nothing to probe for %j', (argv) => {
    expect(healthTarget(argv)).toBeUndefined();
  });
});
